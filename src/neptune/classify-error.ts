import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import {
  BENIGN_FAILURE_TYPES,
  BOUNDED_RETRY_FAILURE_TYPES,
  FailureType,
  NON_RETRYABLE_FAILURE_TYPES,
} from '../model/failure-types';

/**
 * One pure function decides, from the first answer, whether an error from the AWS SDK or the network can
 * be fixed by trying again. The AWS SDK's own classifiers (the ones its retry strategy uses) recognise
 * throttling, transient server answers and network failures; a short table adds what only this library
 * knows: which Neptune Analytics answers no retry can fix, and which are expected after a start.
 */

/** What an error said, kept as data in the failure's `details[0]`. */
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

/** The verdict on one error: its failure type, whether a retry can help, and what the answer said. */
export interface ErrorClassification {
  type: FailureType;
  retryable: boolean;
  /** Retried by design (throttling, a task not visible yet): logged quietly, not counted as a failure. */
  benign: boolean;
  /** Not known to be permanent or transient: retried only a bounded number of attempts. */
  bounded: boolean;
  /** From a `Retry-After` answer header, capped at `MAX_RETRY_AFTER_MS`. */
  nextRetryDelayMs?: number;
  details: NeptuneErrorDetails;
}

/** What the caller knows that the error does not say. */
export interface ClassificationContext {
  /** A ResourceNotFoundException may be the service's eventual consistency right after a start. */
  notFoundIsTransient?: boolean;
  /** Reference time for an HTTP-date `Retry-After`, in ms. */
  now?: number;
}

/** A `Retry-After` longer than this is not obeyed as is: the retry policy's own backoff takes over. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

type Verdict = Pick<ErrorClassification, 'type' | 'retryable'>;
const verdict = (type: FailureType): Verdict => ({
  type,
  retryable: !NON_RETRYABLE_FAILURE_TYPES.includes(type),
});

/**
 * What only this library knows of a service's error answer, by error name. Checked after throttling and
 * before the SDK's transient-error heuristics, whose clock-skew rule would retry an AccessDeniedException or
 * an InvalidSignatureException: for a wait, polling a denied task until its deadline.
 */
const BY_ERROR_NAME: Record<string, FailureType> = {
  ValidationException: FailureType.VALIDATION,
  ServiceQuotaExceededException: FailureType.QUOTA_EXCEEDED,
  // The graph is busy with another import or a cancel is under way: it clears by itself.
  ConflictException: FailureType.CONFLICT,
  // Generic AWS answers to bad or missing credentials and signatures.
  ...Object.fromEntries(
    [
      'AccessDeniedException',
      'AccessDenied',
      'UnrecognizedClientException',
      'InvalidSignatureException',
      'SignatureDoesNotMatch',
      'InvalidClientTokenId',
      'IncompleteSignature',
      'MissingAuthenticationToken',
      'MissingAuthenticationTokenException',
    ].map((name) => [name, FailureType.ACCESS_DENIED]),
  ),
  // Temporary credentials ran out: the next attempt signs with refreshed ones.
  ...Object.fromEntries(
    ['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired'].map((name) => [
      name,
      FailureType.EXPIRED_CREDENTIALS,
    ]),
  ),
};

/** Node and undici codes of a connection that failed, beyond the ones the SDK's classifier lists. */
const MORE_NETWORK_ERROR_CODES = new Set([
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_HTTP2_STREAM_ERROR',
]);

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  reason?: unknown;
  $fault?: unknown;
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

type SdkError = Parameters<typeof isTransientError>[0];

/** The SDK's classifiers assume an SDK error; on anything else (a `cause` of null, say) they can throw. */
function asks(classifier: (error: SdkError) => boolean, shape: ErrorShape): boolean {
  try {
    return classifier(shape as SdkError);
  } catch {
    return false;
  }
}

function classify(shape: ErrorShape, details: NeptuneErrorDetails, context: ClassificationContext): Verdict {
  const name = details.errorName;
  const status = details.httpStatusCode;
  // A service answered with an error: throttling first, then what only this library knows, then the
  // answer's fault side, status and retryable trait.
  if (shape.$fault === 'client' || shape.$fault === 'server') {
    if (asks(isThrottlingError, shape)) return verdict(FailureType.THROTTLED);
    if (name === 'ResourceNotFoundException') {
      return verdict(context.notFoundIsTransient ? FailureType.TASK_NOT_FOUND_YET : FailureType.NOT_FOUND);
    }
    const known = BY_ERROR_NAME[name];
    if (known) return verdict(known);
    const serverSide =
      shape.$fault === 'server' || asks(isServerError, shape) || asks(isTransientError, shape);
    return verdict(serverSide ? FailureType.SERVER_ERROR : FailureType.UNEXPECTED);
  }
  // An answer the SDK could not read (an HTML page from a proxy, a cut-off body): its status still tells.
  if (status !== undefined) {
    if (status === 429) return verdict(FailureType.THROTTLED);
    return verdict(status >= 500 ? FailureType.SERVER_ERROR : FailureType.MALFORMED_RESPONSE);
  }
  // No answer at all: this library's own input checks, a client that could not be configured, the network.
  if (name === FailureType.INVALID_INPUT) return verdict(FailureType.INVALID_INPUT);
  if (name === 'CredentialsProviderError') return verdict(FailureType.CREDENTIALS_UNAVAILABLE);
  if (/^Region is missing/.test(details.message)) return verdict(FailureType.CONFIGURATION);
  if (
    asks(isTransientError, shape) ||
    (details.code !== undefined && MORE_NETWORK_ERROR_CODES.has(details.code))
  ) {
    return verdict(FailureType.NETWORK_ERROR);
  }
  // Anything else is retried, a bounded number of times.
  return verdict(FailureType.UNEXPECTED);
}

/**
 * Classifies what a Neptune Analytics call threw, from the first answer: throttling, server and network
 * trouble are retryable; a missing task, a validation error or a denied permission are not. Pure.
 */
export function classifyNeptuneError(
  error: unknown,
  context: ClassificationContext = {},
): ErrorClassification {
  const shape = asShape(error);
  const details = detailsOf(error, shape);
  const { type, retryable } = classify(shape, details, context);
  const classification: ErrorClassification = {
    type,
    retryable,
    benign: BENIGN_FAILURE_TYPES.includes(type),
    bounded: BOUNDED_RETRY_FAILURE_TYPES.includes(type),
    details,
  };
  if (retryable) {
    const headers = shape.$response?.headers ?? {};
    const retryAfter = parseRetryAfter(
      headers['retry-after'] ?? headers['Retry-After'],
      context.now ?? Date.now(),
    );
    if (retryAfter !== undefined) classification.nextRetryDelayMs = retryAfter;
  }
  return classification;
}
