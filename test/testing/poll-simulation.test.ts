/**
 * The simulated waits that predict the poll schedule's cost: the emulator's timelines, the workflow's
 * loop and planner, in simulated time (counts, never wall-clock). `npm run bench` prints the full comparison
 * and runs the same timeline on the real stack beside it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLL_SCHEDULE } from '../../src/model/poll-schedule';
import { builtInTimeline, taskStateAt } from '../../src/testing/emulator/timeline';
import {
  fixedStrategy,
  ourStrategy,
  PRE_IMPORTING,
  PROGRESS_PROFILES,
  sdkWaiterStrategy,
  simulatedTimeline,
  simulateMany,
  simulateWait,
  snapshotAt,
  type PreImporting,
  type ProgressProfile,
  type SimulatedImport,
  type WaitSummary,
} from '../../src/testing/poll-simulation';

const MINUTE_MS = 60_000;
const DURATIONS_MIN = [1, 2, 5, 10, 60, 240, 720];
const RUNS = 200;

const cache = new Map<string, WaitSummary>();
function ours(profile: ProgressProfile, preImporting: PreImporting, minutes: number): WaitSummary {
  const key = `${profile}/${preImporting}/${minutes}`;
  let summary = cache.get(key);
  if (!summary) {
    summary = simulateMany({ profile, preImporting, durationMs: minutes * MINUTE_MS }, ourStrategy(), {
      runs: RUNS,
    });
    cache.set(key, summary);
  }
  return summary;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('the simulated import', () => {
  const linear: SimulatedImport = { profile: 'linear', preImporting: 'typical', durationMs: 10 * MINUTE_MS };

  it("is the emulator's `succeeds` timeline for linear progress after the typical pre-IMPORTING phases", () => {
    const simulated = simulatedTimeline(linear);
    const emulated = builtInTimeline('succeeds', 600);
    for (let t = 0; t <= 620; t += 0.5) {
      const a = taskStateAt(simulated, { elapsedSeconds: t });
      const b = taskStateAt(emulated, { elapsedSeconds: t });
      assert.deepEqual([a.status, a.progressPercentage], [b.status, b.progressPercentage], `at ${t} s`);
    }
  });

  it('answers as the activity does: INITIALIZING, ANALYZING_DATA, IMPORTING in whole percent, SUCCEEDED', () => {
    const timeline = simulatedTimeline(linear);
    assert.equal(snapshotAt(timeline, 5_000).status, 'INITIALIZING');
    assert.equal(snapshotAt(timeline, 60_000).status, 'ANALYZING_DATA');
    const running = snapshotAt(timeline, 345_999);
    assert.deepEqual(
      [running.status, running.phase, running.details?.progressPercentage],
      ['IMPORTING', 'running', 50],
    );
    assert.equal(running.details?.timeElapsedSeconds, 345);
    const done = snapshotAt(timeline, 600_000);
    assert.deepEqual([done.status, done.phase], ['SUCCEEDED', 'succeeded']);
  });

  it('shapes progress by profile and pre-IMPORTING share', () => {
    const progress = (profile: ProgressProfile, fraction: number, preImporting: PreImporting = 'none') =>
      snapshotAt(simulatedTimeline({ ...linear, profile, preImporting }), fraction * linear.durationMs)
        .details?.progressPercentage ?? NaN;
    assert.ok(progress('front-loaded', 0.5) > progress('linear', 0.5));
    assert.ok(progress('back-loaded', 0.5) < progress('linear', 0.5));
    assert.equal(progress('stall', 0.35), progress('stall', 0.55));
    assert.ok(progress('stall', 0.7) > progress('stall', 0.55));
    assert.equal(
      snapshotAt(
        simulatedTimeline({ ...linear, profile: 'reprovision', preImporting: 'none' }),
        0.4 * linear.durationMs,
      ).status,
      'REPROVISIONING',
    );
    assert.ok(progress('reprovision', 0.6) < progress('reprovision', 0.34));
    assert.equal(progress('linear', 0.3, 'long-analysis'), 0);
    assert.ok(progress('linear', 0.3, 'typical') > 0);
  });

  it('polls a fixed-interval loop at once, then every interval', () => {
    const timeline = simulatedTimeline({ ...linear, preImporting: 'none' });
    assert.deepEqual(simulateWait(timeline, fixedStrategy(MINUTE_MS)(1)), { calls: 11, detectionDelayMs: 0 });
    assert.deepEqual(simulateWait(timeline, fixedStrategy(MINUTE_MS)(1), { startOffsetMs: 30_000 }), {
      calls: 11,
      detectionDelayMs: 30_000,
    });
  });

  it("models Airflow's operator: every 30 s, giving up after 60 calls", () => {
    const hour = simulatedTimeline({ ...linear, durationMs: 60 * MINUTE_MS });
    assert.deepEqual(simulateWait(hour, fixedStrategy(30_000)(1), { maxCalls: 60 }), { calls: 60 });
    assert.deepEqual(simulateWait(simulatedTimeline(linear), fixedStrategy(30_000)(1), { maxCalls: 60 }), {
      calls: 21,
      detectionDelayMs: 0,
    });
  });

  it('models the SDK waiter: at once, then random in [60 s, 60 s·2^(n-1)], 8 h from the 10th delay on', () => {
    for (const seed of [1, 2, 3]) {
      const strategy = sdkWaiterStrategy()(seed);
      for (let attempt = 1; attempt <= 12; attempt++) {
        const delay = strategy({ polls: attempt, recent: [] });
        const high = attempt >= 10 ? 28_800_000 : 60_000 * 2 ** (attempt - 1);
        const low = attempt >= 10 ? 28_800_000 : 60_000;
        assert.ok(delay >= low && delay <= high, `delay before attempt ${attempt}: ${delay} ms`);
      }
    }
  });
});

describe(`poll schedule defaults, ${RUNS} seeded waits per case (start 0–60 s into the task)`, () => {
  // The targets on the emulator's `succeeds` timeline (linear, 15 % before IMPORTING): short imports, as in
  // trials, seen ended within seconds; long ones with a fraction of the calls of polling every 60 s.
  const targets: Array<{ minutes: number; maxP95S: number; minRatio?: number; maxCalls?: number }> = [
    { minutes: 1, maxP95S: 30 },
    { minutes: 2, maxP95S: 20 },
    { minutes: 5, maxP95S: 20 },
    { minutes: 10, maxP95S: 15, maxCalls: 5 },
    { minutes: 60, maxP95S: 30, minRatio: 3.5 },
    { minutes: 240, maxP95S: 30, minRatio: 4.5 },
    { minutes: 720, maxP95S: 30, minRatio: 4.5 },
  ];
  for (const { minutes, maxP95S, minRatio, maxCalls } of targets) {
    const bounds = [
      maxCalls !== undefined && `≤ ${maxCalls} calls`,
      minRatio !== undefined && `≥ ${minRatio}x fewer calls than every 60 s`,
      `p95 detection ≤ ${maxP95S} s`,
    ].filter(Boolean);
    it(`succeeds, ${minutes} min: ${bounds.join(', ')}`, (t) => {
      const task: SimulatedImport = {
        profile: 'linear',
        preImporting: 'typical',
        durationMs: minutes * MINUTE_MS,
      };
      const fixed = simulateMany(task, fixedStrategy(MINUTE_MS), { runs: RUNS });
      const our = ours('linear', 'typical', minutes);
      const ratio = fixed.meanCalls / our.meanCalls;
      t.diagnostic(
        `calls ${our.meanCalls.toFixed(2)} vs ${fixed.meanCalls.toFixed(2)} (${ratio.toFixed(2)}x); detection ` +
          `p50 ${seconds(our.p50DetectionMs)}, p95 ${seconds(our.p95DetectionMs)}, max ${seconds(our.maxDetectionMs)}`,
      );
      if (minRatio !== undefined) {
        assert.ok(
          ratio >= minRatio,
          `calls: ours ${our.meanCalls.toFixed(2)}, every 60 s ${fixed.meanCalls}: ${ratio.toFixed(2)}x`,
        );
      }
      if (maxCalls !== undefined) {
        assert.ok(our.meanCalls <= maxCalls, `${our.meanCalls} calls for a ${minutes}-minute import`);
      }
      assert.ok(our.p95DetectionMs <= maxP95S * 1000, `p95 detection ${seconds(our.p95DetectionMs)}`);
    });
  }

  for (const profile of PROGRESS_PROFILES) {
    it(`${profile}: detection delay never above maxInterval (${DURATIONS_MIN.join(', ')} min, every pre-IMPORTING share)`, () => {
      for (const preImporting of PRE_IMPORTING) {
        for (const minutes of DURATIONS_MIN) {
          const our = ours(profile, preImporting, minutes);
          assert.ok(
            our.maxDetectionMs <= DEFAULT_POLL_SCHEDULE.maxIntervalMs,
            `${profile}/${preImporting} ${minutes} min: max detection delay ${seconds(our.maxDetectionMs)} ` +
              `(p95 ${seconds(our.p95DetectionMs)}, ${our.meanCalls.toFixed(1)} calls)`,
          );
        }
      }
    });
  }
});
