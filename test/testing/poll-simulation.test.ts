/**
 * The poll schedule's defaults against simulated imports: counts in simulated time, never wall-clock, so the
 * numbers are the same on every machine. `npx tsx bench/poll-schedule.ts` prints the full comparison.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLL_SCHEDULE } from '../../src/model/poll-schedule';
import {
  fixedStrategy,
  ourStrategy,
  PROGRESS_PROFILES,
  sdkWaiterStrategy,
  simulateMany,
  simulateWait,
  snapshotAt,
  type ProgressProfile,
  type SimulatedImport,
  type WaitSummary,
} from '../../src/testing/poll-simulation';

const MINUTE_MS = 60_000;
const DURATIONS_MIN = [10, 60, 240, 720];
const RUNS = 200;

const cache = new Map<string, WaitSummary>();
function ours(profile: ProgressProfile, minutes: number): WaitSummary {
  const key = `${profile}/${minutes}`;
  let summary = cache.get(key);
  if (!summary) {
    summary = simulateMany({ profile, durationMs: minutes * MINUTE_MS }, ourStrategy(), { runs: RUNS });
    cache.set(key, summary);
  }
  return summary;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('the simulated import', () => {
  const linear: SimulatedImport = { profile: 'linear', durationMs: 10 * MINUTE_MS };
  const at = (task: SimulatedImport, fraction: number) => snapshotAt(task, fraction * task.durationMs);

  it('initializes, imports with whole-percent progress, then succeeds', () => {
    const first = snapshotAt(linear, 5_000);
    assert.equal(first.status, 'INITIALIZING');
    assert.equal(first.details?.progressPercentage, 0);
    const running = snapshotAt(linear, 30_999);
    assert.equal(running.status, 'IMPORTING');
    assert.equal(running.phase, 'running');
    assert.equal(running.details?.progressPercentage, 5);
    assert.equal(running.details?.timeElapsedSeconds, 30);
    assert.equal(snapshotAt(linear, 599_999).details?.progressPercentage, 99);
    const done = snapshotAt(linear, 600_000);
    assert.equal(done.status, 'SUCCEEDED');
    assert.equal(done.phase, 'succeeded');
  });

  it('shapes progress by profile', () => {
    const task = (profile: ProgressProfile): SimulatedImport => ({ ...linear, profile });
    const progress = (profile: ProgressProfile, fraction: number) =>
      at(task(profile), fraction).details?.progressPercentage ?? NaN;
    assert.ok(progress('front-loaded', 0.5) > progress('linear', 0.5));
    assert.ok(progress('back-loaded', 0.5) < progress('linear', 0.5));
    assert.equal(progress('stall', 0.35), progress('stall', 0.55));
    assert.ok(progress('stall', 0.7) > progress('stall', 0.55));
    assert.equal(at(task('reprovision'), 0.45).status, 'REPROVISIONING');
    assert.ok(progress('reprovision', 0.6) < progress('reprovision', 0.39));
  });

  it('counts calls and detection delay for a fixed interval', () => {
    assert.deepEqual(simulateWait(linear, fixedStrategy(MINUTE_MS)(1)), { calls: 10, detectionDelayMs: 0 });
    assert.deepEqual(simulateWait(linear, fixedStrategy(MINUTE_MS)(1), 30_000), {
      calls: 10,
      detectionDelayMs: 30_000,
    });
  });

  it('models the SDK waiter: at once, then random in [60 s, 60 s·2^(n-1)], 8 h from the 10th delay on', () => {
    const delays = (seed: number) => {
      const strategy = sdkWaiterStrategy()(seed);
      return Array.from({ length: 12 }, (_, pollsSoFar) => strategy({ pollsSoFar, recent: [] }));
    };
    for (const seed of [1, 2, 3]) {
      const [first, ...rest] = delays(seed);
      assert.equal(first, 0);
      for (const [i, delay] of rest.entries()) {
        const attempt = i + 1;
        const high = attempt >= 10 ? 28_800_000 : 60_000 * 2 ** (attempt - 1);
        const low = attempt >= 10 ? 28_800_000 : 60_000;
        assert.ok(delay >= low && delay <= high, `delay before attempt ${attempt}: ${delay} ms`);
      }
    }
  });
});

describe(`poll schedule defaults, ${RUNS} seeded waits per case (start 0–60 s into the task)`, () => {
  const linearTargets: Array<[minutes: number, minRatio: number]> = [
    [10, 3],
    [60, 3],
    [240, 4],
    [720, 4],
  ];
  for (const [minutes, minRatio] of linearTargets) {
    it(`linear ${minutes} min: ≥ ${minRatio}x fewer calls than every 60 s, p95 detection ≤ 30 s`, (t) => {
      const task: SimulatedImport = { profile: 'linear', durationMs: minutes * MINUTE_MS };
      const fixed = simulateMany(task, fixedStrategy(MINUTE_MS), { runs: RUNS });
      const our = ours('linear', minutes);
      const ratio = fixed.meanCalls / our.meanCalls;
      t.diagnostic(
        `calls ${our.meanCalls.toFixed(2)} vs ${fixed.meanCalls.toFixed(2)} (${ratio.toFixed(2)}x); detection ` +
          `p50 ${seconds(our.p50DetectionMs)}, p95 ${seconds(our.p95DetectionMs)}, max ${seconds(our.maxDetectionMs)}`,
      );
      assert.ok(
        ratio >= minRatio,
        `calls: ours ${our.meanCalls.toFixed(2)}, every 60 s ${fixed.meanCalls.toFixed(2)}: ` +
          `${ratio.toFixed(2)}x, below ${minRatio}x`,
      );
      assert.ok(
        our.p95DetectionMs <= 30_000,
        `p95 detection delay ${seconds(our.p95DetectionMs)} above 30 s ` +
          `(p50 ${seconds(our.p50DetectionMs)}, max ${seconds(our.maxDetectionMs)})`,
      );
    });
  }

  for (const profile of PROGRESS_PROFILES) {
    it(`${profile}: detection delay never above maxInterval (${DURATIONS_MIN.join(', ')} min)`, () => {
      for (const minutes of DURATIONS_MIN) {
        const our = ours(profile, minutes);
        assert.ok(
          our.maxDetectionMs <= DEFAULT_POLL_SCHEDULE.maxIntervalMs,
          `${profile} ${minutes} min: max detection delay ${seconds(our.maxDetectionMs)} above ` +
            `${seconds(DEFAULT_POLL_SCHEDULE.maxIntervalMs)} (p95 ${seconds(our.p95DetectionMs)}, ` +
            `${our.meanCalls.toFixed(1)} calls)`,
        );
      }
    });
  }
});
