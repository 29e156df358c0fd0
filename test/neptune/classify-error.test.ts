import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  NeptuneGraphServiceException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-neptune-graph';
import { classifyNeptuneError, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/neptune/classify-error';
import { FailureType, NON_RETRYABLE_FAILURE_TYPES } from '../../src/model/failure-types';
import { InvalidInputError } from '../../src/model/invalid-input';

const metadata = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: 'req-1',
  attempts: 1,
  totalRetryDelay: 0,
});

/** A generic service exception, as the SDK builds one for an error code its model does not declare. */
function genericServiceError(name: string, httpStatusCode: number, fault: 'client' | 'server' = 'client') {
  return new NeptuneGraphServiceException({
    name,
    $fault: fault,
    $metadata: metadata(httpStatusCode),
    message: name,
  });
}

/** What the SDK throws when it cannot parse a body: the parse error with the answer's metadata attached. */
function unreadable(httpStatusCode: number) {
  return Object.assign(new SyntaxError('Unexpected token < in JSON at position 0'), {
    $metadata: { httpStatusCode, attempts: 1, totalRetryDelay: 0 },
    $response: { statusCode: httpStatusCode, headers: { 'content-type': 'text/html' } },
  });
}

function networkError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code, $metadata: { attempts: 1 } });
}

const rows: {
  name: string;
  error: unknown;
  type: string;
  retryable: boolean;
  context?: { notFoundIsTransient: boolean };
}[] = [
  {
    name: 'ThrottlingException',
    error: new ThrottlingException({ message: 'Rate exceeded', $metadata: metadata(429) }),
    type: FailureType.THROTTLED,
    retryable: true,
  },
  {
    name: 'any 429 answer',
    error: genericServiceError('SomethingNew', 429),
    type: FailureType.THROTTLED,
    retryable: true,
  },
  {
    name: 'InternalServerException',
    error: new InternalServerException({ message: 'oops', $metadata: metadata(500) }),
    type: FailureType.SERVER_ERROR,
    retryable: true,
  },
  ...[500, 502, 503, 504].map((status) => ({
    name: `a ${status} answer with a JSON error`,
    error: genericServiceError('Unknown', status),
    type: FailureType.SERVER_ERROR,
    retryable: true,
  })),
  {
    name: 'a server-fault exception of unknown name',
    error: genericServiceError('BrandNewServerFault', 500, 'server'),
    type: FailureType.SERVER_ERROR,
    retryable: true,
  },
  ...[
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'EHOSTUNREACH',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
  ].map((code) => ({
    name: `network ${code}`,
    error: networkError(code),
    type: FailureType.NETWORK_ERROR,
    retryable: true,
  })),
  {
    name: 'socket timeout (TimeoutError)',
    error: Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }),
    type: FailureType.NETWORK_ERROR,
    retryable: true,
  },
  {
    name: 'request timeout (TimeoutError, no code)',
    error: Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }),
    type: FailureType.NETWORK_ERROR,
    retryable: true,
  },
  { name: "a proxy's HTML 502", error: unreadable(502), type: FailureType.SERVER_ERROR, retryable: true },
  { name: 'an HTML 429', error: unreadable(429), type: FailureType.THROTTLED, retryable: true },
  {
    name: 'a malformed JSON body on 200',
    error: unreadable(200),
    type: FailureType.MALFORMED_RESPONSE,
    retryable: true,
  },
  {
    name: 'ExpiredTokenException',
    error: genericServiceError('ExpiredTokenException', 403),
    type: FailureType.EXPIRED_CREDENTIALS,
    retryable: true,
  },
  {
    name: 'RequestExpired',
    error: genericServiceError('RequestExpired', 400),
    type: FailureType.EXPIRED_CREDENTIALS,
    retryable: true,
  },
  {
    name: 'ValidationException',
    error: new ValidationException({
      message: 'bad',
      reason: 'CONSTRAINT_VIOLATION',
      $metadata: metadata(400),
    }),
    type: FailureType.VALIDATION,
    retryable: false,
  },
  {
    name: 'ResourceNotFoundException',
    error: new ResourceNotFoundException({ message: 'no task', $metadata: metadata(404) }),
    type: FailureType.NOT_FOUND,
    retryable: false,
  },
  {
    name: 'ResourceNotFoundException within the grace period',
    error: new ResourceNotFoundException({ message: 'no task', $metadata: metadata(404) }),
    type: FailureType.TASK_NOT_FOUND_YET,
    retryable: true,
    context: { notFoundIsTransient: true },
  },
  {
    name: 'AccessDeniedException',
    error: new AccessDeniedException({ message: 'no', $metadata: metadata(403) }),
    type: FailureType.ACCESS_DENIED,
    retryable: false,
  },
  {
    name: 'UnrecognizedClientException',
    error: genericServiceError('UnrecognizedClientException', 403),
    type: FailureType.ACCESS_DENIED,
    retryable: false,
  },
  {
    name: 'InvalidSignatureException',
    error: genericServiceError('InvalidSignatureException', 403),
    type: FailureType.ACCESS_DENIED,
    retryable: false,
  },
  {
    // The SDK's clock-skew heuristic would retry this; for a wait it means polling a denied task for hours.
    name: 'AccessDeniedException whose answer the SDK would treat as clock skew',
    error: Object.assign(genericServiceError('AccessDeniedException', 403), {
      $metadata: { ...metadata(403), clockSkewCorrected: true },
    }),
    type: FailureType.ACCESS_DENIED,
    retryable: false,
  },
  {
    name: 'ServiceQuotaExceededException',
    error: new ServiceQuotaExceededException({ message: 'quota', $metadata: metadata(402) }),
    type: FailureType.QUOTA_EXCEEDED,
    retryable: false,
  },
  {
    name: 'ConflictException',
    error: new ConflictException({ message: 'busy', $metadata: metadata(409) }),
    type: FailureType.CONFLICT,
    retryable: true,
  },
  {
    // Also what an instance or container credential endpoint that is briefly down gives: retried, bounded.
    name: 'missing credentials',
    error: Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    }),
    type: FailureType.CREDENTIALS_UNAVAILABLE,
    retryable: true,
  },
  {
    name: 'missing region',
    error: new Error('Region is missing'),
    type: FailureType.CONFIGURATION,
    retryable: false,
  },
  {
    name: 'invalid input',
    error: new InvalidInputError('taskIdentifier', '"x"', 'a task id'),
    type: FailureType.INVALID_INPUT,
    retryable: false,
  },
  {
    name: 'an unknown client-fault exception',
    error: genericServiceError('UnprocessableException', 422),
    type: FailureType.UNEXPECTED,
    retryable: true,
  },
  {
    name: 'an unknown Error',
    error: new TypeError('something else'),
    type: FailureType.UNEXPECTED,
    retryable: true,
  },
  { name: 'a thrown string', error: 'boom', type: FailureType.UNEXPECTED, retryable: true },
  // Throttling is read first, whatever else the answer says (as the SDK's retry strategy reads it).
  ...['AccessDeniedException', 'ServiceQuotaExceededException', 'ExpiredTokenException'].map((name) => ({
    name: `${name} answered with 429`,
    error: genericServiceError(name, 429),
    type: FailureType.THROTTLED,
    retryable: true,
  })),
  {
    name: 'a throttling code the SDK knows (LimitExceededException)',
    error: genericServiceError('LimitExceededException', 400),
    type: FailureType.THROTTLED,
    retryable: true,
  },
  {
    name: 'an unreadable 429 seen only in $response',
    error: Object.assign(new SyntaxError('Unexpected token <'), {
      $response: { statusCode: 429, headers: {} },
    }),
    type: FailureType.THROTTLED,
    retryable: true,
  },
  {
    name: 'a service error name on an error that is not an answer',
    error: Object.assign(new Error('no task'), { name: 'ResourceNotFoundException' }),
    type: FailureType.UNEXPECTED,
    retryable: true,
  },
  {
    name: 'an error caused by a connection reset',
    error: new Error('request failed', { cause: networkError('ECONNRESET') }),
    type: FailureType.NETWORK_ERROR,
    retryable: true,
  },
  // Shapes the SDK's classifiers would trip over: classified, never thrown.
  {
    name: 'an error whose cause is null',
    error: new Error('x', { cause: null }),
    type: FailureType.UNEXPECTED,
    retryable: true,
  },
  {
    name: 'an HTTP/2 stream error without a message',
    error: { code: 'ERR_HTTP2_STREAM_ERROR' },
    type: FailureType.NETWORK_ERROR,
    retryable: true,
  },
  { name: 'undefined', error: undefined, type: FailureType.UNEXPECTED, retryable: true },
];

