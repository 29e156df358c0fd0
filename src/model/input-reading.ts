import type { DurationReading } from './durations';

/**
 * How strictly to read an input. Workflows started before a check was added must keep reading their input
 * without it when they replay: `lenient` is the reading before 0.3.0 (unknown fields ignored, a non-boolean
 * flag read as false); `before040` the 0.3.0 reading (no duration ceiling, import-start and step fields not
 * checked for unknown names, step options not checked). Both are set for the oldest runs. Neither: today's.
 */
export interface InputReading {
  lenient?: boolean;
  before040?: boolean;
}

/** Whether a reading makes every check of today (0.4.0): unknown field names included. */
export function readsAsToday(reading: InputReading): boolean {
  return reading.lenient !== true && reading.before040 !== true;
}

/** How a reading takes durations: unbounded before 0.4.0. */
export function durationsOf(reading: InputReading): DurationReading {
  return { unbounded: reading.lenient === true || reading.before040 === true };
}
