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

/**
 * Since 0.5.0 a run records this one patch in place of every patch before it. Each patch a run records costs
 * a marker and a TemporalChangeVersion upsert (a visibility write) when the run starts: three or four of each
 * for every wait, before this. Workers of 0.4.x cannot replay runs that record it (they look for the old
 * markers): stop them before 0.5.0 workers start, and do not go back.
 */
export const PATCHES_OF_050 = 'neptune-import/0.5.0';

/** How a run reads its input, and which of the patches from before 0.5.0 it takes. */
export interface RunReading extends InputReading {
  /**
   * Whether the run takes `patch`, a patch from before 0.5.0: a run started on 0.5.0 or later takes every
   * one without recording it; an older one as its history says.
   */
  takes(patch: string): boolean;
}

/**
 * How this workflow run reads its input: as it did when it started. Call it once, at the run's start (for the
 * inline wait, at the wait's): a patch not found while replaying is decided again once the run goes live.
 */
export function runReading(): RunReading {
  if (patched(PATCHES_OF_050)) return { takes: () => true };
  const takes = patched;
  if (!takes(STRICT_INPUT)) return { lenient: true, before040: true, takes };
  return takes(STRICTER_INPUT) ? { takes } : { before040: true, takes };
}
