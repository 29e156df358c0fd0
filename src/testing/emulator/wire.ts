import type { ServerResponse } from 'node:http';

/** Error names the emulator answers with; the SDK picks its exception class from `x-amzn-errortype`. */
export type ServiceErrorName =
  | 'ThrottlingException'
  | 'ValidationException'
  | 'InternalServerException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'AccessDeniedException'
  | 'UnprocessableException'
  | 'ExpiredTokenException'
  | 'UnknownOperationException';

export const ERROR_HTTP_STATUS: Record<ServiceErrorName, number> = {
  ThrottlingException: 429,
  ValidationException: 400,
  InternalServerException: 500,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  AccessDeniedException: 403,
  UnprocessableException: 422,
  // Not in the service model: AWS's front end answers it for a session token past its expiry.
  ExpiredTokenException: 403,
  UnknownOperationException: 404,
};

export type ValidationReason =
  'BAD_REQUEST' | 'CONSTRAINT_VIOLATION' | 'ILLEGAL_ARGUMENT' | 'UNSUPPORTED_OPERATION';

/** Thrown by operation handlers; the server turns it into an AWS-shaped error answer. */
export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly errorType: ServiceErrorName,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = errorType;
    this.status = ERROR_HTTP_STATUS[errorType];
  }
}

export function validationError(
  message: string,
  reason: ValidationReason = 'CONSTRAINT_VIOLATION',
): ServiceError {
  return new ServiceError('ValidationException', message, reason);
}

/** The wording AWS uses for a constraint a member does not meet. */
export function constraintMessage(
  value: string | number | undefined,
  member: string,
  constraint: string,
): string {
  const shown = value === undefined ? 'null' : `'${value}'`;
  return `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}

export function patternError(value: string | undefined, member: string, pattern: string): ServiceError {
  return validationError(
    constraintMessage(value, member, `Member must satisfy regular expression pattern: ${pattern}`),
  );
}

export function missingMemberError(member: string): ServiceError {
  return validationError(constraintMessage(undefined, member, 'Member must not be null'));
}

/** restJson1 timestamps are epoch seconds; fractions are allowed and millisecond precision is plenty. */
export function toEpochSeconds(epochMs: number): number {
  return Math.round(epochMs) / 1000;
}

export interface WireAnswer {
  status: number;
  body: unknown;
}

export function errorBody(error: ServiceError): Record<string, unknown> {
  const body: Record<string, unknown> = { message: error.message };
  if (error.reason !== undefined) body['reason'] = error.reason;
  return body;
}

function baseHeaders(requestId: string, retryAfterSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return headers;
}

export function writeJsonText(
  res: ServerResponse,
  status: number,
  text: string,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...baseHeaders(requestId),
    ...extraHeaders,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function writeJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  writeJsonText(res, status, JSON.stringify(body), requestId);
}

export function writeError(
  res: ServerResponse,
  error: ServiceError,
  requestId: string,
  retryAfterSeconds?: number,
): void {
  writeJsonText(res, error.status, JSON.stringify(errorBody(error)), requestId, {
    ...baseHeaders(requestId, retryAfterSeconds),
    'x-amzn-errortype': error.errorType,
  });
}

const HTML_TITLES: Record<number, string> = {
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
};

/** What a load balancer in front of the service answers: HTML, and no AWS error type. */
export function writeHtml(
  res: ServerResponse,
  status: 502 | 503,
  requestId: string,
  retryAfterSeconds?: number,
): void {
  const title = HTML_TITLES[status] ?? String(status);
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, {
    ...baseHeaders(requestId, retryAfterSeconds),
    'content-type': 'text/html',
    'content-length': String(Buffer.byteLength(html)),
  });
  res.end(html);
}

/** A body cut in half: valid start, no end, so any JSON parser fails on it. */
export function truncatedJson(body: unknown): string {
  const text = JSON.stringify(body ?? {});
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
