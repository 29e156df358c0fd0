import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportTaskSnapshot } from '../../src/model/import-task-snapshot';
import {
  aimOffsetOf,
  emptyPollMemory,
  planNextPoll,
  RECENT_ANSWERS,
  rememberAnswer,
  type PollDecision,
  type PollMemory,
} from '../../src/model/poll-planner';
import { DEFAULT_POLL_SCHEDULE, resolvePollSchedule, type PollSchedule } from '../../src/model/poll-schedule';
import { phaseOfStatus } from '../../src/model/status-model';
import { mulberry32 } from '../../src/testing/seeded-random';

const TASK_START_MS = Date.UTC(2025, 0, 1);

/** An answer given `elapsedS` seconds after the task started. */
function snap(
  status: string,
  elapsedS: number,
  progress?: number,
  attemptNumber?: number,
): ImportTaskSnapshot {
  return {
    taskId: 't-0123456789',
    status,
    phase: phaseOfStatus(status),
    unknownStatus: phaseOfStatus(status) === 'unknown',
    ...(attemptNumber !== undefined && { attemptNumber }),
    details: {
      status,
      startTime: new Date(TASK_START_MS).toISOString(),
      timeElapsedSeconds: elapsedS,
      ...(progress === undefined ? {} : { progressPercentage: progress }),
    },
    observedAt: new Date(TASK_START_MS + elapsedS * 1000).toISOString(),
  };
}

const memoryOf = (answers: readonly ImportTaskSnapshot[]): PollMemory =>
  answers.reduce(rememberAnswer, emptyPollMemory());

const noJitter: PollSchedule = { ...DEFAULT_POLL_SCHEDULE, jitter: 0 };

function decide(
  answers: ImportTaskSnapshot[],
  {
    schedule = noJitter,
    random = (): number => 0.5,
    aimOffset = 0.5,
  }: { schedule?: PollSchedule; random?: () => number; aimOffset?: number } = {},
): PollDecision {
  return planNextPoll({ schedule, memory: memoryOf(answers), random, aimOffset });
}

/** Task time (s) of the next poll after the newest answer. */
const nextPollAtS = (answers: ImportTaskSnapshot[], decision: PollDecision) =>
  answers.at(-1)!.details!.timeElapsedSeconds! + decision.delayMs / 1000;

/** Task time (s) of the predicted end. */
function predictedEndS(decision: PollDecision): number {
  assert.ok(decision.predictedEndAt, `no predictedEndAt in ${JSON.stringify(decision)}`);
  return (Date.parse(decision.predictedEndAt) - TASK_START_MS) / 1000;
}

describe('rememberAnswer', () => {
  it('counts answers and keeps the newest few, leaving its input alone', () => {
    const answers = Array.from({ length: 8 }, (_, i) => Object.freeze(snap('INITIALIZING', i * 10)));
    const memory = memoryOf(answers);
    assert.equal(memory.polls, 8);
    assert.deepEqual(memory.recent, answers.slice(-RECENT_ANSWERS));
    const frozen = Object.freeze({ ...memory, recent: Object.freeze([...memory.recent]) as never });
    assert.equal(rememberAnswer(frozen, snap('INITIALIZING', 90)).polls, 9);
  });

  it('places the start of progress between the last answer before IMPORTING and the first in it', () => {
    const memory = memoryOf([
      snap('INITIALIZING', 0, 0),
      snap('ANALYZING_DATA', 60, 0),
      snap('IMPORTING', 180, 17),
    ]);
    assert.deepEqual(memory.progressStart, { from: 60, to: 180 });
    // Kept through the run, however many answers the recent list has dropped since.
    const later = [300, 400, 500, 550, 580, 590].map((t, i) => snap('IMPORTING', t, 40 + 10 * i));
    assert.deepEqual(later.reduce(rememberAnswer, memory).progressStart, { from: 60, to: 180 });
  });

  it('starts it afresh after REPROVISIONING or a drop in progress, and from 0 when first seen importing', () => {
    assert.deepEqual(memoryOf([snap('IMPORTING', 500, 40)]).progressStart, { from: 0, to: 500 });
    const restarted = [
      snap('IMPORTING', 500, 40),
      snap('REPROVISIONING', 600, 40),
      snap('IMPORTING', 700, 3),
    ];
    assert.deepEqual(memoryOf(restarted).progressStart, { from: 600, to: 700, restarted: true });
    const dropped = [snap('IMPORTING', 500, 40), snap('IMPORTING', 700, 3)];
    assert.deepEqual(memoryOf(dropped).progressStart, { from: 500, to: 700, restarted: true });
    assert.equal(memoryOf([...restarted, snap('FAILED', 800)]).progressStart, undefined);
  });

  it('keeps it through an answer without progress (an unknown status, a missing field)', () => {
    const start = [snap('ANALYZING_DATA', 60, 0), snap('IMPORTING', 180, 17)];
    for (const glitch of [snap('QUANTUM_SYNCING', 1090), snap('IMPORTING', 1090)]) {
      const memory = memoryOf([...start, glitch, snap('IMPORTING', 1180, 60)]);
      assert.deepEqual(memory.progressStart, { from: 60, to: 180 }, glitch.status);
    }
  });

  it('reads a carry-over from before progressStart as a run begun by its newest earlier answer', () => {
    const carried: PollMemory = { polls: 40, recent: [snap('IMPORTING', 2000, 20)] };
    assert.deepEqual(rememberAnswer(carried, snap('IMPORTING', 2300, 23)).progressStart, {
      from: 0,
      to: 2000,
    });
    // ... unless progress dropped since: then a restart began it after the answer before.
    assert.deepEqual(rememberAnswer(carried, snap('IMPORTING', 2300, 2)).progressStart, {
      from: 2000,
      to: 2300,
      restarted: true,
    });
  });
});

