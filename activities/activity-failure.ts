import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { classifyNeptuneError, type ClassificationContext } from '../src/neptune/classify-error';
import { FailureType } from '../src/model/failure-types';
import { redactCredentials } from '../src/neptune/redact-credentials';

export type NeptuneOperation =
  | 'GetImportTask'
  | 'StartImportTask'
  | 'CreateGraphUsingImportTask'
  | 'CancelImportTask'
  | 'ListImportTasks'
  | 'ListGraphs';

/**
 * Turns whatever a Neptune call threw into the ApplicationFailure Temporal's retry policy acts on. The
 * original error stays attached as `cause` (with credentials redacted from its message), so the Web UI
 * shows the real chain, not a flattened string.
 */
export function toActivityFailure(
  error: unknown,
  operation: NeptuneOperation,
  subject: string,
  context: ClassificationContext = {},
  /** The credential values the client signs with: redacted wherever they appear. */
  secrets: readonly string[] = [],
): ApplicationFailure {
  const { type, retryable, benign, nextRetryDelayMs, details } = classifyNeptuneError(error, context);
  const where = [
    details.httpStatusCode !== undefined ? `HTTP ${details.httpStatusCode}` : undefined,
    details.reason !== undefined ? `reason ${details.reason}` : undefined,
    details.code !== undefined && details.code !== details.errorName ? details.code : undefined,
    details.requestId !== undefined ? `request id ${details.requestId}` : undefined,
  ].filter(Boolean);
  details.message = redactCredentials(details.message, secrets);
  const message =
    type === FailureType.INVALID_INPUT
      ? `${operation} was not sent: ${details.message}`
      : `${operation} ${subject} failed: ${details.errorName}` +
        (where.length ? ` (${where.join(', ')})` : '') +
        (details.message ? `: ${details.message}` : '');
  if (error instanceof Error) error.message = redactCredentials(error.message, secrets);
  return ApplicationFailure.create({
    type,
    message,
    nonRetryable: !retryable,
    details: [details],
    nextRetryDelay: nextRetryDelayMs,
    cause: error instanceof Error ? error : undefined,
    // Retried by design: the worker logs it at DEBUG and counts no failure.
    ...(benign && { category: ApplicationFailureCategory.BENIGN }),
  });
}
