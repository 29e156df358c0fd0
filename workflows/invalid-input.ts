import { ApplicationFailure } from '@temporalio/workflow';
import { FailureType } from '../src/failure-types';

/**
 * Bad workflow input fails the workflow at once, not its workflow task: a thrown plain error would make
 * Temporal retry the task forever.
 */
export function invalidInputFailure(message: string, cause?: Error): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureType.INVALID_INPUT, nonRetryable: true, message, cause });
}
