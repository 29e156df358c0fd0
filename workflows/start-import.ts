import { ActivityFailure, CancellationScope, isCancellation, TimeoutFailure } from '@temporalio/workflow';
import type { StartImportTaskResult } from '../activities';
import type { ResolvedImportStart } from '../src/model/resolve-import-start';
import { STARTED_TASK_NOT_FOUND_GRACE, type ImportStartInput } from '../src/model/run-types';
import type { AwaitImportTaskInput } from '../src/model/wait-types';
import { reportingFailure, startTimedOutFailure } from './failures';
import { proxyNeptuneImportActivities } from './neptune-activities';

/**
 * Starts the import through its activity, once: the activity finds what an earlier attempt started, and
 * workflow code runs it once per workflow run whatever the worker restarts. Transient failures are retried
 * until `deadlineMs` (if any); a permanent one (a validation error, access denied) fails the caller with its
 * own type and the activity's failure as the cause.
 */
async function startThroughActivity(
  start: ResolvedImportStart,
  deadlineMs: number | undefined,
): Promise<StartImportTaskResult> {
  const activities = proxyNeptuneImportActivities({
    summary: `${start.operation} ${start.subject}`,
    ...(deadlineMs !== undefined && { scheduleToCloseTimeout: deadlineMs }),
  });
  try {
    return start.operation === 'StartImportTask'
      ? await activities.startImportTask(start.request)
      : await activities.createGraphUsingImportTask(start.request);
  } catch (error) {
    if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
    if (error.cause instanceof TimeoutFailure)
      throw startTimedOutFailure(start.operation, start.subject, error);
    throw reportingFailure(error, `${start.operation} ${start.subject} failed`);
  }
}

/** The wait's input: the caller's options, the task just started, and a grace for the service to know it. */
export function waitInputAfterStart(
  input: Omit<AwaitImportTaskInput, 'taskIdentifier'> & ImportStartInput,
  taskIdentifier: string,
  deadlineMs?: number,
): AwaitImportTaskInput {
  const { start: _start, createGraph: _createGraph, ...wait } = input;
  return {
    ...wait,
    taskIdentifier,
    notFoundGracePeriod: wait.notFoundGracePeriod ?? STARTED_TASK_NOT_FOUND_GRACE,
    // The deadline counts from the run's start, the start included: the wait gets what is left of it.
    ...(deadlineMs !== undefined && { deadline: deadlineMs }),
  };
}

/**
 * Starts the import once (see `startThroughActivity`), shielded from the workflow's cancellation: a start
 * request already on its way goes through whatever happens to the workflow, so the workflow must know its
 * task. If the workflow was cancelled meanwhile, the import is cancelled too when `cancelImportOnCancel`,
 * and the cancellation then ends the caller.
 */
export async function startImport(
  start: ResolvedImportStart,
  options: { deadlineMs?: number; cancelImportOnCancel: boolean },
): Promise<StartImportTaskResult> {
  const started = await CancellationScope.nonCancellable(() =>
    startThroughActivity(start, options.deadlineMs),
  );
  if (CancellationScope.current().consideredCancelled) {
    if (options.cancelImportOnCancel) {
      const { cancelImportTask } = proxyNeptuneImportActivities({
        summary: `CancelImportTask ${started.task.taskId}`,
      });
      await CancellationScope.nonCancellable(() => cancelImportTask({ taskIdentifier: started.task.taskId }));
    }
    await CancellationScope.current().cancelRequested;
  }
  return started;
}

/** What is left of a deadline of `deadlineMs` counted from `sinceMs`: the wait after a start gets only that. */
export function remainingDeadline(deadlineMs: number | undefined, sinceMs: number): number | undefined {
  return deadlineMs === undefined ? undefined : Math.max(1, deadlineMs - (Date.now() - sinceMs));
}
