/**
 * When an import ends, from what its answers said about progress: the window of end times that every
 * constant-rate explanation of the observations allows. Pure and workflow-safe.
 */

/**
 * What one answer allows: at some task time in [from, to] seconds, true progress was in [low, high] percent.
 * The service floors progress to whole percent, so an answer saying p means [p, p + 1].
 */
export interface Observation {
  from: number;
  to: number;
  low: number;
  high: number;
}

/** A corner (s = seconds per percent, end = task time of 100 %) of the set of constant-rate explanations. */
export interface Corner {
  s: number;
  end: number;
}

/** What a set of observations says, seen from the newest one. */
export interface Estimate {
  /** Task time (s) of the newest observation: "now". */
  now: number;
  /** Progress (whole percent) of the newest observation. */
  newestProgress: number;
  points: Corner[];
  /** The end's earliest and latest task time allowed, in seconds from now. */
  end: { lo: number; hi: number };
}

/**
 * Every line `progress(t) = 100 - (end - t) / s` that passes through all observations bounds `end` from below
 * (`end ≥ from + (100 - high)·s`) and above (`end ≤ to + (100 - low)·s`). The set of (s, end) is a convex
 * polygon, so the extremes of any linear function of (s, end) are at its corners, and corners lie where two
 * bounding lines cross. Undefined when no line fits (progress is not linear over these observations) or when
 * arbitrarily slow progress still fits (nothing bounds the end).
 */
function corners(observations: readonly Observation[]): Corner[] | undefined {
  const lines = observations
    .flatMap((o) => [
      { at0: o.from, slope: 100 - o.high, lower: true },
      { at0: o.to, slope: 100 - o.low, lower: false },
    ])
    .filter((l) => Number.isFinite(l.at0));
  const endsAt = (s: number) => {
    let low = -Infinity;
    let high = Infinity;
    for (const l of lines) {
      if (l.lower) low = Math.max(low, l.at0 + l.slope * s);
      else high = Math.min(high, l.at0 + l.slope * s);
    }
    return { low, high };
  };
  const eps = 1e-6;
  const slowest = endsAt(1e9);
  if (slowest.low <= slowest.high + eps) return undefined;
  const found: Corner[] = [];
  for (const [i, a] of lines.entries()) {
    for (const b of lines.slice(i + 1)) {
      if (a.slope === b.slope) continue;
      const s = (b.at0 - a.at0) / (a.slope - b.slope);
      if (!(s > 0)) continue;
      const { low, high } = endsAt(s);
      if (low <= high + eps) found.push({ s, end: low }, { s, end: Math.max(low, high) });
    }
  }
  return found.length > 0 ? found : undefined;
}

export function rangeOf(points: readonly Corner[], f: (c: Corner) => number): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of points) {
    const v = f(c);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { lo, hi };
}

/**
 * The first set of observations that a constant rate explains and that bounds the end, seen from the newest
 * observation of the last set (all sets end with the same newest observation). Undefined when none does.
 */
export function estimateEnd(candidates: ReadonlyArray<readonly Observation[]>): Estimate | undefined {
  for (const candidate of candidates) {
    const newest = candidate.at(-1);
    const points = newest && candidate.length >= 2 ? corners(candidate) : undefined;
    if (newest && points) {
      return {
        now: newest.from,
        newestProgress: newest.low,
        points,
        end: rangeOf(points, (c) => c.end - newest.from),
      };
    }
  }
  return undefined;
}

/** The task time window (seconds from now) in which progress reaches `percent`, by the estimate. */
export function crossingWindow(est: Estimate, percent: number): { lo: number; hi: number } {
  return rangeOf(est.points, (c) => c.end - (100 - percent) * c.s - est.now);
}
