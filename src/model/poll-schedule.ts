/**
 * When to call GetImportTask next: a pure function of the last few snapshots, so that it can run in workflow
 * code (no clock, no I/O; randomness is an argument so that replay sees the same numbers).
 */
import type { Duration } from '@temporalio/common';
import { parseOptionalDuration } from './durations';
import type { ImportTaskSnapshot } from './import-task-snapshot';
import { describeReceived, InvalidInputError } from './invalid-input';

/** How often a wait polls; each field defaults to `DEFAULT_POLL_SCHEDULE` (README, "The poll schedule"). */
export interface PollingOptions {
  /** Delay before the first GetImportTask call. */
  initialInterval?: Duration;
  /** No two calls closer than this, whatever the estimate says. */
  minInterval?: Duration;
  /** No two calls further apart than this: the bound on how late a success, a failure or a stall is seen. */
  maxInterval?: Duration;
  /** Fraction (0 ≤ jitter < 1) by which estimate-free delays are spread at random. */
  jitter?: number;
}

export interface PollSchedule {
  initialIntervalMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  jitter: number;
}

/**
 * - initial 10 s: a task of a few minutes is seen early, and for anything longer the first IMPORTING snapshot
 *   already bounds the end (10 s into a 10-minute import is about 1 %).
 * - min 5 s: a floor against a busy loop when an estimate says "any moment now".
 * - max 5 min: what nothing can predict (a stall, a failure, a status this library does not know) is seen
 *   within 5 minutes, and a 12-hour import costs about 160 calls instead of 720 at one a minute.
 * - jitter 0.1: imports started together by one script would otherwise poll in lockstep until their
 *   estimates take over; ±10 % separates them without making an early poll late.
 */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = Object.freeze({
  initialIntervalMs: 10_000,
  minIntervalMs: 5_000,
  maxIntervalMs: 300_000,
  jitter: 0.1,
});

export interface PollDecision {
  delayMs: number;
  reason: 'initial' | 'backoff' | 'estimate' | 'unknown-status';
  /** Middle of the window in which the progress so far says the import ends (ISO-8601). */
  predictedEndAt?: string;
}

/**
 * Fields left out default to DEFAULT_POLL_SCHEDULE moved into the range the given ones set, so that
 * `{ initialInterval: '1s' }` alone is valid: only the caller's own values can contradict each other.
 */
export function resolvePollSchedule(options: PollingOptions = {}): PollSchedule {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidInputError('polling', describeReceived(options), 'an object of polling options');
  }
  const given = {
    initial: parseOptionalDuration('polling.initialInterval', options.initialInterval),
    min: parseOptionalDuration('polling.minInterval', options.minInterval),
    max: parseOptionalDuration('polling.maxInterval', options.maxInterval),
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
    given.initial ?? clamp(DEFAULT_POLL_SCHEDULE.initialIntervalMs, given.min ?? 0, given.max ?? Infinity);
  return {
    initialIntervalMs,
    minIntervalMs: given.min ?? Math.min(DEFAULT_POLL_SCHEDULE.minIntervalMs, initialIntervalMs),
    maxIntervalMs: given.max ?? Math.max(DEFAULT_POLL_SCHEDULE.maxIntervalMs, initialIntervalMs),
    jitter,
  };
}

/**
 * A window of end times narrower than this is aimed at directly (after its latest end): splitting it further
 * costs a call to save at most this many seconds of detection delay.
 */
const NARROW_WINDOW_S = 20;
/** timeElapsedSeconds is whole seconds, and the answer travels: land this far after the latest end. */
const AIM_MARGIN_S = 2;
/** Sharpen the estimate only this many maxIntervals before the end: about what the workflow remembers. */
const END_GAME_POLLS = 5;
/** The statuses whose progressPercentage runs to SUCCEEDED; other statuses' progress predicts nothing. */
const PROGRESS_STATUSES: ReadonlySet<string> = new Set(['IMPORTING']);
const RESTART_STATUSES: ReadonlySet<string> = new Set(['REPROVISIONING', 'RE_PROVISIONING']);

/**
 * What one answer allows: at some task time in [from, to] seconds, true progress was in [low, high] percent.
 * The service floors progress to whole percent, so a snapshot saying p means [p, p + 1].
 */
interface Observation {
  from: number;
  to: number;
  low: number;
  high: number;
}

/** A corner (s = seconds per percent, end = task time of 100 %) of the set of constant-rate explanations. */
interface Corner {
  s: number;
  end: number;
}