describe('planNextPoll', () => {
  it('asks again initialInterval after the first answer of a young task, jittered within ±jitter', () => {
    const first = [snap('INITIALIZING', 0, 0)];
    assert.deepEqual(decide(first), { delayMs: 60_000, reason: 'backoff' });
    const low = decide(first, { schedule: DEFAULT_POLL_SCHEDULE, random: () => 0 });
    const high = decide(first, { schedule: DEFAULT_POLL_SCHEDULE, random: () => 1 - 2 ** -53 });
    assert.equal(low.delayMs, 54_000);
    assert.ok(high.delayMs > 65_999 && high.delayMs <= 66_000, `high jitter gave ${high.delayMs} ms`);
  });

  it('before any progress, backs off until the task is five times as old, up to maxInterval; then doubles', () => {
    // INITIALIZING, ANALYZING_DATA, then IMPORTING at 0 %: nothing says when the import ends.
    const schedule = resolvePollSchedule({ initialInterval: '10s', jitter: 0 });
    const statuses = [
      'INITIALIZING',
      'INITIALIZING',
      'ANALYZING_DATA',
      'ANALYZING_DATA',
      'IMPORTING',
      'IMPORTING',
    ];
    const delays: number[] = [];
    let memory = emptyPollMemory();
    let elapsedS = 2;
    for (const status of statuses) {
      memory = rememberAnswer(memory, snap(status, elapsedS, 0));
      const decision = planNextPoll({ schedule, memory, random: () => 0.5, aimOffset: 0.5 });
      assert.equal(decision.reason, 'backoff');
      delays.push(decision.delayMs / 1000);
      elapsedS += decision.delayMs / 1000;
    }
    // At task ages 2, 12, 60, 300 s: initialInterval, then four times the age; once IMPORTING (at 0 %, so
    // still no estimate) the last gap doubled, within maxInterval.
    assert.deepEqual(delays, [10, 48, 240, 300, 300, 300]);
  });

  it('before any progress, without the task age, backs off from initialInterval by doubling', () => {
    const schedule = resolvePollSchedule({ initialInterval: '10s', jitter: 0 });
    const ageless = (at: number): ImportTaskSnapshot => ({
      taskId: 't-0123456789',
      status: 'INITIALIZING',
      phase: 'running',
      unknownStatus: false,
      observedAt: new Date(TASK_START_MS + at * 1000).toISOString(),
    });
    assert.equal(decide([ageless(0)], { schedule }).delayMs, 10_000);
    assert.equal(decide([ageless(0), ageless(10)], { schedule }).delayMs, 20_000);
  });

  it("sharpens a young import's estimate before the task is five times as old", () => {
    // A 5-minute import seen INITIALIZING at once, then IMPORTING at 3 % 54 s in: the end may be a minute
    // away or half an hour; the next poll comes by 4 × 54 s, not a maxInterval (300 s) later.
    const answers = [snap('INITIALIZING', 0.3, 0), snap('IMPORTING', 54, 3)];
    const decision = decide(answers);
    assert.equal(decision.reason, 'estimate');
    assert.ok(decision.delayMs <= 4 * 54_000, `next poll in ${decision.delayMs} ms`);
    assert.ok(decision.delayMs >= 60_000, `next poll in ${decision.delayMs} ms`);
  });

  it('backs off on stalled progress, and on an unknown status with its own reason', () => {
    const stalled = [snap('IMPORTING', 1000, 40), snap('IMPORTING', 1010, 40), snap('IMPORTING', 1030, 40)];
    assert.deepEqual(decide(stalled), { delayMs: 40_000, reason: 'backoff' });
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

  it('estimates from the first IMPORTING answer, counting progress from the transition into IMPORTING', () => {
    // A 10-minute import: IMPORTING from 90 s, 0→100 % at 5.1 s per percent; seen at 60 s and 180 s.
    const answers = [snap('INITIALIZING', 0, 0), snap('ANALYZING_DATA', 60, 0), snap('IMPORTING', 180, 17)];
    const decision = decide(answers);
    assert.equal(decision.reason, 'estimate');
    const endS = predictedEndS(decision);
    assert.ok(endS > 400 && endS < 800, `predicted end ${endS} s`);
    // One poll in between, late enough to pin the rate, before the true end.
    const pollS = nextPollAtS(answers, decision);
    assert.ok(pollS > 350 && pollS < 600, `polls at ${pollS} s`);
    // Progress counted from the task's start (17 % in 180 s) would have put the end at 1060 s.
  });

  it('does not probe within seconds of one early IMPORTING answer (IMPORTING outlasts what came before)', () => {
    const answers = [snap('INITIALIZING', 0, 0), snap('IMPORTING', 120, 5)];
    const decision = decide(answers);
    assert.equal(decision.reason, 'estimate');
    assert.ok(decision.delayMs >= 60_000, `polls again after ${decision.delayMs} ms`);
  });

  it('drops that prior when the answers contradict it', () => {
    // 20 minutes of analysis, then 50 % in 30 s: IMPORTING is far shorter than what came before it.
    const answers = [
      snap('ANALYZING_DATA', 1200, 0),
      snap('IMPORTING', 1230, 50),
      snap('IMPORTING', 1242, 70),
    ];
    const endS = predictedEndS(decide(answers));
    assert.ok(endS > 1250 && endS < 1275, `predicted end ${endS} s`);
  });

  it('aims just after the latest plausible end when the window is narrow, moved by the wait’s offset', () => {
    // 98 % after 590 s (timeElapsedSeconds is whole seconds: 590–591 s): the end is in (596.0 s, 603.1 s].
    const answers = [snap('IMPORTING', 590, 98)];
    const earliestEndS = (590 * 100) / 99;
    const latestEndS = (591 * 100) / 98;
    const at = (aimOffset: number) => nextPollAtS(answers, decide(answers, { aimOffset }));
    assert.ok(
      at(0.5) >= latestEndS && at(0.5) <= latestEndS + 3,
      `polls at ${at(0.5)} s; latest end ${latestEndS} s`,
    );
    assert.ok(
      at(0) < at(0.5) && at(0.5) < at(1),
      `offsets 0, 0.5, 1 poll at ${at(0)}, ${at(0.5)}, ${at(1)} s`,
    );
    assert.ok(
      at(0) >= (earliestEndS + latestEndS) / 2,
      `offset 0 polls at ${at(0)} s, before the window's middle`,
    );
    // Symmetric around the unmoved aim: on average no later.
    assert.ok(Math.abs((at(0) + at(1)) / 2 - at(0.5)) < 0.01);
    // Progress may have begun any time since the start, so the end may also be a little before 596 s.
    const endS = predictedEndS(decide(answers));
    assert.ok(endS > 590 && endS < latestEndS, `predicted end ${endS} s`);
  });

  it('follows the recent rate when it contradicts the run as a whole', () => {
    // 10 %/100 s lately, but 30 % in 1200 s on average: the end is near 1900 s, not 4000 s.
    const answers = [snap('IMPORTING', 1000, 10), snap('IMPORTING', 1100, 20), snap('IMPORTING', 1200, 30)];
    const endS = predictedEndS(decide(answers));
    assert.ok(endS > 1800 && endS < 2000, `predicted end ${endS} s`);
    // Accelerating within the recent answers too: the two newest (30 % → 50 % in 100 s) decide.
    const accelerating = decide([
      snap('IMPORTING', 1000, 10),
      snap('IMPORTING', 1100, 11),
      ...[30, 50].map((p, i) => snap('IMPORTING', 1200 + 100 * i, p)),
    ]);
    const acceleratingEndS = predictedEndS(accelerating);
    assert.ok(acceleratingEndS > 1500 && acceleratingEndS < 1600, `predicted end ${acceleratingEndS} s`);
  });

  it('restarts the estimate after REPROVISIONING or a drop in progress', () => {
    // 50 % at 1000 s, then a restart: 5 % → 10 % in 100 s puts the end near 3200 s, not near 14000 s.
    const restarted = [
      snap('IMPORTING', 1000, 50),
      snap('REPROVISIONING', 1100, 50),
      snap('IMPORTING', 1300, 5, 2),
      snap('IMPORTING', 1400, 10, 2),
    ];
    const endS = predictedEndS(decide(restarted));
    assert.ok(endS > 2800 && endS < 3700, `predicted end ${endS} s`);
    const dropped = [
      snap('IMPORTING', 1000, 50),
      snap('IMPORTING', 1300, 5, 2),
      snap('IMPORTING', 1400, 10, 2),
    ];
    const droppedEndS = predictedEndS(decide(dropped));
    assert.ok(droppedEndS > 2800 && droppedEndS < 3700, `predicted end ${droppedEndS} s`);
  });

  it('stays within [minInterval, maxInterval] for any answers, schedule, offset and random value', () => {
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
    for (let i = 0; i < 3000; i++) {
      let elapsedS = Math.floor(gen() * 5000);
      const answers = Array.from({ length: 1 + Math.floor(gen() * 8) }, () => {
        elapsedS += Math.floor(gen() * 400);
        const progress = gen() < 0.1 ? undefined : Math.min(100, Math.floor(gen() * 101));
        return snap(pick(statuses), elapsedS, progress);
      });
      const schedule = pick(schedules);
      const { delayMs, reason } = planNextPoll({
        schedule,
        memory: memoryOf(answers),
        random: pick(randoms),
        aimOffset: pick([0, 0.5, 1 - 2 ** -53, NaN, gen()]),
      });
      assert.ok(
        Number.isFinite(delayMs) && delayMs >= schedule.minIntervalMs && delayMs <= schedule.maxIntervalMs,
        `${reason} delay ${delayMs} ms outside [${schedule.minIntervalMs}, ${schedule.maxIntervalMs}] for ` +
          JSON.stringify(
            answers.map((s) => [s.status, s.details?.timeElapsedSeconds, s.details?.progressPercentage]),
          ),
      );
    }
  });

  it('is deterministic and leaves its input alone', () => {
    const memory = Object.freeze(
      memoryOf([snap('INITIALIZING', 0, 0), snap('IMPORTING', 600, 10), snap('IMPORTING', 900, 15)]),
    );
    const run = () => {
      const random = mulberry32(7);
      return [0, 1, 2].map(() =>
        planNextPoll({ schedule: DEFAULT_POLL_SCHEDULE, memory, random, aimOffset: 0.3 }),
      );
    };
    assert.deepEqual(run(), run());
  });
});

describe('aimOffsetOf', () => {
  it('gives each wait a stable place in [0, 1), spread evenly over many waits', () => {
    assert.equal(aimOffsetOf('import-t-0123456789'), aimOffsetOf('import-t-0123456789'));
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < 3000; i++) {
      const offset = aimOffsetOf(`import-t-${String(i).padStart(10, '0')}`);
      assert.ok(offset >= 0 && offset < 1, `offset ${offset}`);
      deciles[Math.floor(offset * 10)]! += 1;
    }
    for (const count of deciles) assert.ok(count > 200 && count < 400, `deciles ${deciles.join(', ')}`);
  });
});
