import { parseOptionalDuration } from './durations';
import { validateTaskIdentifier } from './input-validation';
import { describeReceived, InvalidInputError } from './invalid-input';
import { optionalBoolean, rejectUnknownFields } from './known-fields';
import { POLLING_FIELDS, resolvePollSchedule, type PollSchedule } from './poll-schedule';
import {
  DEFAULT_CANCEL_CONFIRM_TIMEOUT_MS,
  DEFAULT_MAX_POLLS_PER_RUN,
  type AwaitImportTaskInput,
} from './wait-types';

/** A wait's settings, checked: everything but the task. */
export interface ResolvedWaitSettings {
  schedule: PollSchedule;
  deadlineMs?: number;
  notFoundGracePeriodMs: number;
  cancelImportOnCancel: boolean;
  cancelConfirmTimeoutMs: number;
  returnOnAnyTerminal: boolean;
  searchAttributes: boolean | 'auto';
  maxPollsPerRun: number;
}

/** A wait's input, checked. */
export interface ResolvedWaitOptions extends ResolvedWaitSettings {
  taskIdentifier: string;
}

/** The fields of a wait's settings (`AwaitImportTaskInput` without its task). */
export const WAIT_SETTING_FIELDS = [
  'polling',
  'deadline',
  'notFoundGracePeriod',
  'cancelImportOnCancel',
  'cancelConfirmTimeout',
  'returnOnAnyTerminal',
  'searchAttributes',
  'maxPollsPerRun',
] as const;

/**
 * How strictly to read an input. `lenient` is how waits started before 0.3.0 read theirs (unknown fields
 * ignored, a non-boolean flag read as false): their replays must keep doing so.
 */
export interface InputReading {
  lenient?: boolean;
}

/** Checks a wait's input before it starts, so that a typo fails the wait at once instead of its workflow task. */
export function resolveWaitOptions(
  input: AwaitImportTaskInput,
  reading: InputReading = {},
): ResolvedWaitOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError('input', describeReceived(input), 'an object with a taskIdentifier');
  }
  const taskIdentifier = validateTaskIdentifier(input.taskIdentifier);
  const { taskIdentifier: _task, ...settings } = input;
  return { taskIdentifier, ...resolveWaitSettings(settings, reading) };
}

/** Checks the settings of a wait whose task is not known yet (it is about to be started). */
export function resolveWaitSettings(
  input: Omit<AwaitImportTaskInput, 'taskIdentifier'>,
  reading: InputReading = {},
): ResolvedWaitSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError('input', describeReceived(input), 'an object');
  }
  if (!reading.lenient) {
    rejectUnknownFields('', input, WAIT_SETTING_FIELDS);
    optionalBoolean('cancelImportOnCancel', input.cancelImportOnCancel);
    optionalBoolean('returnOnAnyTerminal', input.returnOnAnyTerminal);
  }
  const schedule = resolvePollSchedule(input.polling, reading);
  const maxPollsPerRun = input.maxPollsPerRun ?? DEFAULT_MAX_POLLS_PER_RUN;
  if (!Number.isInteger(maxPollsPerRun) || maxPollsPerRun < 1) {
    throw new InvalidInputError(
      'maxPollsPerRun',
      describeReceived(input.maxPollsPerRun),
      'a whole number ≥ 1',
    );
  }
  const searchAttributes = input.searchAttributes ?? 'auto';
  if (searchAttributes !== true && searchAttributes !== false && searchAttributes !== 'auto') {
    throw new InvalidInputError(
      'searchAttributes',
      describeReceived(input.searchAttributes),
      "true, false or 'auto'",
    );
  }
  const resolved: ResolvedWaitSettings = {
    schedule,
    notFoundGracePeriodMs: parseOptionalDuration('notFoundGracePeriod', input.notFoundGracePeriod) ?? 0,
    cancelImportOnCancel: input.cancelImportOnCancel === true,
    cancelConfirmTimeoutMs:
      parseOptionalDuration('cancelConfirmTimeout', input.cancelConfirmTimeout) ??
      DEFAULT_CANCEL_CONFIRM_TIMEOUT_MS,
    returnOnAnyTerminal: input.returnOnAnyTerminal === true,
    searchAttributes,
    maxPollsPerRun,
  };
  const deadlineMs = parseOptionalDuration('deadline', input.deadline);
  if (deadlineMs !== undefined) resolved.deadlineMs = deadlineMs;
  return resolved;
}

/**
 * A wait input read leniently (as before 0.3.0), rewritten so that the strict reading gives it the same
 * meaning: unknown fields dropped, flags made booleans (`'true'` was read as false), a polling that is not
 * an object dropped (it was read as the defaults). For what a lenient run hands on to a new run or a child,
 * which read strictly.
 */
export function readableStrictly<T extends Partial<AwaitImportTaskInput>>(input: T): T {
  const known: readonly string[] = ['taskIdentifier', ...WAIT_SETTING_FIELDS];
  const kept = Object.fromEntries(Object.entries(input).filter(([field]) => known.includes(field))) as T;
  for (const flag of ['cancelImportOnCancel', 'returnOnAnyTerminal'] as const) {
    if (flag in kept) kept[flag] = kept[flag] === true;
  }
  const polling: unknown = kept.polling;
  if (polling !== undefined) {
    if (typeof polling !== 'object' || polling === null || Array.isArray(polling)) delete kept.polling;
    else {
      kept.polling = Object.fromEntries(
        Object.entries(polling).filter(([field]) => (POLLING_FIELDS as readonly string[]).includes(field)),
      );
    }
  }
  return kept;
}