/** What a snapshot says about progress, if its status is one whose progress runs to SUCCEEDED. */
function observationOf(snapshot: ImportTaskSnapshot): Observation | undefined {
  const p = snapshot.details?.progressPercentage;
  if (snapshot.phase !== 'running' || !PROGRESS_STATUSES.has(snapshot.status)) return undefined;
  if (p === undefined || !Number.isFinite(p)) return undefined;
  const elapsed = snapshot.details?.timeElapsedSeconds;
  if (elapsed !== undefined && Number.isFinite(elapsed)) {
    return { from: elapsed, to: elapsed + 1, low: p, high: p + 1 };
  }
  const since = (Date.parse(snapshot.observedAt) - Date.parse(snapshot.details?.startTime ?? '')) / 1000;
  return Number.isFinite(since) ? { from: since, to: since, low: p, high: p + 1 } : undefined;
}

/**
 * Every line `progress(t) = 100 - (end - t) / s` that passes through all observations bounds `end` from below
 * (`end ≥ from + (100 - high)·s`) and above (`end ≤ to + (100 - low)·s`). The set of (s, end) is a convex
 * polygon, so the extremes of any linear function of (s, end) are at its corners, and corners lie where two
 * bounding lines cross. Undefined when no line fits (progress is not linear over these observations) or when
 * arbitrarily slow progress still fits (nothing bounds the end).
 */
