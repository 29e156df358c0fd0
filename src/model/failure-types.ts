/**
 * Failure types that activities and workflows of this library raise, as `ApplicationFailure.type`.
 * String constants, never class names: bundlers and minifiers rename classes, and Temporal retry policies
 * match on these strings (`nonRetryableErrorTypes`).
 */
export const FailureType = {
  /**
   * ThrottlingException, any 429, or any answer the AWS SDK reads as throttling (its throttling codes, the
   * `throttling` retryable trait). Retried, after `Retry-After` when the service sent one.
   */
  THROTTLED: 'NeptuneThrottled',
  /** InternalServerException, any server-fault or 5xx answer, or one the AWS SDK deems transient. Retried. */
  SERVER_ERROR: 'NeptuneServerError',
  /**
   * The request never got an answer: connection reset or refused, DNS, socket or request timeout (what the
   * AWS SDK deems transient, its cause chain included). Retried.
   */
  NETWORK_ERROR: 'NeptuneNetworkError',
  /** The answer could not be read: a non-JSON body such as a proxy's HTML error page. Retried. */
  MALFORMED_RESPONSE: 'NeptuneMalformedResponse',
  /** ExpiredTokenException / RequestExpired: credentials are refreshed by the next attempt. Retried. */
  EXPIRED_CREDENTIALS: 'NeptuneExpiredCredentials',
  /** ResourceNotFoundException within the grace period after this library started the task. Retried. */
  TASK_NOT_FOUND_YET: 'NeptuneTaskNotFoundYet',
  /** ConflictException other than cancelling a task that has already ended. Retried. */
  CONFLICT: 'NeptuneConflict',
  /**
   * Anything this library does not recognise (an unknown 4xx such as UnprocessableException, an unknown
   * error). Retried a bounded number of attempts (`unknownErrorAttempts`), then not.
   */
  UNEXPECTED: 'NeptuneUnexpectedError',
  /**
   * No credentials could be loaded (CredentialsProviderError): none are configured, or an instance or
   * container credential endpoint is briefly down; the SDK cannot tell which. Retried a bounded number of
   * attempts (`unknownErrorAttempts`), then not.
   */
  CREDENTIALS_UNAVAILABLE: 'NeptuneCredentialsUnavailable',

  /** ValidationException from the service. Not retried. */
  VALIDATION: 'NeptuneValidationError',
  /** ResourceNotFoundException: the task or graph does not exist. Not retried. */
  NOT_FOUND: 'NeptuneNotFound',
  /** AccessDeniedException, UnrecognizedClientException, InvalidSignatureException. Not retried. */
  ACCESS_DENIED: 'NeptuneAccessDenied',
  /** ServiceQuotaExceededException. Not retried. */
  QUOTA_EXCEEDED: 'NeptuneQuotaExceeded',
  /** No region could be found. Not retried. */
  CONFIGURATION: 'NeptuneConfigurationError',
  /** Input rejected before any request was sent. Not retried. */
  INVALID_INPUT: 'NeptuneInvalidInput',
} as const;

export type FailureType = (typeof FailureType)[keyof typeof FailureType];

/** The failure types no retry can fix; use as `RetryPolicy.nonRetryableErrorTypes`. */
export const NON_RETRYABLE_FAILURE_TYPES: readonly FailureType[] = [
  FailureType.VALIDATION,
  FailureType.NOT_FOUND,
  FailureType.ACCESS_DENIED,
  FailureType.QUOTA_EXCEEDED,
  FailureType.CONFIGURATION,
  FailureType.INVALID_INPUT,
];

/**
 * Failures not known to be permanent or transient: retried, but only `unknownErrorAttempts` times, so that
 * neither a brief outage ends a wait nor a permanent fault this library does not recognise keeps it forever.
 */
export const BOUNDED_RETRY_FAILURE_TYPES: readonly FailureType[] = [
  FailureType.UNEXPECTED,
  FailureType.CREDENTIALS_UNAVAILABLE,
];

/**
 * The failure types that are retried by design, not by accident: throttling (expected when many waits share
 * an account's rate) and a task not visible yet right after its start. Activities raise them as
 * `ApplicationFailureCategory.BENIGN`, so that the worker logs them at DEBUG and records no failure metric.
 */
export const BENIGN_FAILURE_TYPES: readonly FailureType[] = [
  FailureType.THROTTLED,
  FailureType.TASK_NOT_FOUND_YET,
];

/** How a wait for an import task ends when it does not succeed: the `type` of the workflow's failure. */
export const WaitFailureType = {
  /** The task reached FAILED; the message has statusReason and errorDetails, details[0] the last snapshot. */
  IMPORT_TASK_FAILED: 'ImportTaskFailed',
  /** The task reached CANCELLED. */
  IMPORT_TASK_CANCELLED: 'ImportTaskCancelled',
  /** The task reached DELETED. */
  IMPORT_TASK_DELETED: 'ImportTaskDeleted',
  /** The wait's deadline passed; the import is left running unless `cancelImportOnCancel`. */
  WAIT_TIMED_OUT: 'ImportTaskWaitTimedOut',
  /** cancelImportOnCancel: the import could not be cancelled, or its end not confirmed within an hour. */
  IMPORT_CANCEL_FAILED: 'ImportTaskCancelFailed',
  /** A pipeline step failed; details[0] holds the wait's result and every step's outcome. */
  PIPELINE_STEP_FAILED: 'ImportPipelineStepFailed',
} as const;

export type WaitFailureType = (typeof WaitFailureType)[keyof typeof WaitFailureType];
