import {
  validateCreateGraphUsingImportTaskInput,
  validateStartImportTaskInput,
  type CreateGraphUsingImportTaskInput,
  type StartImportTaskInput,
} from './input-validation';
import { describeReceived, InvalidInputError, withinField } from './invalid-input';
import { readsAsToday, type InputReading } from './input-reading';
import { resolveWaitSettings, type ResolvedWaitSettings } from './resolve-wait-options';
import type { ImportStartInput, RunImportTaskInput } from './run-types';

/** An import start, checked: which operation, and its request. */
export type ResolvedImportStart =
  | { operation: 'StartImportTask'; request: StartImportTaskInput; subject: string }
  | { operation: 'CreateGraphUsingImportTask'; request: CreateGraphUsingImportTaskInput; subject: string };

/** Checks `start` / `createGraph`: exactly one, and a request the service can take. */
export function resolveImportStart(input: ImportStartInput, reading: InputReading = {}): ResolvedImportStart {
  const { start, createGraph } = input ?? {};
  if ((start === undefined) === (createGraph === undefined)) {
    throw new InvalidInputError(
      start === undefined ? 'start' : 'createGraph',
      start === undefined ? 'undefined' : describeReceived(createGraph),
      'exactly one of `start` (StartImportTask) and `createGraph` (CreateGraphUsingImportTask)',
    );
  }
  if (start !== undefined) {
    const request = withinField('start', () => validateStartImportTaskInput(start, reading));
    return { operation: 'StartImportTask', request, subject: request.graphIdentifier };
  }
  const request = withinField('createGraph', () =>
    validateCreateGraphUsingImportTaskInput(createGraph, reading),
  );
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
  // A run returns on SUCCEEDED only (a pipeline is what acts on other endings).
  if (
    readsAsToday(reading) &&
    (wait as { returnOnAnyTerminal?: unknown }).returnOnAnyTerminal !== undefined
  ) {
    throw new InvalidInputError(
      'returnOnAnyTerminal',
      describeReceived((wait as { returnOnAnyTerminal?: unknown }).returnOnAnyTerminal),
      'no such field of runImportTask (it fails on FAILED, CANCELLED and DELETED; use a pipeline to act on them)',
    );
  }
  return { start: resolveImportStart(input, reading), settings: resolveWaitSettings(wait, reading) };
}
