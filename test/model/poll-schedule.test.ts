import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportTaskSnapshot } from '../../src/model/import-task-snapshot';
import {
  DEFAULT_POLL_SCHEDULE,
  nextPollDelay,
  resolvePollSchedule,
  type PollDecision,
  type PollSchedule,
  type PollingOptions,
} from '../../src/model/poll-schedule';
import { InvalidInputError } from '../../src/model/invalid-input';
import { mulberry32 } from '../../src/testing/seeded-random';
import { phaseOfStatus } from '../../src/model/status-model';

const TASK_START_MS = Date.UTC(2025, 0, 1);

/** A snapshot taken `elapsedS` seconds after the task started. */
function snap(status: string, elapsedS: number, progress?: number): ImportTaskSnapshot {
  return {
    taskId: 't-0123456789',
    status,
    phase: phaseOfStatus(status),
    unknownStatus: phaseOfStatus(status) === 'unknown',
    details: {
      status,
      startTime: new Date(TASK_START_MS).toISOString(),
      timeElapsedSeconds: elapsedS,
      ...(progress === undefined ? {} : { progressPercentage: progress }),
    },
    observedAt: new Date(TASK_START_MS + elapsedS * 1000).toISOString(),
  };
}

const noJitter: PollSchedule = { ...DEFAULT_POLL_SCHEDULE, jitter: 0 };

function decide(recent: ImportTaskSnapshot[], schedule = noJitter, random = () => 0.5): PollDecision {
  return nextPollDelay({ schedule, pollsSoFar: Math.max(recent.length, 1), recent, random });
}

/** Task time (s) of the predicted end. */
function predictedEndS(decision: PollDecision): number {
  assert.ok(decision.predictedEndAt, `no predictedEndAt in ${JSON.stringify(decision)}`);
  return (Date.parse(decision.predictedEndAt) - TASK_START_MS) / 1000;
}

describe('resolvePollSchedule', () => {
  it('defaults to DEFAULT_POLL_SCHEDULE', () => {
    assert.deepEqual(resolvePollSchedule(), DEFAULT_POLL_SCHEDULE);
    assert.deepEqual(resolvePollSchedule({}), DEFAULT_POLL_SCHEDULE);
    assert.deepEqual(DEFAULT_POLL_SCHEDULE, {
      initialIntervalMs: 10_000,
      minIntervalMs: 5_000,
      maxIntervalMs: 300_000,
      jitter: 0.1,
    });
  });

  it('reads Temporal durations (ms numbers and strings)', () => {
    assert.deepEqual(
      resolvePollSchedule({
        initialInterval: '30s',
        minInterval: 10_000,
        maxInterval: '10 minutes',
        jitter: 0,
      }),
      { initialIntervalMs: 30_000, minIntervalMs: 10_000, maxIntervalMs: 600_000, jitter: 0 },
    );
  });

  it('moves defaults of fields left out into the range the given fields set', () => {
    assert.deepEqual(resolvePollSchedule({ initialInterval: '1s' }), {
      ...DEFAULT_POLL_SCHEDULE,
      initialIntervalMs: 1_000,
      minIntervalMs: 1_000,
    });
    assert.deepEqual(resolvePollSchedule({ initialInterval: '10 minutes' }), {
      ...DEFAULT_POLL_SCHEDULE,
      initialIntervalMs: 600_000,
      maxIntervalMs: 600_000,
    });
    assert.deepEqual(resolvePollSchedule({ maxInterval: '3s' }), {
      ...DEFAULT_POLL_SCHEDULE,
      initialIntervalMs: 3_000,
      minIntervalMs: 3_000,
      maxIntervalMs: 3_000,
    });
  });

  // One message per field, never wrapped twice: "Invalid polling.minInterval: expected …, received …".
  const invalid: Array<[PollingOptions, string]> = [
    [{ initialInterval: 0 }, 'Invalid polling.initialInterval: expected a positive duration'],
    [{ minInterval: -5 }, 'Invalid polling.minInterval: expected a positive duration'],
    [{ maxInterval: Infinity }, 'Invalid polling.maxInterval: expected a positive duration'],
    [{ maxInterval: NaN }, 'Invalid polling.maxInterval: expected a positive duration'],
    [{ minInterval: 'soon' as never }, 'received "soon"'],
    [{ jitter: 1 }, 'Invalid polling.jitter: expected a number with 0 ≤ jitter < 1, received 1'],
    [{ jitter: -0.1 }, 'Invalid polling.jitter: expected a number with 0 ≤ jitter < 1, received -0.1'],
    [
      { jitter: '0.1' as never },
      'Invalid polling.jitter: expected a number with 0 ≤ jitter < 1, received "0.1"',
    ],
    [
      { minInterval: '20s', maxInterval: '10s' },
      'Invalid polling.minInterval: expected a duration not above polling.maxInterval ("10s"), received "20s"',
    ],
    [
      { initialInterval: '1s', minInterval: '5s' },
      'Invalid polling.initialInterval: expected a duration not below polling.minInterval ("5s"), received "1s"',
    ],
    [
      { initialInterval: 600_000, maxInterval: '5m' },
      'Invalid polling.initialInterval: expected a duration not above polling.maxInterval ("5m"), received 600000',
    ],
    ['fast' as never, 'Invalid polling: expected an object of polling options, received "fast"'],
    [[] as never, 'Invalid polling: expected an object of polling options, received an array'],
  ];
  for (const [options, message] of invalid) {
    it(`rejects ${JSON.stringify(options, (_k, v: unknown) => (typeof v === 'number' ? String(v) : v))}`, () => {
      assert.throws(
        () => resolvePollSchedule(options),
        (error: unknown) => {
          assert.ok(error instanceof InvalidInputError, `not an InvalidInputError: ${String(error)}`);
          assert.ok(error.message.startsWith(message) || error.message.includes(message), error.message);
          assert.equal(error.message.match(/Invalid /g)?.length, 1, `wrapped twice: ${error.message}`);
          return true;
        },
      );
    });
  }
});

