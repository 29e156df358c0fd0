import { ApplicationFailure } from '@temporalio/workflow';
import { WaitFailureType } from '../src/failure-types';
import type { ImportTaskSnapshot } from '../src/import-task-snapshot';
import type { ImportTaskPhase } from '../src/status-model';

const FAILURE_TYPE_OF_PHASE: Partial<Record<ImportTaskPhase, WaitFailureType>> = {
  failed: WaitFailureType.IMPORT_TASK_FAILED,
  cancelled: WaitFailureType.IMPORT_TASK_CANCELLED,
  deleted: WaitFailureType.IMPORT_TASK_DELETED,
};

/** The non-retryable failure for an import that ended without success; undefined for SUCCEEDED. */
export function importEndedFailure(task: ImportTaskSnapshot): ApplicationFailure | undefined {
  const type = FAILURE_TYPE_OF_PHASE[task.phase];
  if (!type) return undefined;
  const said = [task.statusReason, task.details?.errorDetails].filter(Boolean).join('; ');
  const errors = task.details?.errorCount ? ` (${task.details.errorCount} errors)` : '';
  return ApplicationFailure.create({
    type,
    nonRetryable: true,
    message: `Import task ${task.taskId} ended ${task.status}${errors}${said ? `: ${said}` : ''}`,
    details: [task],
  });
}
