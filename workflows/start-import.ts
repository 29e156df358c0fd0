import { ActivityFailure, ApplicationFailure, isCancellation, TimeoutFailure } from '@temporalio/workflow';
import type { StartImportTaskResult } from '../activities';
import type { ResolvedImportStart } from '../src/model/resolve-import-start';
import { STARTED_TASK_NOT_FOUND_GRACE, type ImportStartInput } from '../src/model/run-types';
import type { AwaitImportTaskInput } from '../src/model/wait-types';
import { permanentActivityFailure, startTimedOutFailure } from './failures';
import { proxyNeptuneImportActivities } from './neptune-activities';

/**
 * Starts the import through its activity, once: the activity finds what an earlier attempt started, and
 * workflow code runs it once per workflow run whatever the worker restarts. Transient failures are retried
 * until `deadlineMs` (if any); a permanent one (a validation error, access denied) fails the caller with its
 * own type and the activity's failure as the cause.
 */
export async function startImport(
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
    const cause = error.cause;
    throw permanentActivityFailure(
      cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined,
      `${start.operation} ${start.subject} failed: ${cause?.message ?? error.message}`,
      error,
    );
  }
}

/** The wait's input: the caller's options, the task just started, and a grace for the service to know it. */
export function waitInputAfterStart(
  input: Omit<AwaitImportTaskInput, 'taskIdentifier'> & ImportStartInput,
  taskIdentifier: string,
): AwaitImportTaskInput {
  const { start: _start, createGraph: _createGraph, ...wait } = input;
  return {
    ...wait,
    taskIdentifier,
    notFoundGracePeriod: wait.notFoundGracePeriod ?? STARTED_TASK_NOT_FOUND_GRACE,
  };
}
