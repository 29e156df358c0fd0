import { type ActivityFailure, ApplicationFailure, type ChildWorkflowFailure } from '@temporalio/workflow';
import { formatDuration } from '../src/model/durations';
import { FailureType, WaitFailureType } from '../src/model/failure-types';
import type { ImportTaskSnapshot } from '../src/model/import-task-snapshot';
import type { ImportTaskPipelineResult } from '../src/model/pipeline-types';
import type { ImportTaskPhase } from '../src/model/status-model';

/**
 * Every failure the workflows of this library end with, built here. All are non-retryable: a workflow that
 * threw a plain error would fail its workflow task and be retried forever, not fail.
 */

/** Bad workflow input fails the workflow at once, before anything is called. */
export function invalidInputFailure(message: string, cause?: Error): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureType.INVALID_INPUT, nonRetryable: true, message, cause });
}

const FAILURE_TYPE_OF_PHASE: Partial<Record<ImportTaskPhase, WaitFailureType>> = {
  failed: WaitFailureType.IMPORT_TASK_FAILED,
  cancelled: WaitFailureType.IMPORT_TASK_CANCELLED,
  deleted: WaitFailureType.IMPORT_TASK_DELETED,
};

/**
 * The import ended without success (FAILED, CANCELLED, DELETED): its statusReason and errorDetails in the
 * message, the last snapshot then `extraDetails` as details. Undefined for SUCCEEDED.
 */
export function importEndedFailure(
  task: ImportTaskSnapshot,
  extraDetails: unknown[] = [],
): ApplicationFailure | undefined {
  const type = FAILURE_TYPE_OF_PHASE[task.phase];
  if (!type) return undefined;
  const said = [task.statusReason, task.details?.errorDetails].filter(Boolean).join('; ');
  const errors = task.details?.errorCount ? ` (${task.details.errorCount} errors)` : '';
  return ApplicationFailure.create({
    type,
    nonRetryable: true,
    message: `Import task ${task.taskId} ended ${task.status}${errors}${said ? `: ${said}` : ''}`,
    details: [task, ...extraDetails],
  });
}

/** The wait's deadline passed; the last snapshot, if any, is the detail. */
export function waitTimedOutFailure(
  taskIdentifier: string,
  waitedMs: number,
  last: ImportTaskSnapshot | undefined,
  cause?: Error,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: WaitFailureType.WAIT_TIMED_OUT,
    nonRetryable: true,
    message:
      `Stopped waiting for import task ${taskIdentifier} after ${formatDuration(waitedMs)}: ` +
      `the deadline passed${last ? ` (last status ${last.status})` : ''}`,
    details: last ? [last] : [],
    cause,
  });
}

/**
 * A failure that reports an activity's or a child workflow's failure: it keeps that failure's type
 * (`NeptuneUnexpectedError` when it has none), says `prefix` and what it said, and has it as its cause.
 */
export function reportingFailure(
  wrapped: ActivityFailure | ChildWorkflowFailure,
  prefix: string,
): ApplicationFailure {
  const cause = wrapped.cause;
  return ApplicationFailure.create({
    type: (cause instanceof ApplicationFailure ? cause.type : undefined) ?? FailureType.UNEXPECTED,
    nonRetryable: true,
    message: `${prefix}: ${cause?.message ?? wrapped.message}`,
    cause: wrapped,
  });
}

/** The deadline passed while the start was still being retried: the import may not have started. */
export function startTimedOutFailure(operation: string, subject: string, cause: Error): ApplicationFailure {
  return ApplicationFailure.create({
    type: WaitFailureType.WAIT_TIMED_OUT,
    nonRetryable: true,
    message: `The deadline passed before ${operation} ${subject} answered: the import may not have started`,
    cause,
  });
}

/** `cancelImportOnCancel`: the import could not be cancelled, or its end not confirmed in time. */
export function cancelFailedFailure(
  taskIdentifier: string,
  confirmTimeoutMs: number,
  last: ImportTaskSnapshot | undefined,
  cause: Error | undefined,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: WaitFailureType.IMPORT_CANCEL_FAILED,
    nonRetryable: true,
    message:
      `Could not cancel import task ${taskIdentifier} and confirm it ended within ` +
      `${formatDuration(confirmTimeoutMs)}; it may still be running${cause ? `: ${cause.message}` : ''}`,
    details: last ? [last] : [],
    cause,
  });
}

/** The wait (a child workflow) failed: the caller fails the same way, with its type, message and details. */
export function childWaitFailure(error: ChildWorkflowFailure): ApplicationFailure {
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure))
    return reportingFailure(error, 'The wait for the import task failed');
  return ApplicationFailure.create({
    type: cause.type ?? FailureType.UNEXPECTED,
    nonRetryable: true,
    message: cause.message,
    details: cause.details ? [...cause.details] : [],
    cause: error,
  });
}

/** A pipeline step failed; details[0] holds the wait's result and every step's outcome. */
export function pipelineStepFailure(
  stepName: string,
  error: string | undefined,
  result: ImportTaskPipelineResult,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: WaitFailureType.PIPELINE_STEP_FAILED,
    nonRetryable: true,
    message: `Pipeline step ${stepName} failed: ${error ?? 'no message'}`,
    details: [result],
  });
}
