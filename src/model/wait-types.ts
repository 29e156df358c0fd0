import type { Duration } from '@temporalio/common';
import type { ImportTaskSnapshot } from './import-task-snapshot';
import type { PollDecision, PollMemory } from './poll-planner';
import type { PollingOptions } from './poll-schedule';
import type { ImportTaskPhase } from './status-model';

/** Input of the `awaitImportTask` workflow. Plain JSON: it is the workflow's first argument. */
export interface AwaitImportTaskInput {
  taskIdentifier: string;
  polling?: PollingOptions;
  /** How long to wait at most, from the first run's start. Then: `ImportTaskWaitTimedOut`. */
  deadline?: Duration;
  /**
   * On workflow cancellation (and at the deadline), cancel the import itself and wait until the service
   * confirms it ended. Default false: the wait stops and the import is left alone.
   */
  cancelImportOnCancel?: boolean;
  /**
   * With `cancelImportOnCancel`: how long cancelling may take until the service confirms the task ended.
   * Then the wait fails with `ImportTaskCancelFailed` (the import may still be running). Default 1 hour.
   */
  cancelConfirmTimeout?: Duration;
  /** Return (instead of failing) on FAILED, CANCELLED and DELETED too. Default false. */
  returnOnAnyTerminal?: boolean;
  /**
   * Upsert the Neptune* search attributes. `'auto'` (default): only when the workflow was started with
   * `NeptuneImportTaskId` set, which proves the namespace has them; `true`: always (they must be
   * registered); `false`: never.
   */
  searchAttributes?: boolean | 'auto';
  /** The service may not know a task it has just started: ResourceNotFoundException is retried until then. */
  notFoundGracePeriod?: Duration;
  /** Polls in one run before it continues as new (also when the server suggests it). Default 500. */
  maxPollsPerRun?: number;
}

/** What a run hands to the next one when it continues as new. */
export interface AwaitImportTaskCarryOver {
  polls: number;
  runs: number;
  startedAt: string;
  recent: ImportTaskSnapshot[];
  /** Absent in carry-overs written before 0.3.0: the run is then taken as begun by its newest answer remembered. */
  progressStart?: PollMemory['progressStart'];
  nextPollAt?: string;
  nextPollReason?: PollDecision['reason'];
  predictedEndAt?: string;
}

/** How a wait ended well: the last answer, with what the wait cost. */
export interface AwaitImportTaskResult {
  task: ImportTaskSnapshot;
  /** GetImportTask calls that returned, across all runs. */
  polls: number;
  /** Workflow runs (1 + continue-as-new count). */
  runs: number;
  waitedMs: number;
}

/** The `status` query's answer. */
export interface ImportTaskWaitStatus {
  task?: ImportTaskSnapshot;
  phase?: ImportTaskPhase;
  polls: number;
  runs: number;
  startedAt: string;
  nextPollAt?: string;
  /** What the schedule chose the next poll from: `estimate` (the progress so far) or a backoff. */
  nextPollReason?: PollDecision['reason'];
  /** When the progress so far says the import ends; absent while nothing predicts it. */
  predictedEndAt?: string;
}

export const DEFAULT_MAX_POLLS_PER_RUN = 500;
export const DEFAULT_CANCEL_CONFIRM_TIMEOUT_MS = 60 * 60_000;
