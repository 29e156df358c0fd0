/**
 * When to call GetImportTask next. One planner for the workflow's loop and for the simulation and benchmark
 * that predict what it costs: both keep a `PollMemory` with `rememberAnswer` and ask `planNextPoll`, so the
 * two cannot drift apart. Pure: no clock, no I/O; randomness is an argument so that replay sees the same
 * numbers.
 */
import type { ImportTaskSnapshot } from './import-task-snapshot';
import { isTerminalPhase } from './status-model';
import type { PollSchedule } from './poll-schedule';
import { crossingWindow, type Estimate, estimateEnd, type Observation } from './progress-estimate';

/** The planner looks at this many recent answers. */
export const RECENT_ANSWERS = 5;

/** The statuses whose progressPercentage runs to SUCCEEDED; other statuses' progress predicts nothing. */
const PROGRESS_STATUSES: ReadonlySet<string> = new Set(['IMPORTING']);

/** What a wait remembers of its answers; carried across continue-as-new. */
export interface PollMemory {
  /** GetImportTask answers so far. */
  polls: number;
  /** The newest answers, newest last, at most RECENT_ANSWERS. */
  recent: ImportTaskSnapshot[];
  /**
   * While the task is IMPORTING: the task times (seconds) between which this run of progress began, at 0 %:
   * the last answer before it (another status, or higher progress before a restart) and the first in it.
   * `from` is 0 when the wait never saw the task before it was IMPORTING. `restarted`: the run follows a
   * REPROVISIONING or a drop in progress, so what came before it says nothing about its length.
   */
  progressStart?: { from: number; to: number; restarted?: boolean };
}

export interface PollDecision {
  delayMs: number;
  /** `estimate`: aimed from the progress so far; otherwise a backoff, because nothing predicts the end. */
  reason: 'backoff' | 'estimate' | 'unknown-status';
  /** Middle of the window in which the progress so far says the import ends (ISO-8601). */
  predictedEndAt?: string;
}

export function emptyPollMemory(): PollMemory {
  return { polls: 0, recent: [] };
}

/** Task time (s) of an answer: the service's own count, else the time since its start as this side saw it. */
function taskSeconds(task: ImportTaskSnapshot): number | undefined {
  const elapsed = task.details?.timeElapsedSeconds;
  if (elapsed !== undefined && Number.isFinite(elapsed)) return elapsed;
  const since = (Date.parse(task.observedAt) - Date.parse(task.details?.startTime ?? '')) / 1000;
  return Number.isFinite(since) ? since : undefined;
}

function progressOf(task: ImportTaskSnapshot): number | undefined {
  const p = task.details?.progressPercentage;
  return task.phase === 'running' &&
    PROGRESS_STATUSES.has(task.status) &&
    p !== undefined &&
    Number.isFinite(p)
    ? p
    : undefined;
}

const RESTART_STATUSES: ReadonlySet<string> = new Set(['REPROVISIONING', 'RE_PROVISIONING']);

/** The memory after one more answer. Leaves its arguments alone. */
export function rememberAnswer(memory: PollMemory, task: ImportTaskSnapshot): PollMemory {
  const previous = memory.recent.at(-1);
  const next: PollMemory = {
    polls: memory.polls + 1,
    recent: [...memory.recent, task].slice(-RECENT_ANSWERS),
  };
  const kept = memory.progressStart && { progressStart: memory.progressStart };
  const now = taskSeconds(task);
  const progress = progressOf(task);
  if (now === undefined || progress === undefined) {
    // A restart ends the run; an answer that only lacks progress (an unknown status, a missing field) does not.
    return RESTART_STATUSES.has(task.status) || isTerminalPhase(task.phase) ? next : { ...next, ...kept };
  }
  // The newest earlier answer of this run, skipping answers without progress.
  const sameRun = [...memory.recent].reverse().find((answer) => progressOf(answer) !== undefined);
  const lastProgress = sameRun && progressOf(sameRun);
  if (memory.progressStart && lastProgress !== undefined && progress >= lastProgress) {
    return { ...next, ...kept };
  }
  const previousAt = previous && taskSeconds(previous);
  const dropped = lastProgress !== undefined && progress < lastProgress;
  const afterRestart = previous !== undefined && RESTART_STATUSES.has(previous.status);
  if (!memory.progressStart && lastProgress !== undefined && !dropped && !afterRestart) {
    // A memory from before progressStart existed: the run began by its newest earlier answer with progress.
    return { ...next, progressStart: { from: 0, to: taskSeconds(sameRun!) ?? now } };
  }
  // A new run of progress: after another status, after a drop (a restart the wait did not see), or the
  // first answer of the wait. It began at 0 % after the previous answer, or at worst at the task's start.
  const from = previousAt !== undefined && previousAt <= now ? previousAt : 0;
  const restarted = dropped || afterRestart;
  return { ...next, progressStart: { from, to: now, ...(restarted && { restarted }) } };
}

