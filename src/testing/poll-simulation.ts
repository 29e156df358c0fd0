/**
 * Simulated waits: the emulator's own timelines (so a simulated import is one the emulator can run for
 * real), polled by the same loop and planner as the workflow, in simulated time. Pure and seeded: the
 * numbers are the same on every machine and every run.
 */
import { toImportTaskSnapshot, type ImportTaskSnapshot } from '../model/import-task-snapshot';
import { emptyPollMemory, planNextPoll, rememberAnswer, type PollMemory } from '../model/poll-planner';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from '../model/poll-schedule';
import { isTerminalPhase } from '../model/status-model';
import { scaleTimeline, taskStateAt, timelineDuration, type TimelinePhase } from './emulator/timeline';
import { mulberry32 } from './seeded-random';

export const PROGRESS_PROFILES = ['linear', 'front-loaded', 'back-loaded', 'stall', 'reprovision'] as const;
export type ProgressProfile = (typeof PROGRESS_PROFILES)[number];

/** What comes before IMPORTING: nothing, the emulator's `succeeds` share (5 % + 10 %), a long analysis. */
export const PRE_IMPORTING = ['none', 'typical', 'long-analysis'] as const;
export type PreImporting = (typeof PRE_IMPORTING)[number];

const PRE_IMPORTING_PHASES: Record<PreImporting, TimelinePhase[]> = {
  none: [],
  typical: [
    { status: 'INITIALIZING', seconds: 0.05 },
    { status: 'ANALYZING_DATA', seconds: 0.1 },
  ],
  'long-analysis': [
    { status: 'INITIALIZING', seconds: 0.05 },
    { status: 'ANALYZING_DATA', seconds: 0.3 },
  ],
};

const importing = (from: number, to: number, seconds: number): TimelinePhase => ({
  status: 'IMPORTING',
  seconds,
  progress: { from, to },
});

/**
 * IMPORTING as shares of its own time. The curved profiles change rate between 1.5x and 0.67x the average
 * (a rate that falls to zero before the end is a stall, which has its own profile); the restart repeats the
 * import from 0 % after REPROVISIONING, as the emulator's `reprovisions` timeline does.
 */
const IMPORTING_PHASES: Record<ProgressProfile, TimelinePhase[]> = {
  linear: [importing(0, 100, 1)],
  'front-loaded': [importing(0, 60, 0.4), importing(60, 100, 0.6)],
  'back-loaded': [importing(0, 40, 0.6), importing(40, 100, 0.4)],
  stall: [importing(0, 30, 0.3), importing(30, 30, 0.3), importing(30, 100, 0.4)],
  reprovision: [importing(0, 50, 0.35), { status: 'REPROVISIONING', seconds: 0.1 }, importing(0, 100, 0.55)],
};

export interface SimulatedImport {
  profile: ProgressProfile;
  preImporting: PreImporting;
  durationMs: number;
}

/** The emulator timeline of a simulated import: the phases, scaled to its duration, ending SUCCEEDED. */
export function simulatedTimeline(task: SimulatedImport): TimelinePhase[] {
  const pre = PRE_IMPORTING_PHASES[task.preImporting];
  const preShare = timelineDuration(pre);
  const phases = [
    ...pre,
    ...IMPORTING_PHASES[task.profile].map((p) => ({ ...p, seconds: (p.seconds ?? 0) * (1 - preShare) })),
    { status: 'SUCCEEDED' },
  ];
  return scaleTimeline(phases, task.durationMs / 1000);
}

/** Any fixed instant: the simulation only ever uses differences. */
const EPOCH_MS = Date.UTC(2025, 0, 1);
const TASK_ID = 't-0123456789';

/** What GetImportTask answers `taskTimeMs` after the task started, as the activity hands it to the workflow. */
export function snapshotAt(timeline: readonly TimelinePhase[], taskTimeMs: number): ImportTaskSnapshot {
  const state = taskStateAt(timeline, { elapsedSeconds: taskTimeMs / 1000 });
  return toImportTaskSnapshot(
    {
      taskId: TASK_ID,
      status: state.status,
      importTaskDetails: {
        status: state.status,
        startTime: new Date(EPOCH_MS),
        timeElapsedSeconds: state.timeElapsedSeconds,
        progressPercentage: state.progressPercentage,
      },
    },
    new Date(EPOCH_MS + taskTimeMs),
    TASK_ID,
  );
}

/** One wait's way of choosing the delay (ms) before its next call, after each answer it remembered. */
export type PollStrategy = (memory: PollMemory) => number;
/** A fresh strategy per wait, from the wait's seed. */
export type StrategyFactory = (seed: number) => PollStrategy;

