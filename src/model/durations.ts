import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { describeReceived, InvalidInputError } from './invalid-input';

/**
 * The longest duration any option takes: an import, a deadline or a poll interval beyond a year is a
 * mistake (a unit left out, `1e300`), and it would silently mean "never".
 */
export const MAX_DURATION_MS = 366 * 24 * 3600 * 1000;

/** `unbounded`: no ceiling, as inputs read before 0.4.0 (their replays must read them the same). */
export interface DurationReading {
  unbounded?: boolean;
}

/**
 * The one reader of durations in this library: Temporal's Duration (ms, or a string such as '10 minutes'),
 * taken as `unknown` because options arrive from JSON, a command line or another language's client.
 * A duration that is missing, unparseable, not finite, not positive or above `MAX_DURATION_MS` is an
 * InvalidInputError naming `field`.
 */
export function parseDuration(field: string, value: unknown, reading: DurationReading = {}): number {
  let ms = NaN;
  if (typeof value === 'number' || typeof value === 'string') {
    try {
      ms = msToNumber(value as Duration);
    } catch {
      // reported below, with the field's name
    }
  }
  if (!Number.isFinite(ms) || ms <= 0 || (!reading.unbounded && ms > MAX_DURATION_MS)) {
    throw new InvalidInputError(
      field,
      describeReceived(value),
      "a positive duration of at most 366 days (ms, or a string like '2 hours')",
    );
  }
  return ms;
}

/** `parseDuration` for an optional field: undefined stays undefined. */
export function parseOptionalDuration(
  field: string,
  value: unknown,
  reading: DurationReading = {},
): number | undefined {
  return value === undefined ? undefined : parseDuration(field, value, reading);
}

/** "45 s", "12 min 5 s", "3 h 20 min", "2 d 4 h": for people reading the Web UI, not for parsing. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}
