import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { classifyNeptuneError, type ClassificationContext } from '../src/neptune/classify-error';
import { FailureType } from '../src/model/failure-types';
import { redactCredentials } from '../src/neptune/redact-credentials';

/**
 * Attempts before a failure not known to be permanent or transient (`BOUNDED_RETRY_FAILURE_TYPES`) is given
 * up: with the recommended retry policy (1 s, doubling, at most 1 min apart) about 4 minutes of retries.
 */
export const DEFAULT_UNKNOWN_ERROR_ATTEMPTS = 10;

/**
 * Redacts an error and its causes in place: messages and stacks. The stack matters on its own: Temporal
 * sends it as the failure's stack trace, and once anything has read it, it no longer follows the message.
 */
export function redactErrorChain(error: unknown, secrets: readonly string[]): void {
  for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    e.message = redactCredentials(e.message, secrets);
    if (e.stack !== undefined) e.stack = redactCredentials(e.stack, secrets);
  }
}

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
  options: {
    context?: ClassificationContext;
    /** The credential values the client signs with: redacted wherever they appear. */
    secrets?: readonly string[];
    /**
     * How many attempts in a row before this one failed with an error not known to be transient, and after
     * how many such attempts (this one included) it is given up.
     */
    boundedFailuresBefore?: number;
    boundedAttempts?: number;
  } = {},
): ApplicationFailure {
  const {
    context = {},
    secrets = [],
    boundedFailuresBefore = 0,
    boundedAttempts = DEFAULT_UNKNOWN_ERROR_ATTEMPTS,
  } = options;
  const { type, retryable, benign, bounded, nextRetryDelayMs, details } = classifyNeptuneError(
    error,
    context,
  );
  const attempts = boundedFailuresBefore + 1;
  const givenUp = retryable && bounded && attempts >= boundedAttempts;
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
        (details.message ? `: ${details.message}` : '') +
        (givenUp
          ? ` (not retried again: ${attempts} attempts in a row failed with errors not known to be transient)`
          : '');
  redactErrorChain(error, secrets);
  return ApplicationFailure.create({
    type,
    message,
    nonRetryable: !retryable || givenUp,
    details: [details],
    nextRetryDelay: nextRetryDelayMs,
    cause: error instanceof Error ? error : undefined,
    // Retried by design: the worker logs it at DEBUG and counts no failure.
    ...(benign && { category: ApplicationFailureCategory.BENIGN }),
  });
}