function corners(observations: readonly Observation[]): Corner[] | undefined {
  const lines = observations.flatMap((o) => [
    { at0: o.from, slope: 100 - o.high, lower: true },
    { at0: o.to, slope: 100 - o.low, lower: false },
  ]);
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

function rangeOf(points: readonly Corner[], f: (c: Corner) => number): { lo: number; hi: number } {
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
 * What the newest snapshots say about one progress run: same status, progress and elapsed time never going
 * back. Anything older (another status, progress before a REPROVISIONING restart) is about another run.
 */
function currentRun(recent: readonly ImportTaskSnapshot[]): Observation[] {
  const run: Observation[] = [];
  for (let i = recent.length - 1; i >= 0; i--) {
    const o = observationOf(recent[i]!);
    const next = run[0];
    if (o === undefined) break;
    if (
      next !== undefined &&
      (recent[i]!.status !== recent[i + 1]!.status || o.low > next.low || o.from > next.from)
    ) {
      break;
    }
    run.unshift(o);
  }
  return run;
}

interface Estimate {
  /** Task time (s) of the newest snapshot: "now". */
  now: number;
  observedAtMs: number;
  newestProgress: number;
  points: Corner[];
  /** The end's earliest and latest task time allowed, in seconds from now. */
  end: { lo: number; hi: number };
}

/**
 * Three explanations, the first that fits wins. Progress linear since the task started (progress /
 * timeElapsed, the only one precise enough for long imports: a few snapshots minutes apart differ by a
 * percent or two), then linear over the current run (follows a rate change), then over its two newest
 * snapshots. The first drops out by itself as soon as the recent snapshots contradict it, and is not tried
 * after a visible restart: timeElapsedSeconds keeps counting from the task's start, progress does not.
 */
function estimate(recent: readonly ImportTaskSnapshot[]): Estimate | undefined {
  const run = currentRun(recent);
  const newest = run.at(-1);
  if (newest === undefined) return undefined;
  const progress = recent.map((s) => s.details?.progressPercentage ?? 0);
  const restarted = recent.some(
    (s, i) => RESTART_STATUSES.has(s.status) || progress[i]! < (progress[i - 1] ?? 0),
  );
  const taskStart: Observation = { from: 0, to: 0, low: 0, high: 0 };
  const candidates = [...(restarted ? [] : [[taskStart, ...run]]), run, run.slice(-2)];
  for (const candidate of candidates) {
    const points = candidate.length >= 2 ? corners(candidate) : undefined;
    if (points) {
      const end = rangeOf(points, (c) => c.end - newest.from);
      return {
        now: newest.from,
        observedAtMs: Date.parse(recent.at(-1)!.observedAt),
        newestProgress: newest.low,
        points,
        end,
      };
    }
  }
  return undefined;
}

/**
 * For the latest tick k (progress reaching k %) whose chosen point of its predicted crossing window, `at`,
 * lies in [from, to], that point (seconds from now). Crossings come later as k grows, so a binary search does.
 */
function crossingPoint(
  est: Estimate,
  at: (window: { lo: number; hi: number }) => number,
  from: number,
  to: number,
): number | undefined {
  const point = (k: number) => at(rangeOf(est.points, (c) => c.end - (100 - k) * c.s - est.now));
  let low = est.newestProgress + 1;
  let high = 99;
  if (low > high || point(low) > to) return undefined;
  while (low < high) {
    const k = Math.ceil((low + high) / 2);
    if (point(k) <= to) low = k;
    else high = k - 1;
  }
  const found = point(low);
  return found >= from ? found : undefined;
}

/** A poll in the middle of a crossing window halves the range of rates still possible, whatever it sees. */
const middle = (w: { lo: number; hi: number }) => (w.lo + w.hi) / 2;
/** A poll just after a crossing bounds the rate from above tightly: that keeps the latest plausible end close. */
const justAfter = (w: { lo: number; hi: number }) => w.hi + AIM_MARGIN_S;

/**
 * The delay (s) an estimate asks for, or undefined when every explanation says the import should have ended
 * by now (the model is wrong: back off instead).
 *
 * Only the last few snapshots are remembered, so sharpening the estimate pays only near the end: earlier,
 * polls are simply maxInterval apart. Near the end a poll goes either where it sharpens the estimate (the
 * predicted middle of a progress tick, which halves the rates still possible whatever it sees) or just after
 * the latest end the data allows. Each decision is taken afresh from the remembered snapshots.
 */
function estimatedDelaySeconds(est: Estimate, schedule: PollSchedule): number | undefined {
  const { lo, hi } = est.end;
  if (hi <= 0) return undefined;
  const minS = schedule.minIntervalMs / 1000;
  const maxS = schedule.maxIntervalMs / 1000;
  const narrow = hi - lo <= NARROW_WINDOW_S;
  if (narrow && hi + AIM_MARGIN_S <= maxS) return hi + AIM_MARGIN_S;
  if (lo > END_GAME_POLLS * maxS) return maxS;
  // The end is known but out of reach: land just after a tick, so that the snapshot that pins the latest end
  // is still remembered when the last poll is aimed.
  if (narrow) return crossingPoint(est, justAfter, minS, maxS) ?? maxS;
  // Too wide to aim at, and no tick left to split: the middle of the window halves the worst detection delay.
  return crossingPoint(est, middle, minS, Math.min(lo, maxS)) ?? (Math.max(lo, 0) + hi) / 2 + AIM_MARGIN_S;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Spreads a delay uniformly over [delay·(1 - jitter), delay·(1 + jitter)] cut to [min, max], so that a
 * delay at a bound is spread inwards instead of piling up on the bound.
 */
function jittered(delayMs: number, schedule: PollSchedule, random: () => number): number {
  const low = clamp(delayMs * (1 - schedule.jitter), schedule.minIntervalMs, schedule.maxIntervalMs);
  const high = clamp(delayMs * (1 + schedule.jitter), schedule.minIntervalMs, schedule.maxIntervalMs);
  const r = random();
  return low + (Number.isFinite(r) ? clamp(r, 0, 1) : 0) * (high - low);
}

export function nextPollDelay(input: {
  schedule: PollSchedule;
  /** GetImportTask calls made so far in this wait. */
  pollsSoFar: number;
  /** The last few snapshots (the workflow keeps about 5), newest last. */
  recent: readonly ImportTaskSnapshot[];
  random: () => number;
}): PollDecision {
  const { schedule, pollsSoFar, recent, random } = input;
  if (pollsSoFar <= 0) {
    return { delayMs: jittered(schedule.initialIntervalMs, schedule, random), reason: 'initial' };
  }
  const est = estimate(recent);
  const aimS = est && estimatedDelaySeconds(est, schedule);
  if (est && aimS !== undefined) {
    // An estimate that asks for maxInterval or more is a check-in on a distant end, not an aim: jitter it like
    // a backoff so that waits started together drift apart. A nearer aim comes from the task's own progress
    // and is seconds wide: jitter would only blur it.
    const aimMs = clamp(aimS * 1000, schedule.minIntervalMs, schedule.maxIntervalMs);
    const predictedEndMs = est.observedAtMs + ((est.end.lo + est.end.hi) / 2) * 1000;
    return {
      delayMs: aimMs < schedule.maxIntervalMs ? aimMs : jittered(aimMs, schedule, random),
      reason: 'estimate',
      ...(Number.isFinite(predictedEndMs) ? { predictedEndAt: new Date(predictedEndMs).toISOString() } : {}),
    };
  }
  // Nothing predicts the end: wait twice as long as last time. The last gap is read from the snapshots, so
  // the backoff restarts short after short estimate-driven polls (a stall right before the predicted end).
  const [previous, last] = recent.slice(-2);
  const lastGapMs =
    previous && last
      ? Date.parse(last.observedAt) - Date.parse(previous.observedAt)
      : schedule.initialIntervalMs * 2 ** Math.min(pollsSoFar - 1, 30);
  const base = clamp(
    2 * (Number.isFinite(lastGapMs) ? lastGapMs : schedule.maxIntervalMs),
    schedule.minIntervalMs,
    schedule.maxIntervalMs,
  );
  return {
    delayMs: jittered(base, schedule, random),
    reason: recent.at(-1)?.phase === 'unknown' ? 'unknown-status' : 'backoff',
  };
}