/**
 * A window of end times narrower than this is aimed at directly (after its latest end): splitting it further
 * costs a call to save at most this many seconds of detection delay.
 */
const NARROW_WINDOW_S = 20;
/** timeElapsedSeconds is whole seconds, and the answer travels: land this far after the latest end. */
const AIM_MARGIN_S = 2;
/**
 * Waits of identical imports started together aim their last polls at the same second; each wait moves its
 * aim by its own offset within ±half this, centred on the aim, so that on average none is later.
 */
const AIM_SPREAD_S = 6;
/** Sharpen the estimate only this many maxIntervals before the end: about what the wait remembers. */
const END_GAME_POLLS = 5;
/**
 * Until progress pins the end, the next poll comes before the task's age (its own timeElapsedSeconds) has
 * grown this many times: a young import is seen ended soon after (a 1-minute one within seconds, not
 * minutes), while an old one reaches maxInterval at once. Five keeps a 4-hour import at 4.5x fewer calls
 * than polling every minute; four would not.
 */
const AGE_GROWTH = 5;

/** The longest delay (s) that keeps the task's age from growing more than AGE_GROWTH times. */
function ageGrowthCap(ageSeconds: number | undefined): number {
  return ageSeconds === undefined ? Infinity : (AGE_GROWTH - 1) * ageSeconds;
}

/**
 * A prior, not an observation: IMPORTING lasts at least as long as what came before it (INITIALIZING,
 * ANALYZING_DATA; 15 % to 35 % of an import in the emulator's timelines), i.e. the end is no later than
 * 200 s per percent... written as the observation "progress ≤ -100 % at task time 0", whose only bound is
 * `end ≤ 200·s`. It keeps one early IMPORTING answer from allowing absurdly fast rates, and is dropped as
 * soon as the answers contradict it (first explanation that fits wins).
 */
const IMPORTING_OUTLASTS_WHAT_CAME_BEFORE: Observation = { from: -Infinity, to: 0, low: -100, high: -100 };

/** What the answers of the current run of progress say, as observations (newest last). */
function currentRun(recent: readonly ImportTaskSnapshot[]): Observation[] {
  const run: Observation[] = [];
  for (let i = recent.length - 1; i >= 0; i--) {
    const task = recent[i]!;
    const p = progressOf(task);
    const at = taskSeconds(task);
    if (p === undefined || at === undefined) break;
    const newer = run[0];
    if (newer !== undefined && (task.status !== recent[i + 1]!.status || p > newer.low || at > newer.from))
      break;
    const seconds = task.details?.timeElapsedSeconds === undefined ? 0 : 1;
    run.unshift({ from: at, to: at + seconds, low: p, high: p + 1 });
  }
  return run;
}

/**
 * Three explanations, the first that fits wins: progress linear since the run began (at 0 % inside
 * `progressStart`; the only one precise enough for long imports, where a few answers minutes apart differ
 * by a percent or two), then linear over the remembered answers of the run (follows a rate change), then
 * over its two newest answers.
 */
