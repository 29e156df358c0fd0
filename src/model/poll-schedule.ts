/**
 * A wait's poll schedule: the options a caller gives, their defaults and their checks. The planner that
 * follows it is `poll-planner.ts`.
 */
import type { Duration } from '@temporalio/common';
import { parseOptionalDuration } from './durations';
import { durationsOf, type InputReading } from './input-reading';
import { describeReceived, InvalidInputError } from './invalid-input';
import { rejectUnknownFields } from './known-fields';

/** How often a wait polls; each field defaults to `DEFAULT_POLL_SCHEDULE` (README, "The poll schedule"). */
export interface PollingOptions {
  /**
   * The first backoff: the delay after the wait's first GetImportTask call (made at once) while nothing
   * predicts the end; each later backoff doubles the last gap, up to maxInterval.
   */
  initialInterval?: Duration;
  /** No two calls closer than this, whatever the estimate says. */
  minInterval?: Duration;
  /** No two calls further apart than this: the bound on how late a success, a failure or a stall is seen. */
  maxInterval?: Duration;
  /** Fraction (0 ≤ jitter < 1) by which estimate-free delays are spread at random. */
  jitter?: number;
}

/** The fields of `PollingOptions`. */
export const POLLING_FIELDS = ['initialInterval', 'minInterval', 'maxInterval', 'jitter'] as const;

export interface PollSchedule {
  initialIntervalMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  jitter: number;
}

/**
 * - initial 1 min: a wait asks at once, and a fresh import answers INITIALIZING; the first minute says nothing
 *   of how long it will take. After it, until progress bounds the end, the next poll comes before the task is
 *   five times as old (`poll-planner.ts`): a 1-minute import is seen ended within seconds, a 10-minute one is
 *   IMPORTING by its third call, a 12-hour one polls at maxInterval from its third call on.
 * - min 5 s: a floor against a busy loop when an estimate says "any moment now".
 * - max 5 min: what nothing can predict (a stall, a failure, a status this library does not know) is seen
 *   within 5 minutes, and a 12-hour import costs about 160 calls instead of 720 at one a minute.
 * - jitter 0.1: imports started together by one script would otherwise poll in lockstep until their
 *   estimates take over; ±10 % separates them without making an early poll late.
 */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = Object.freeze({
  initialIntervalMs: 60_000,
  minIntervalMs: 5_000,
  maxIntervalMs: 300_000,
  jitter: 0.1,
});

/**
 * Fields left out default to DEFAULT_POLL_SCHEDULE moved into the range the given ones set, so that
 * `{ initialInterval: '1s' }` alone is valid: only the caller's own values can contradict each other.
 */
export function resolvePollSchedule(options: PollingOptions = {}, reading: InputReading = {}): PollSchedule {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError('polling', describeReceived(options), 'an object of polling options');
  }
  if (!reading.lenient) {
    rejectUnknownFields('polling.', options, POLLING_FIELDS);
  }
  const durations = durationsOf(reading);
  const given = {
    initial: parseOptionalDuration('polling.initialInterval', options.initialInterval, durations),
    min: parseOptionalDuration('polling.minInterval', options.minInterval, durations),
    max: parseOptionalDuration('polling.maxInterval', options.maxInterval, durations),
  };
  const jitter: unknown = options.jitter ?? DEFAULT_POLL_SCHEDULE.jitter;
  if (typeof jitter !== 'number' || !Number.isFinite(jitter) || jitter < 0 || jitter >= 1) {
    throw new InvalidInputError('polling.jitter', describeReceived(jitter), 'a number with 0 ≤ jitter < 1');
  }
  const contradiction = (a: keyof PollingOptions, relation: string, b: keyof PollingOptions) =>
    new InvalidInputError(
      `polling.${a}`,
      describeReceived(options[a]),
      `${relation} polling.${b} (${describeReceived(options[b])})`,
    );
  if (given.min !== undefined && given.max !== undefined && given.min > given.max) {
    throw contradiction('minInterval', 'a duration not above', 'maxInterval');
  }
  if (given.initial !== undefined && given.min !== undefined && given.initial < given.min) {
    throw contradiction('initialInterval', 'a duration not below', 'minInterval');
  }
  if (given.initial !== undefined && given.max !== undefined && given.initial > given.max) {
    throw contradiction('initialInterval', 'a duration not above', 'maxInterval');
  }
  const initialIntervalMs =
    given.initial ??
    Math.min(Math.max(DEFAULT_POLL_SCHEDULE.initialIntervalMs, given.min ?? 0), given.max ?? Infinity);
  return {
    initialIntervalMs,
    minIntervalMs: given.min ?? Math.min(DEFAULT_POLL_SCHEDULE.minIntervalMs, initialIntervalMs),
    maxIntervalMs: given.max ?? Math.max(DEFAULT_POLL_SCHEDULE.maxIntervalMs, initialIntervalMs),
    jitter,
  };
}
