import { MAX_DURATION_MS, parseDuration, parseOptionalDuration } from './durations';
import { durationsOf, type InputReading } from './input-reading';
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
export type { InputReading };

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
  const durations = durationsOf(reading);
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
    notFoundGracePeriodMs:
      parseOptionalDuration('notFoundGracePeriod', input.notFoundGracePeriod, durations) ?? 0,
    cancelImportOnCancel: input.cancelImportOnCancel === true,
    cancelConfirmTimeoutMs:
      parseOptionalDuration('cancelConfirmTimeout', input.cancelConfirmTimeout, durations) ??
      DEFAULT_CANCEL_CONFIRM_TIMEOUT_MS,
    returnOnAnyTerminal: input.returnOnAnyTerminal === true,
    searchAttributes,
    maxPollsPerRun,
  };
  const deadlineMs = parseOptionalDuration('deadline', input.deadline, durations);
  if (deadlineMs !== undefined) resolved.deadlineMs = deadlineMs;
  return resolved;
}

/** A duration above the ceiling as the ceiling: 366 days, for what an old run took as a year or more. */
function withinCeiling(value: unknown): unknown {
  try {
    return parseDuration('', value, { unbounded: true }) > MAX_DURATION_MS ? MAX_DURATION_MS : value;
  } catch {
    return value; // refused then too: the run could not have got this far
  }
}

/**
 * A wait input read by an older reading (lenient before 0.3.0, or without the 0.4.0 checks), rewritten so
 * that today's reading gives it the same meaning: unknown fields dropped, flags made booleans (`'true'` was
 * read as false), a polling that is not an object dropped (it was read as the defaults), durations above
 * the ceiling brought down to it. For what an old run hands on to a new run or a child, which read as today.
 */
export function readableStrictly<T extends Partial<AwaitImportTaskInput>>(input: T): T {
  const known: readonly string[] = ['taskIdentifier', ...WAIT_SETTING_FIELDS];
  const kept = Object.fromEntries(Object.entries(input).filter(([field]) => known.includes(field))) as T;
  for (const flag of ['cancelImportOnCancel', 'returnOnAnyTerminal'] as const) {
    if (flag in kept) kept[flag] = kept[flag] === true;
  }
  for (const field of ['deadline', 'notFoundGracePeriod', 'cancelConfirmTimeout'] as const) {
    if (kept[field] !== undefined) kept[field] = withinCeiling(kept[field]) as T[typeof field];
  }
  const polling: unknown = kept.polling;
  if (polling !== undefined) {
    if (typeof polling !== 'object' || polling === null || Array.isArray(polling)) delete kept.polling;
    else {
      kept.polling = Object.fromEntries(
        Object.entries(polling)
          .filter(([field]) => (POLLING_FIELDS as readonly string[]).includes(field))
          .map(([field, value]) => [field, field === 'jitter' ? value : withinCeiling(value)]),
      );
    }
  }
  return kept;
}
