import {
  validateCreateGraphUsingImportTaskInput,
  validateStartImportTaskInput,
  type CreateGraphUsingImportTaskInput,
  type StartImportTaskInput,
} from './input-validation';
import { describeReceived, InvalidInputError } from './invalid-input';
import { resolveWaitSettings, type InputReading, type ResolvedWaitSettings } from './resolve-wait-options';
import type { ImportStartInput, RunImportTaskInput } from './run-types';

/** An import start, checked: which operation, and its request. */
export type ResolvedImportStart =
  | { operation: 'StartImportTask'; request: StartImportTaskInput; subject: string }
  | { operation: 'CreateGraphUsingImportTask'; request: CreateGraphUsingImportTaskInput; subject: string };

/** Prefixes the field of an input error, so that it names the field as the caller wrote it (`start.roleArn`). */
function within<T>(prefix: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const field = error.field === 'input' ? prefix : `${prefix}.${error.field}`;
    throw new InvalidInputError(field, error.received, error.expectation);
  }
}

/** Checks `start` / `createGraph`: exactly one, and a request the service can take. */
export function resolveImportStart(input: ImportStartInput): ResolvedImportStart {
  const { start, createGraph } = input ?? {};
  if ((start === undefined) === (createGraph === undefined)) {
    throw new InvalidInputError(
      start === undefined ? 'start' : 'createGraph',
      start === undefined ? 'undefined' : describeReceived(createGraph),
      'exactly one of `start` (StartImportTask) and `createGraph` (CreateGraphUsingImportTask)',
    );
  }
  if (start !== undefined) {
    const request = within('start', () => validateStartImportTaskInput(start));
    return { operation: 'StartImportTask', request, subject: request.graphIdentifier };
  }
  const request = within('createGraph', () => validateCreateGraphUsingImportTaskInput(createGraph));
  return { operation: 'CreateGraphUsingImportTask', request, subject: request.graphName };
}

/** Checks a `runImportTask` input: how to start the import, and the settings of the wait that follows. */
export function resolveRunImportTask(
  input: RunImportTaskInput,
  reading: InputReading = {},
): {
  start: ResolvedImportStart;
  settings: ResolvedWaitSettings;
} {
  const { start: _start, createGraph: _createGraph, ...wait } = input ?? {};
  return { start: resolveImportStart(input), settings: resolveWaitSettings(wait, reading) };
}
