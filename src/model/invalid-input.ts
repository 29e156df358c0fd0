import { FailureType } from './failure-types';

const RECEIVED_MAX_LENGTH = 80;

/**
 * Bad input, named: every check of this library throws this, so that its caller (a client helper, an
 * activity, a workflow, the command line) can say which field was wrong and what it held. Its `name` is the
 * failure type `NeptuneInvalidInput`, so the error classifier needs no class check.
 */
export class InvalidInputError extends Error {
  override readonly name = FailureType.INVALID_INPUT;
  constructor(
    readonly field: string,
    readonly received: string,
    readonly expectation: string,
  ) {
    super(`Invalid ${field}: expected ${expectation}, received ${received}`);
  }
}

/** A printable, bounded rendering of a bad value: control characters escaped, long values cut. */
export function describeReceived(value: unknown): string {
  let text: string;
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = 'an array';
  else text = typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  // JSON.stringify escapes C0 controls; C1 controls and line separators would still reach a terminal.
  text = text.replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > RECEIVED_MAX_LENGTH
    ? `${text.slice(0, RECEIVED_MAX_LENGTH)}… (${text.length} characters)`
    : text;
}

/**
 * Runs a check of a part of an input, naming the part's fields as the caller wrote them: `roleArn` becomes
 * `start.roleArn`, and the part itself (`input`) becomes `start`.
 */
export function withinField<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const field = error.field === 'input' ? prefix : `${prefix}.${error.field}`;
    throw new InvalidInputError(field, error.received, error.expectation);
  }
}
