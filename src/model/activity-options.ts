import type { ActivityOptions } from '@temporalio/common';
import { NON_RETRYABLE_FAILURE_TYPES } from './failure-types';

/**
 * Activity options for calling this library's activities from a workflow. Each attempt is one HTTP
 * request (the SDK's own retries are off) bounded by the client's 20 s request timeout, well inside
 * `startToCloseTimeout`. Transient failures are retried with capped exponential backoff for as long as the
 * calling workflow waits; the failure types no retry can fix end the call on the first answer.
 */
export const RECOMMENDED_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // No attempt limit (maximumAttempts unset): the caller's deadline ends the retries.
    nonRetryableErrorTypes: [...NON_RETRYABLE_FAILURE_TYPES],
  },
} satisfies ActivityOptions;
