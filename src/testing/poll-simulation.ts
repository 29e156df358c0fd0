/**
 * A simulated import task and the polling strategies that wait for it: pure and deterministic (seeded), so
 * the test and the benchmark measure call counts and detection delays in simulated time, never wall-clock.
 */
import type { ImportTaskSnapshot } from '../model/import-task-snapshot';
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, type PollSchedule } from '../model/poll-schedule';
import { phaseOfStatus } from '../model/status-model';
import { mulberry32 } from './seeded-random';

export const PROGRESS_PROFILES = ['linear', 'front-loaded', 'back-loaded', 'stall', 'reprovision'] as const;
export type ProgressProfile = (typeof PROGRESS_PROFILES)[number];

export interface SimulatedImport {
  durationMs: number;
  profile: ProgressProfile;
  /** Share of the duration spent INITIALIZING at 0 %. */
  initializingFraction?: number;
}

/** Any fixed instant: the simulation only ever uses differences. */
const EPOCH_MS = Date.UTC(2025, 0, 1);

/** Where the reprovision profile restarts, and for how long it reprovisions. */
const REPROVISION_AT = 0.4;
const REPROVISION_FOR = 0.1;
/** Where the stall profile stops, and for how long. */
const STALL_AT = 0.3;
const STALL_FOR = 0.3;

/**
 * Status and true progress (0..1) at fraction x of the duration, for 0 ≤ x < 1. Progress counts from the
 * task's start. The curved profiles change rate threefold (1.5× to 0.5× the average, or the reverse) rather
 * than dying out: a rate that falls to zero before the end is a stall, which has its own profile.
 */
function progressAt(profile: ProgressProfile, x: number): { status: string; progress: number } {
  switch (profile) {
    case 'linear':
      return { status: 'IMPORTING', progress: x };
    case 'front-loaded':
      return { status: 'IMPORTING', progress: 1.5 * x - 0.5 * x ** 2 };
    case 'back-loaded':
      return { status: 'IMPORTING', progress: 0.5 * x + 0.5 * x ** 2 };
    case 'stall': {
      const active = x < STALL_AT ? x : x < STALL_AT + STALL_FOR ? STALL_AT : x - STALL_FOR;
      return { status: 'IMPORTING', progress: active / (1 - STALL_FOR) };
    }
    case 'reprovision':
      if (x < REPROVISION_AT) return { status: 'IMPORTING', progress: (x / REPROVISION_AT) * 0.5 };
      if (x < REPROVISION_AT + REPROVISION_FOR) return { status: 'REPROVISIONING', progress: 0 };
      return {
        status: 'IMPORTING',
        progress: (x - REPROVISION_AT - REPROVISION_FOR) / (1 - REPROVISION_AT - REPROVISION_FOR),
      };
  }
}

/** What GetImportTask would answer `taskTimeMs` after the task started. */
export function snapshotAt(task: SimulatedImport, taskTimeMs: number): ImportTaskSnapshot {
  const x = taskTimeMs / task.durationMs;
  const { status, progress } =
    x >= 1
      ? { status: 'SUCCEEDED', progress: 1 }
      : x < (task.initializingFraction ?? 0.015)
        ? { status: 'INITIALIZING', progress: 0 }
        : progressAt(task.profile, x);
  return {
    taskId: 't-0123456789',
    status,
    phase: phaseOfStatus(status),
    unknownStatus: false,
    details: {
      status,
      startTime: new Date(EPOCH_MS).toISOString(),
      timeElapsedSeconds: Math.floor(taskTimeMs / 1000),
      progressPercentage: Math.min(100, Math.floor(progress * 100)),
    },
    observedAt: new Date(EPOCH_MS + taskTimeMs).toISOString(),
  };
}

/** What a strategy knows when it picks the next delay. */
export interface PollState {
  pollsSoFar: number;
  recent: readonly ImportTaskSnapshot[];
}

/** One wait's strategy: the delay (ms) before the next call. A fresh one per wait, seeded. */
export type PollStrategy = (state: PollState) => number;
export type StrategyFactory = (seed: number) => PollStrategy;

/** This library's schedule, with its own seeded random source per wait (as each workflow has). */
export function ourStrategy(schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): StrategyFactory {
  return (seed) => {
    const random = mulberry32(seed);
    return ({ pollsSoFar, recent }) => nextPollDelay({ schedule, pollsSoFar, recent, random }).delayMs;
  };
}

/** Sleep, then poll: a loop that polled at once as well would make one more call than this. */
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
    return ({ pollsSoFar: attempt }) => {
      if (attempt === 0) return 0;
      if (attempt > ceiling) return maxMs;
      return minMs + random() * (Math.min(minMs * 2 ** (attempt - 1), maxMs) - minMs);
    };
  };
}

export interface WaitResult {
  calls: number;
  /** From the task's real end to the call that saw SUCCEEDED. */
  detectionDelayMs: number;
}

/** How many snapshots the simulated workflow keeps for the strategy. */
const RECENT_KEPT = 5;
const MAX_CALLS = 100_000;

/** One wait that starts `startOffsetMs` after the task started and polls until it sees SUCCEEDED. */
export function simulateWait(task: SimulatedImport, strategy: PollStrategy, startOffsetMs = 0): WaitResult {
  let recent: ImportTaskSnapshot[] = [];
  let t = startOffsetMs;
  for (let calls = 0; calls < MAX_CALLS;) {
    t += strategy({ pollsSoFar: calls, recent });
    calls++;
    const snapshot = snapshotAt(task, t);
    if (snapshot.phase === 'succeeded') return { calls, detectionDelayMs: t - task.durationMs };
    recent = [...recent.slice(1 - RECENT_KEPT), snapshot];
  }
  throw new Error(`no SUCCEEDED after ${MAX_CALLS} calls (${task.profile}, ${task.durationMs} ms)`);
}

export interface WaitSummary {
  runs: number;
  meanCalls: number;
  p50DetectionMs: number;
  p95DetectionMs: number;
  maxDetectionMs: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
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
  }: { runs?: number; seed?: number; maxStartOffsetMs?: number } = {},
): WaitSummary {
  const offsets = mulberry32(seed);
  const results = Array.from({ length: runs }, (_, i) =>
    simulateWait(task, factory(seed * 1_000_003 + i), offsets() * maxStartOffsetMs),
  );
  const delays = results.map((r) => r.detectionDelayMs).sort((a, b) => a - b);
  return {
    runs,
    meanCalls: results.reduce((sum, r) => sum + r.calls, 0) / runs,
    p50DetectionMs: percentile(delays, 0.5),
    p95DetectionMs: percentile(delays, 0.95),
    maxDetectionMs: delays.at(-1) ?? NaN,
  };
}