describe('classifyNeptuneError', () => {
  for (const row of rows) {
    it(`${row.name} → ${row.type}, ${row.retryable ? 'retryable' : 'not retryable'}`, () => {
      const result = classifyNeptuneError(row.error, row.context);
      assert.equal(result.type, row.type);
      assert.equal(result.retryable, row.retryable);
      assert.equal(NON_RETRYABLE_FAILURE_TYPES.includes(result.type), !row.retryable);
      const benign = result.type === FailureType.THROTTLED || result.type === FailureType.TASK_NOT_FOUND_YET;
      assert.equal(result.benign, benign, 'retried-by-design failures, and only those, are benign');
      const bounded =
        result.type === FailureType.UNEXPECTED || result.type === FailureType.CREDENTIALS_UNAVAILABLE;
      assert.equal(
        result.bounded,
        bounded,
        'failures not known to be transient, and only those, are bounded',
      );
    });
  }

  it('keeps the AWS error name, HTTP status, request id and reason in the details', () => {
    const error = new ValidationException({
      message: 'bad id',
      reason: 'CONSTRAINT_VIOLATION',
      $metadata: metadata(400),
    });
    assert.deepEqual(classifyNeptuneError(error).details, {
      errorName: 'ValidationException',
      message: 'bad id',
      httpStatusCode: 400,
      requestId: 'req-1',
      reason: 'CONSTRAINT_VIOLATION',
    });
  });

  it('turns a Retry-After answer header into nextRetryDelayMs', () => {
    const error = Object.assign(new ThrottlingException({ message: 'slow down', $metadata: metadata(429) }), {
      $response: { statusCode: 429, headers: { 'retry-after': '7' } },
    });
    assert.equal(classifyNeptuneError(error).nextRetryDelayMs, 7000);
  });

  it('ignores Retry-After on a failure that is not retried', () => {
    const error = Object.assign(new AccessDeniedException({ message: 'no', $metadata: metadata(403) }), {
      $response: { statusCode: 403, headers: { 'retry-after': '7' } },
    });
    assert.equal(classifyNeptuneError(error).nextRetryDelayMs, undefined);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delta seconds', () => assert.equal(parseRetryAfter('3', now), 3000));
  it('reads an HTTP-date', () => assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000));
  it('caps a long delay', () => assert.equal(parseRetryAfter('86400', now), MAX_RETRY_AFTER_MS));
  it('never returns a negative delay for a date in the past', () =>
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0));
  it('ignores garbage', () => assert.equal(parseRetryAfter('soon', now), undefined));
});