function estimate(memory: PollMemory): Estimate | undefined {
  const run = currentRun(memory.recent);
  if (run.length === 0) return undefined;
  const start = memory.progressStart;
  const began: Observation[] = start ? [{ from: start.from, to: start.to, low: 0, high: 1 }] : [];
  const firstRun = !start?.restarted && (memory.recent.at(-1)?.attemptNumber ?? 1) <= 1;
  const prior: Observation[] = firstRun ? [IMPORTING_OUTLASTS_WHAT_CAME_BEFORE] : [];
  return estimateEnd([[...prior, ...began, ...run], [...began, ...run], run, run.slice(-2)]);
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
  const point = (k: number) => at(crossingWindow(est, k));
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
 * Far from the end, polls are simply maxInterval apart. Near it a poll goes either where it sharpens the
 * estimate (the predicted middle of a progress tick, which halves the rates still possible whatever it
 * sees) or, once the window is narrow, just after its latest end, moved by this wait's own offset.
 */
function estimatedDelaySeconds(est: Estimate, schedule: PollSchedule, aimOffset: number): number | undefined {
  const { lo, hi } = est.end;
  if (hi <= 0) return undefined;
  const minS = schedule.minIntervalMs / 1000;
  const maxS = schedule.maxIntervalMs / 1000;
  const narrow = hi - lo <= NARROW_WINDOW_S;
  const aim = hi + AIM_MARGIN_S + (aimOffset - 0.5) * AIM_SPREAD_S;
  if (narrow && aim <= maxS) return Math.max(aim, (lo + hi) / 2 + AIM_MARGIN_S);
  if (lo > END_GAME_POLLS * maxS) return maxS;
  // The end is known but out of reach: land just after a tick, so that the answer that pins the latest end
  // is still remembered when the last poll is aimed.
  if (narrow) return crossingPoint(est, justAfter, minS, maxS) ?? maxS;
  // Too wide to aim at, and no tick left to split: the middle of the window halves the worst detection delay.
  const sharpenBy = Math.max(Math.min(Math.sqrt(Math.max(lo, minS) * hi), maxS, ageGrowthCap(est.now)), minS);
  return crossingPoint(est, middle, minS, sharpenBy) ?? (Math.max(lo, 0) + hi) / 2 + AIM_MARGIN_S;
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

/**
 * A number in [0, 1) that is the same for every run of one wait and different between waits (FNV-1a of
 * its key, e.g. the workflow id): the wait's place in the spread of aimed polls.
 */
export function aimOffsetOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/**
 * The delay before the next GetImportTask, after at least one answer (a wait asks at once when it starts,
 * because the task may have ended already).
 */
export function planNextPoll(input: {
  schedule: PollSchedule;
  memory: PollMemory;
  random: () => number;
  /** This wait's place in [0, 1) in the spread of aimed polls (`aimOffsetOf`). */
  aimOffset: number;
}): PollDecision {
  const { schedule, memory, random } = input;
  const aimOffset = Number.isFinite(input.aimOffset) ? clamp(input.aimOffset, 0, 1) : 0.5;
  const est = estimate(memory);
  const aimS = est && estimatedDelaySeconds(est, schedule, aimOffset);
  if (est && aimS !== undefined) {
    // An estimate that asks for maxInterval or more is a check-in on a distant end, not an aim: jitter it like
    // a backoff so that waits started together drift apart. A nearer aim comes from the task's own progress.
    const aimMs = clamp(aimS * 1000, schedule.minIntervalMs, schedule.maxIntervalMs);
    const observedAtMs = Date.parse(memory.recent.at(-1)!.observedAt);
    const predictedEndMs = observedAtMs + ((est.end.lo + est.end.hi) / 2) * 1000;
    return {
      delayMs: aimMs < schedule.maxIntervalMs ? aimMs : jittered(aimMs, schedule, random),
      reason: 'estimate',
      ...(Number.isFinite(predictedEndMs) ? { predictedEndAt: new Date(predictedEndMs).toISOString() } : {}),
    };
  }
  return {
    delayMs: jittered(
      clamp(backoffMs(schedule, memory), schedule.minIntervalMs, schedule.maxIntervalMs),
      schedule,
      random,
    ),
    reason: memory.recent.at(-1)?.phase === 'unknown' ? 'unknown-status' : 'backoff',
  };
}

/**
 * The delay while nothing predicts the end. Before the task's first progress: until its age has grown
 * AGE_GROWTH times, and at least initialInterval (a task's first seconds say nothing of its length). After
 * it (a stall, an unknown status, an estimate proved wrong): twice the last gap, read from the answers, so
 * the backoff restarts short after short aimed polls. Without the task's age: initialInterval, then twice
 * the last gap.
 */
function backoffMs(schedule: PollSchedule, memory: PollMemory): number {
  const last = memory.recent.at(-1);
  const previous = memory.recent.at(-2);
  const age = last && taskSeconds(last);
  if (!memory.progressStart && age !== undefined) {
    return Math.max(schedule.initialIntervalMs, ageGrowthCap(age) * 1000);
  }
  const lastGapMs = previous && last ? Date.parse(last.observedAt) - Date.parse(previous.observedAt) : NaN;
  return Number.isFinite(lastGapMs) ? 2 * lastGapMs : schedule.initialIntervalMs;
}