describe('nextPollDelay', () => {
  it('polls first after initialInterval, jittered within ±jitter', () => {
    assert.deepEqual(nextPollDelay({ schedule: noJitter, pollsSoFar: 0, recent: [], random: () => 0.7 }), {
      delayMs: 10_000,
      reason: 'initial',
    });
    const low = nextPollDelay({
      schedule: DEFAULT_POLL_SCHEDULE,
      pollsSoFar: 0,
      recent: [],
      random: () => 0,
    });
    const high = nextPollDelay({
      schedule: DEFAULT_POLL_SCHEDULE,
      pollsSoFar: 0,
      recent: [],
      random: () => 1 - 2 ** -53,
    });
    assert.equal(low.delayMs, 9_000);
    assert.ok(high.delayMs > 10_999 && high.delayMs <= 11_000, `high jitter gave ${high.delayMs} ms`);
  });

  it('backs off geometrically without usable progress, up to maxInterval', () => {
    // INITIALIZING, ANALYZING_DATA, then IMPORTING at 0 %: nothing says when the import ends.
    const statuses = [
      'INITIALIZING',
      'INITIALIZING',
      'ANALYZING_DATA',
      'ANALYZING_DATA',
      'IMPORTING',
      'IMPORTING',
    ];
    const delays: number[] = [];
    let recent: ImportTaskSnapshot[] = [];
    let elapsedS = 0;
    for (const [pollsSoFar, status] of ['', ...statuses].entries()) {
      const decision = nextPollDelay({ schedule: noJitter, pollsSoFar, recent, random: () => 0.5 });
      assert.equal(decision.reason, pollsSoFar === 0 ? 'initial' : 'backoff');
      delays.push(decision.delayMs / 1000);
      elapsedS += decision.delayMs / 1000;
      recent = [...recent.slice(-4), snap(status || 'INITIALIZING', elapsedS, 0)];
    }
    assert.deepEqual(delays, [10, 20, 40, 80, 160, 300, 300]);
  });

  it('backs off on stalled progress', () => {
    const decision = decide([
      snap('IMPORTING', 1000, 40),
      snap('IMPORTING', 1010, 40),
      snap('IMPORTING', 1030, 40),
    ]);
    assert.deepEqual(decision, { delayMs: 40_000, reason: 'backoff' });
  });

  it('keeps polling an unknown status with backoff', () => {
    const unknown = 'SOMETHING_NEW';
    assert.equal(phaseOfStatus(unknown), 'unknown');
    assert.deepEqual(decide([snap('IMPORTING', 100, 10), snap(unknown, 120, 12)]), {
      delayMs: 40_000,
      reason: 'unknown-status',
    });
    assert.deepEqual(decide([snap(unknown, 1000, 50), snap(unknown, 1200, 50)]), {
      delayMs: 300_000,
      reason: 'unknown-status',
    });
  });

  it('polls before the earliest possible end while it is far away', () => {
    // 10 % after 60 s: progress in [10, 11) % means the end is between 545 s and 610 s.
    const decision = decide([snap('INITIALIZING', 20, 0), snap('IMPORTING', 60, 10)]);
    assert.equal(decision.reason, 'estimate');
    const pollAtS = 60 + decision.delayMs / 1000;
    assert.ok(pollAtS < 6000 / 11, `polls at ${pollAtS} s, after the earliest end ${6000 / 11} s`);
    const endS = predictedEndS(decision);
    assert.ok(endS > 545 && endS < 610, `predicted end ${endS} s`);
  });

  it('aims just after the latest plausible end when the window is narrow', () => {
    // 98 % after 590 s (timeElapsedSeconds is whole seconds: 590–591 s): the end is in (596.0 s, 603.1 s].
    const earliestEndS = (590 * 100) / 99;
    const latestEndS = (591 * 100) / 98;
    const decision = decide([snap('IMPORTING', 590, 98)]);
    assert.equal(decision.reason, 'estimate');
    const pollAtS = 590 + decision.delayMs / 1000;
    assert.ok(
      pollAtS >= latestEndS && pollAtS <= latestEndS + 3,
      `polls at ${pollAtS} s; latest end ${latestEndS} s`,
    );
    const endS = predictedEndS(decision);
    assert.ok(Math.abs(endS - (earliestEndS + latestEndS) / 2) < 0.01, `predicted end ${endS} s`);
  });

  it('follows the recent rate when it contradicts the average since the start', () => {
    // 10 %/100 s lately, but 30 % in 1200 s on average: the end is near 1900 s, not 4000 s.
    const decision = decide([
      snap('IMPORTING', 1000, 10),
      snap('IMPORTING', 1100, 20),
      snap('IMPORTING', 1200, 30),
    ]);
    assert.equal(decision.reason, 'estimate');
    const endS = predictedEndS(decision);
    assert.ok(endS > 1800 && endS < 2000, `predicted end ${endS} s`);
    // Accelerating within the recent snapshots too: the two newest (30 % → 50 % in 100 s) decide.
    const accelerating = decide([
      snap('IMPORTING', 1000, 10),
      snap('IMPORTING', 1100, 11),
      ...[30, 50].map((p, i) => snap('IMPORTING', 1200 + 100 * i, p)),
    ]);
    const acceleratingEndS = predictedEndS(accelerating);
    assert.ok(acceleratingEndS > 1500 && acceleratingEndS < 1600, `predicted end ${acceleratingEndS} s`);
  });

  it('restarts the estimate after a progress drop', () => {
    // 50 % at 1000 s, then REPROVISIONING restarts progress: 5 % → 10 % in 100 s puts the end near 3200 s.
    // Progress over the whole elapsed time (10 % in 1400 s) would put it at 14000 s.
    const recent = [
      snap('IMPORTING', 1000, 50),
      snap('REPROVISIONING', 1100, 0),
      snap('IMPORTING', 1300, 5),
      snap('IMPORTING', 1400, 10),
    ];
    const decision = decide(recent);
    assert.equal(decision.reason, 'estimate');
    const endS = predictedEndS(decision);
    assert.ok(endS > 2800 && endS < 3700, `predicted end ${endS} s`);
    // One snapshot after the restart says nothing yet: progress over the whole elapsed time would mislead.
    assert.equal(decide(recent.slice(0, 3)).reason, 'backoff');
    // The same drop without a REPROVISIONING snapshot in between.
    const dropped = decide([
      snap('IMPORTING', 1000, 50),
      snap('IMPORTING', 1300, 5),
      snap('IMPORTING', 1400, 10),
    ]);
    const droppedEndS = predictedEndS(dropped);
    assert.ok(droppedEndS > 2800 && droppedEndS < 3700, `predicted end ${droppedEndS} s`);
  });

  it('stays within [minInterval, maxInterval] for any snapshots, schedule and random value', () => {
    const schedules = [
      DEFAULT_POLL_SCHEDULE,
      noJitter,
      resolvePollSchedule({ initialInterval: '1s', minInterval: '1s', maxInterval: '2s', jitter: 0.99 }),
      resolvePollSchedule({
        initialInterval: '1 minute',
        minInterval: '30s',
        maxInterval: '1 hour',
        jitter: 0.5,
      }),
    ];
    const statuses = [
      'INITIALIZING',
      'ANALYZING_DATA',
      'IMPORTING',
      'IMPORTING',
      'REPROVISIONING',
      'NEW_THING',
    ];
    const gen = mulberry32(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(gen() * items.length)]!;
    const randoms = [() => 0, () => 1 - 2 ** -53, () => 1, () => NaN, gen];
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      let elapsedS = Math.floor(gen() * 5000);
      const recent = Array.from({ length: Math.floor(gen() * 6) }, () => {
        elapsedS += Math.floor(gen() * 400);
        const progress = gen() < 0.1 ? undefined : Math.min(100, Math.floor(gen() * 101));
        return snap(pick(statuses), elapsedS, progress);
      });
      const schedule = pick(schedules);
      const random = pick(randoms);
      const pollsSoFar = recent.length === 0 ? pick([0, 3]) : recent.length + Math.floor(gen() * 3);
      const { delayMs, reason } = nextPollDelay({ schedule, pollsSoFar, recent, random });
      assert.ok(
        Number.isFinite(delayMs) && delayMs >= schedule.minIntervalMs && delayMs <= schedule.maxIntervalMs,
        `${reason} delay ${delayMs} ms outside [${schedule.minIntervalMs}, ${schedule.maxIntervalMs}] for ` +
          JSON.stringify(
            recent.map((s) => [s.status, s.details?.timeElapsedSeconds, s.details?.progressPercentage]),
          ),
      );
      checked++;
    }
    assert.equal(checked, 3000);
  });

  it('is deterministic and leaves its input alone', () => {
    const recent = Object.freeze(
      [snap('IMPORTING', 600, 10), snap('IMPORTING', 900, 15)].map((s) => Object.freeze(s)),
    );
    const run = () => {
      const random = mulberry32(7);
      return [0, 1, 2].map((pollsSoFar) =>
        nextPollDelay({
          schedule: DEFAULT_POLL_SCHEDULE,
          pollsSoFar,
          recent: pollsSoFar ? recent : [],
          random,
        }),
      );
    };
    assert.deepEqual(run(), run());
  });
});
