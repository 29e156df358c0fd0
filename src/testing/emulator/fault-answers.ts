/** How a fault shapes an answer: the injected error answers, and answers with values no SDK knows. */

import type { EmulatedOperation, ErrorFaultKind } from './faults';
import { ServiceError } from './wire';

const INJECTED_ERRORS: Record<
  ErrorFaultKind,
  { message: (op: EmulatedOperation) => string; reason?: string }
> = {
  ThrottlingException: { message: () => 'Rate exceeded' },
  InternalServerException: { message: () => 'An internal error occurred (injected by the emulator)' },
  ValidationException: {
    message: () => 'The request is not valid (injected by the emulator)',
    reason: 'BAD_REQUEST',
  },
  ResourceNotFoundException: { message: () => 'The resource does not exist (injected by the emulator)' },
  AccessDeniedException: {
    message: (op) =>
      `User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: neptune-graph:${op} (injected by the emulator)`,
  },
  ConflictException: {
    message: () => 'A conflicting operation is in progress (injected by the emulator)',
    reason: 'CONCURRENT_MODIFICATION',
  },
  // Modelled (422, with a reason) though no import-task operation declares it: an answer this library does
  // not recognise, for its bounded retries.
  UnprocessableException: {
    message: () => 'The request could not be processed (injected by the emulator)',
    reason: 'INTERNAL_LIMIT_EXCEEDED',
  },
  ExpiredTokenException: { message: () => 'The security token included in the request is expired' },
};

/** An importOptions union member that no SDK version knows, to exercise `$unknown` handling. */
const FUTURE_IMPORT_OPTIONS = { futureFormat: { compression: 'ZSTD', schemaVersion: 2 } };

/** The error an error fault answers with; the fault's own message wins over the default one. */
export function injectedError(
  kind: ErrorFaultKind,
  operation: EmulatedOperation,
  message: string | undefined,
): ServiceError {
  const spec = INJECTED_ERRORS[kind];
  return new ServiceError(kind, message ?? spec.message(operation), spec.reason);
}

/** The answer with every status member (top level, importTaskDetails, list entries) set to `status`. */
export function withUnknownStatus(body: Record<string, unknown>, status: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  if ('status' in out) out['status'] = status;
  const details = out['importTaskDetails'];
  if (details && typeof details === 'object') out['importTaskDetails'] = { ...details, status };
  const tasks = out['tasks'];
  if (Array.isArray(tasks)) out['tasks'] = tasks.map((t: Record<string, unknown>) => ({ ...t, status }));
  return out;
}

/** A single-task answer with its importOptions replaced by an unknown union member; others unchanged. */
export function withUnknownImportOption(body: Record<string, unknown>): Record<string, unknown> {
  return 'taskId' in body ? { ...body, importOptions: FUTURE_IMPORT_OPTIONS } : body;
}
