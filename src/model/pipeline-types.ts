import type { Duration, RetryPolicy } from '@temporalio/common';
import type { ImportTaskSnapshot } from './import-task-snapshot';
import type { ImportStartInput } from './run-types';
import type { AwaitImportTaskInput, AwaitImportTaskResult } from './wait-types';

interface StepBase {
  /** Names the step in ids (`<pipeline id>/<name>`) and outcomes. Default: `onSucceeded-0`, `onFailed-1`, … */
  name?: string;
  /** Passed after the step context. */
  args?: unknown[];
}

export interface ChildWorkflowStep extends StepBase {
  workflowType: string;
  taskQueue?: string;
  /**
   * Bounds the child. A type no worker registers keeps failing its first workflow task, which Temporal
   * retries without end: the pipeline's current details name the step as running since it started.
   */
  workflowExecutionTimeout?: Duration;
}

export interface ActivityStep extends StepBase {
  activityType: string;
  taskQueue?: string;
  /** Default 10 minutes. */
  startToCloseTimeout?: Duration;
  /**
   * How long the step may wait for a worker to pick it up: it fails, not retried, when no worker polls
   * its task queue for this long. Default `DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT` (30 minutes).
   */
  scheduleToStartTimeout?: Duration;
  scheduleToCloseTimeout?: Duration;
  heartbeatTimeout?: Duration;
  /**
   * Temporal's default (retried without limit) unless set. Either way `NotFoundError`, the SDK's failure for
   * an activity type the worker does not register, is not retried (`UNREGISTERED_ACTIVITY_FAILURE_TYPE`).
   */
  retry?: RetryPolicy;
}

export interface SignalStep extends StepBase {
  workflowId: string;
  signalName: string;
}

/** One downstream step: a child workflow, an activity, or a signal to another workflow. */
export type PipelineStep = ChildWorkflowStep | ActivityStep | SignalStep;

/** The first argument every step receives. `stepId` is stable across replays, retries and reruns. */
export interface PipelineStepContext {
  task: ImportTaskSnapshot;
  pipelineWorkflowId: string;
  stepId: string;
}

/** Input of the `importTaskPipeline` workflow: the wait, then the steps for each outcome. */
export interface ImportTaskPipelineInput extends ImportStartInput {
  /**
   * The wait's input. With `start` or `createGraph` (which start the import first, exactly once) its
   * `taskIdentifier` is left out: the start makes the task.
   */
  await: AwaitImportTaskInput | Omit<AwaitImportTaskInput, 'taskIdentifier'>;
  /** Run after SUCCEEDED. */
  onSucceeded?: PipelineStep[];
  /** Run after FAILED, CANCELLED or DELETED. */
  onFailed?: PipelineStep[];
  /** Run the steps of a list all at once instead of one after another. Default false. */
  parallel?: boolean;
}

export type PipelineStepKind = 'childWorkflow' | 'activity' | 'signal';

/** How one pipeline step ended. */
export interface PipelineStepOutcome {
  name: string;
  stepId: string;
  kind: PipelineStepKind;
  /**
   * `already-ran`: a child workflow with this step's id had already run (a rerun of the pipeline);
   * `skipped`: an earlier step failed (sequential pipelines stop there).
   */
  status: 'completed' | 'failed' | 'already-ran' | 'skipped';
  result?: unknown;
  error?: string;
}

/** What `importTaskPipeline` returns: the wait's result and every step's outcome. */
export interface ImportTaskPipelineResult {
  /** With `start` or `createGraph`: the task the pipeline started, and where to see it. */
  started?: { taskIdentifier: string; graphId: string; consoleUrl: string; alreadyStarted: boolean };
  wait: AwaitImportTaskResult;
  steps: PipelineStepOutcome[];
}
