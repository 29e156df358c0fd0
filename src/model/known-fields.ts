import { describeReceived, InvalidInputError } from './invalid-input';

/**
 * Rejects fields an input does not have: a misspelt option (`deadLine`) must fail at once, not be ignored
 * while the wait runs without it. `path` prefixes the field's name (`polling.`, `onSucceeded[0].`).
 */
export function rejectUnknownFields(path: string, value: object, known: readonly string[]): void {
  for (const [field, received] of Object.entries(value)) {
    if (!known.includes(field)) {
      // A name that is not an identifier (empty, spaces, quotes) is quoted, so that it still shows.
      const name = /^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field);
      throw new InvalidInputError(
        `${path}${name}`,
        describeReceived(received),
        `no such field (known: ${known.join(', ')})`,
      );
    }
  }
}

/** A field that, when present, must be a boolean: `'true'` is not read as false. */
export function optionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new InvalidInputError(field, describeReceived(value), 'true or false');
}