/**
 * This library's planner as the workflow runs it: its own seeded random source (a workflow's Math.random)
 * and its own place in the spread of aimed polls.
 */
export function ourStrategy(schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): StrategyFactory {
  return (seed) => {
    const random = mulberry32(seed);
    const aimOffset = mulberry32(seed ^ 0x5bd1e995)();
    return (memory) => planNextPoll({ schedule, memory, random, aimOffset }).delayMs;
  };
}

/** Poll, sleep a fixed interval, poll again: a hand-written loop, Airflow's operator. */
export function fixedStrategy(intervalMs: number): StrategyFactory {
  return () => () => intervalMs;
}

/**
 * `waitUntilImportTaskSuccessful` with its defaults (minDelay 60 s, maxDelay 28800 s), as @smithy's
 * runPolling does it: the first attempt at once; before attempt n ≥ 1 a delay drawn uniformly from
 * [minDelay, minDelay·2^(n-1)] capped at maxDelay, and maxDelay itself once n > log2(maxDelay/minDelay) + 1.
 * maxWaitTime is taken as long enough never to cut a delay short.
 */
export function sdkWaiterStrategy(minDelayS = 60, maxDelayS = 28_800): StrategyFactory {
  return (seed) => {
    const random = mulberry32(seed);
    const minMs = minDelayS * 1000;
    const maxMs = maxDelayS * 1000;
    const ceiling = Math.log(maxMs / minMs) / Math.log(2) + 1;
    return ({ polls: attempt }) => {
      if (attempt > ceiling) return maxMs;
      return minMs + random() * (Math.min(minMs * 2 ** (attempt - 1), maxMs) - minMs);
    };
  };
}

export interface WaitResult {
  calls: number;
  /** From the task's real end to the call that saw it ended; undefined when the waiter gave up first. */
  detectionDelayMs?: number;
}

const MAX_CALLS = 100_000;

/**
 * One wait, the workflow's loop in simulated time: it asks at once when it starts (`startOffsetMs` into the
 * task), then after each answer sleeps what the strategy says, until the task has ended or `maxCalls`.
 */
export function simulateWait(
  timeline: readonly TimelinePhase[],
  strategy: PollStrategy,
  { startOffsetMs = 0, maxCalls = MAX_CALLS }: { startOffsetMs?: number; maxCalls?: number } = {},
): WaitResult {
  const endMs = timelineDuration(timeline) * 1000;
  let memory = emptyPollMemory();
  for (let t = startOffsetMs; memory.polls < maxCalls; t += strategy(memory)) {
    const answer = snapshotAt(timeline, t);
    memory = rememberAnswer(memory, answer);
    if (isTerminalPhase(answer.phase)) return { calls: memory.polls, detectionDelayMs: t - endMs };
  }
  if (maxCalls < MAX_CALLS) return { calls: memory.polls };
  throw new Error(`no terminal status after ${MAX_CALLS} calls`);
}

export interface WaitSummary {
  runs: number;
  meanCalls: number;
  /** Waits whose waiter gave up before the end (Airflow's 60 attempts). */
  gaveUp: number;
  p50DetectionMs: number;
  p95DetectionMs: number;
  maxDetectionMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export function summarize(results: readonly WaitResult[]): WaitSummary {
  const delays = results
    .flatMap((r) => (r.detectionDelayMs === undefined ? [] : [r.detectionDelayMs]))
    .sort((a, b) => a - b);
  return {
    runs: results.length,
    meanCalls: results.reduce((sum, r) => sum + r.calls, 0) / results.length,
    gaveUp: results.length - delays.length,
    p50DetectionMs: percentile(delays, 0.5),
    p95DetectionMs: percentile(delays, 0.95),
    maxDetectionMs: delays.at(-1) ?? NaN,
  };
}

/**
 * `runs` waits, each with its own seed and a start offset drawn from [0, maxStartOffsetMs): the same seeds
 * and offsets for every strategy given the same `seed`, so strategies are compared on the same waits.
 */
export function simulateMany(
  task: SimulatedImport,
  factory: StrategyFactory,
  {
    runs = 200,
    seed = 1,
    maxStartOffsetMs = 60_000,
    maxCalls,
  }: { runs?: number; seed?: number; maxStartOffsetMs?: number; maxCalls?: number } = {},
): WaitSummary {
  const timeline = simulatedTimeline(task);
  const offsets = mulberry32(seed);
  return summarize(
    Array.from({ length: runs }, (_, i) =>
      simulateWait(timeline, factory(seed * 1_000_003 + i), {
        startOffsetMs: offsets() * maxStartOffsetMs,
        ...(maxCalls !== undefined && { maxCalls }),
      }),
    ),
  );
}
