import { FailureType } from '../model/failure-types';

/**
 * One pure function decides, from the first answer, whether an error from the AWS SDK or the network can
 * be fixed by trying again. No I/O, no Temporal: it is table-tested on its own.
 */

export interface NeptuneErrorDetails {
  /** The AWS error code (`ThrottlingException`), or the JavaScript error name for non-service errors. */
  errorName: string;
  message: string;
  httpStatusCode?: number;
  requestId?: string;
  /** `reason` of a ValidationException or ConflictException. */
  reason?: string;
  /** Node's error code for network failures (`ECONNRESET`). */
  code?: string;
}

export interface ErrorClassification {
  type: FailureType;
  retryable: boolean;
  /** From a `Retry-After` answer header, capped at `MAX_RETRY_AFTER_MS`. */
  nextRetryDelayMs?: number;
  details: NeptuneErrorDetails;
}

export interface ClassificationContext {
  /** A ResourceNotFoundException may be the service's eventual consistency right after a start. */
  notFoundIsTransient?: boolean;
  /** Reference time for an HTTP-date `Retry-After`, in ms. */
  now?: number;
}

/** A `Retry-After` longer than this is not obeyed as is: the retry policy's own backoff takes over. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
]);
const SERVER_ERROR_NAMES = new Set([
  'InternalServerException',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const EXPIRED_CREDENTIAL_NAMES = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'RequestExpired',
  'TokenRefreshRequired',
]);
const ACCESS_DENIED_NAMES = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);
const TRANSIENT_HTTP_STATUSES = new Set([500, 502, 503, 504]);
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_HTTP2_STREAM_ERROR',
]);
const NETWORK_ERROR_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  reason?: unknown;
  $fault?: unknown;
  $retryable?: { throttling?: unknown };
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
  $response?: { statusCode?: unknown; headers?: Record<string, unknown> };
}

function asShape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? error : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Seconds or an HTTP-date, as RFC 9110 allows; anything else is ignored. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  const text = str(typeof value === 'number' ? String(value) : value)?.trim();
  if (!text) return undefined;
  let delayMs: number;
  if (/^\d+(\.\d+)?$/.test(text)) delayMs = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    delayMs = at - now;
  }
  return Math.min(Math.max(delayMs, 0), MAX_RETRY_AFTER_MS);
}

function detailsOf(error: unknown, shape: ErrorShape): NeptuneErrorDetails {
  const details: NeptuneErrorDetails = {
    errorName: str(shape.name) ?? (error instanceof Error ? error.constructor.name : typeof error),
    message: str(shape.message) ?? (error instanceof Error ? '' : String(error)),
  };
  const httpStatusCode = num(shape.$metadata?.httpStatusCode) ?? num(shape.$response?.statusCode);
  if (httpStatusCode !== undefined) details.httpStatusCode = httpStatusCode;
  const requestId = str(shape.$metadata?.requestId);
  if (requestId) details.requestId = requestId;
  const reason = str(shape.reason);
  if (reason) details.reason = reason;
  const code = str(shape.code);
  if (code) details.code = code;
  return details;
}

/** An AWS service answered (it has `$metadata` and a fault side), as opposed to a local or network error. */
function isServiceException(shape: ErrorShape): boolean {
  return shape.$fault === 'client' || shape.$fault === 'server';
}

function classifyServiceException(
  shape: ErrorShape,
  details: NeptuneErrorDetails,
  context: ClassificationContext,
): Pick<ErrorClassification, 'type' | 'retryable'> {
  const name = details.errorName;
  const status = details.httpStatusCode;
  if (THROTTLING_NAMES.has(name) || shape.$retryable?.throttling === true || status === 429) {
    return { type: FailureType.THROTTLED, retryable: true };
  }
  if (EXPIRED_CREDENTIAL_NAMES.has(name)) return { type: FailureType.EXPIRED_CREDENTIALS, retryable: true };
  if (name === 'ValidationException') return { type: FailureType.VALIDATION, retryable: false };
  if (name === 'ResourceNotFoundException') {
    return context.notFoundIsTransient
      ? { type: FailureType.TASK_NOT_FOUND_YET, retryable: true }
      : { type: FailureType.NOT_FOUND, retryable: false };
  }
  if (ACCESS_DENIED_NAMES.has(name)) return { type: FailureType.ACCESS_DENIED, retryable: false };
  if (name === 'ServiceQuotaExceededException') return { type: FailureType.QUOTA_EXCEEDED, retryable: false };
  if (name === 'ConflictException') return { type: FailureType.CONFLICT, retryable: true };
  if (
    SERVER_ERROR_NAMES.has(name) ||
    shape.$fault === 'server' ||
    (status !== undefined && TRANSIENT_HTTP_STATUSES.has(status))
  ) {
    return { type: FailureType.SERVER_ERROR, retryable: true };
  }
  return { type: FailureType.UNEXPECTED, retryable: true };
}

/** The SDK could not read the answer (an HTML page from a proxy, a cut-off body): its status still tells. */
function classifyUnreadableAnswer(status: number): Pick<ErrorClassification, 'type' | 'retryable'> {
  if (status === 429) return { type: FailureType.THROTTLED, retryable: true };
  if (status >= 500) return { type: FailureType.SERVER_ERROR, retryable: true };
  return { type: FailureType.MALFORMED_RESPONSE, retryable: true };
}

function classifyLocalError(
  shape: ErrorShape,
  details: NeptuneErrorDetails,
): Pick<ErrorClassification, 'type' | 'retryable'> {
  const name = details.errorName;
  if (name === FailureType.INVALID_INPUT) return { type: FailureType.INVALID_INPUT, retryable: false };
  if (name === 'CredentialsProviderError' || /^Region is missing/.test(details.message)) {
    return { type: FailureType.CONFIGURATION, retryable: false };
  }
  const code = str(shape.code);
  if ((code && NETWORK_ERROR_CODES.has(code)) || NETWORK_ERROR_NAMES.has(name)) {
    return { type: FailureType.NETWORK_ERROR, retryable: true };
  }
  return { type: FailureType.UNEXPECTED, retryable: true };
}

export function classifyNeptuneError(
  error: unknown,
  context: ClassificationContext = {},
): ErrorClassification {
  const shape = asShape(error);
  const details = detailsOf(error, shape);
  let verdict: Pick<ErrorClassification, 'type' | 'retryable'>;
  if (isServiceException(shape)) verdict = classifyServiceException(shape, details, context);
  else if (details.httpStatusCode !== undefined) verdict = classifyUnreadableAnswer(details.httpStatusCode);
  else verdict = classifyLocalError(shape, details);

  const classification: ErrorClassification = { ...verdict, details };
  if (verdict.retryable) {
    const headers = shape.$response?.headers ?? {};
    const retryAfter = parseRetryAfter(
      headers['retry-after'] ?? headers['Retry-After'],
      context.now ?? Date.now(),
    );
    if (retryAfter !== undefined) classification.nextRetryDelayMs = retryAfter;
  }
  return classification;
}
