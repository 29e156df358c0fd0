import { FailureType, NON_RETRYABLE_FAILURE_TYPES, WaitFailureType } from '../model/failure-types';

/**
 * The command's exit codes, one per kind of ending a script can act on: the import's own outcome, a
 * request no retry can fix, a deadline, a usage mistake, anything else.
 */
export const ExitCode = {
  /** The import SUCCEEDED (or the command did what it was asked). */
  OK: 0,
  /** Anything not below: Temporal unreachable, a step failed, an unexpected error. */
  OTHER: 1,
  /** The import ended FAILED, CANCELLED or DELETED. */
  IMPORT_ENDED: 2,
  /** A permanent API error (not found, validation, access denied, quota, configuration) or bad input. */
  PERMANENT: 3,
  /** The wait's deadline passed. */
  DEADLINE: 4,
  /** A usage error: an unknown flag, a missing argument (EX_USAGE). */
  USAGE: 64,
  /** Following was stopped (Ctrl-C): the workflow goes on in Temporal. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const IMPORT_ENDED_TYPES: readonly string[] = [
  WaitFailureType.IMPORT_TASK_FAILED,
  WaitFailureType.IMPORT_TASK_CANCELLED,
  WaitFailureType.IMPORT_TASK_DELETED,
];

/** The exit code for a workflow or command that failed with this failure type. */
export function exitCodeOfFailureType(type: string | undefined): ExitCode {
  if (type === undefined) return ExitCode.OTHER;
  if (IMPORT_ENDED_TYPES.includes(type)) return ExitCode.IMPORT_ENDED;
  if (type === WaitFailureType.WAIT_TIMED_OUT) return ExitCode.DEADLINE;
  if (
    (NON_RETRYABLE_FAILURE_TYPES as readonly string[]).includes(type) ||
    type === FailureType.INVALID_INPUT
  ) {
    return ExitCode.PERMANENT;
  }
  return ExitCode.OTHER;
}
