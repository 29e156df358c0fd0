import type { CreateGraphUsingImportTaskInput, StartImportTaskInput } from './input-validation';
import type { AwaitImportTaskInput, AwaitImportTaskResult } from './wait-types';

/**
 * How an import is started: `start` (StartImportTask, into an existing graph) or `createGraph`
 * (CreateGraphUsingImportTask, a new graph loaded by the import). Exactly one of the two.
 */
export interface ImportStartInput {
  start?: StartImportTaskInput;
  createGraph?: CreateGraphUsingImportTaskInput;
}

/**
 * Input of the `runImportTask` workflow: how to start the import, and the wait's options (as for
 * `awaitImportTask`, without the task, which the start makes).
 */
export interface RunImportTaskInput
  extends ImportStartInput, Omit<AwaitImportTaskInput, 'taskIdentifier' | 'returnOnAnyTerminal'> {}

/** What `runImportTask` returns: the wait's result, with the task it started and where to see it. */
export interface RunImportTaskResult extends AwaitImportTaskResult {
  taskIdentifier: string;
  graphId: string;
  /** The task's page in the AWS console. */
  consoleUrl: string;
  /** True when the start found the import already started (a retry or a rerun) instead of starting one. */
  alreadyStarted: boolean;
}

/** The `status` query of `runImportTask`: where the run is, and (once started) which task and wait. */
export interface RunImportTaskStatus {
  stage: 'starting' | 'waiting';
  taskIdentifier?: string;
  graphId?: string;
  consoleUrl?: string;
  /** The child workflow that waits: query its own `status` for the import's progress. */
  waitWorkflowId?: string;
}

/**
 * Right after a start the service may not know its task yet (eventual consistency): unless the input says
 * otherwise, a wait that follows a start retries a not-found answer for this long.
 */
export const STARTED_TASK_NOT_FOUND_GRACE = '2 minutes';
