import { patched } from '@temporalio/workflow';
import type { InputReading } from '../src/model/input-reading';

/**
 * Waits started before 0.3.0 ignored unknown fields and read a non-boolean flag as false; since then both
 * are bad input. Replaying such a running wait must keep the old reading.
 */
export const STRICT_INPUT = 'strict-input';

/**
 * Since 0.4.0: durations have a ceiling, unknown fields of `start` / `createGraph` and step options are
 * refused, and pipeline steps are bounded where nothing serves them. Runs started before keep their reading.
 */
export const STRICTER_INPUT = 'neptune-import/stricter-input';

/** How this workflow run reads its input: as it did when it started (see `InputReading`). */
export function inputReading(): InputReading {
  if (!patched(STRICT_INPUT)) return { lenient: true, before040: true };
  return patched(STRICTER_INPUT) ? {} : { before040: true };
}
