import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  builtInTimeline,
  resolveTimeline,
  taskStateAt,
  timelineDuration,
  type TimelinePhase,
} from '../../../src/testing/emulator/timeline';

const statusAt = (phases: TimelinePhase[], s: number) => taskStateAt(phases, { elapsedSeconds: s }).status;

describe('timeline: taskStateAt', () => {
  it('walks the succeeds timeline through its statuses in order, scaled to the duration', () => {
    const phases = builtInTimeline('succeeds', 1000);
    assert.equal(timelineDuration(phases), 1000);
    assert.equal(statusAt(phases, 0), 'INITIALIZING');
    assert.equal(statusAt(phases, 49), 'INITIALIZING');
    assert.equal(statusAt(phases, 51), 'ANALYZING_DATA');
    assert.equal(statusAt(phases, 151), 'IMPORTING');
    assert.equal(statusAt(phases, 999), 'IMPORTING');
    assert.equal(statusAt(phases, 1000), 'SUCCEEDED');
    assert.equal(statusAt(phases, 1e9), 'SUCCEEDED');
  });

  it('raises progress and counts together during IMPORTING and ends at 100%', () => {
    const phases = builtInTimeline('succeeds', 1000);
    const early = taskStateAt(phases, { elapsedSeconds: 300 });
    const late = taskStateAt(phases, { elapsedSeconds: 800 });
    const done = taskStateAt(phases, { elapsedSeconds: 2000 });
    assert.ok(early.progressPercentage > 0 && early.progressPercentage < late.progressPercentage);
    assert.ok(early.statementCount > 0 && early.statementCount < late.statementCount);
    assert.ok(early.dictionaryEntryCount < late.dictionaryEntryCount);
    assert.equal(done.progressPercentage, 100);
    assert.equal(done.statementCount, 1_000_000);
    assert.equal(done.terminal, true);
  });

  it('stops timeElapsedSeconds when the task reaches its terminal status', () => {
    const phases = builtInTimeline('succeeds', 1000);
    assert.equal(taskStateAt(phases, { elapsedSeconds: 400.7 }).timeElapsedSeconds, 400);
    assert.equal(taskStateAt(phases, { elapsedSeconds: 5000 }).timeElapsedSeconds, 1000);
  });

  it('fails: stops importing near 60%, rolls back, then FAILED with reason, errors and details', () => {
    const phases = builtInTimeline('fails', 1000);
    const rolling = taskStateAt(phases, { elapsedSeconds: 800 });
    assert.equal(rolling.status, 'ROLLING_BACK');
    assert.equal(rolling.progressPercentage, 60);
    const failed = taskStateAt(phases, { elapsedSeconds: 1000 });
    assert.equal(failed.status, 'FAILED');
    assert.match(failed.statusReason ?? '', /error threshold/);
    assert.ok(failed.errorCount > 0);
    assert.ok(failed.errorDetails);
  });

  it('reprovisions: progress restarts after REPROVISIONING and the attempt number goes up', () => {
    const phases = builtInTimeline('reprovisions', 1000);
    const before = taskStateAt(phases, { elapsedSeconds: 390 });
    const reprovisioning = taskStateAt(phases, { elapsedSeconds: 450 });
    const restarted = taskStateAt(phases, { elapsedSeconds: 520 });
    assert.equal(before.status, 'IMPORTING');
    assert.equal(reprovisioning.status, 'REPROVISIONING');
    assert.equal(restarted.status, 'IMPORTING');
    assert.ok(restarted.progressPercentage < before.progressPercentage);
    assert.equal(before.attemptNumber, 1);
    assert.equal(restarted.attemptNumber, 2);
    assert.equal(statusAt(phases, 1000), 'SUCCEEDED');
  });

  it('deleted: ends in DELETED', () => {
    const phases = builtInTimeline('deleted', 100);
    assert.equal(statusAt(phases, 99), 'IMPORTING');
    assert.equal(statusAt(phases, 100), 'DELETED');
  });

  it('cancel: CANCELLING for cancellingSeconds, then CANCELLED, with progress frozen at the cancel', () => {
    const phases = builtInTimeline('succeeds', 1000);
    const clock = { cancelledAtSeconds: 500, cancellingSeconds: 30 };
    const atCancel = taskStateAt(phases, { elapsedSeconds: 500 });
    const cancelling = taskStateAt(phases, { ...clock, elapsedSeconds: 529 });
    const cancelled = taskStateAt(phases, { ...clock, elapsedSeconds: 530 });
    assert.equal(taskStateAt(phases, { ...clock, elapsedSeconds: 499 }).status, 'IMPORTING');
    assert.equal(cancelling.status, 'CANCELLING');
    assert.equal(cancelling.progressPercentage, atCancel.progressPercentage);
    assert.equal(cancelled.status, 'CANCELLED');
    assert.equal(cancelled.timeElapsedSeconds, 530);
  });

  it('a cancel recorded after the timeline ended changes nothing', () => {
    const phases = builtInTimeline('succeeds', 100);
    assert.equal(taskStateAt(phases, { elapsedSeconds: 500, cancelledAtSeconds: 200 }).status, 'SUCCEEDED');
  });

  it('deletion wins over cancellation', () => {
    const phases = builtInTimeline('succeeds', 1000);
    const state = taskStateAt(phases, {
      elapsedSeconds: 600,
      cancelledAtSeconds: 400,
      deletedAtSeconds: 450,
    });
    assert.equal(state.status, 'DELETED');
  });

  it('explicit phases keep their seconds, and curves shape progress', () => {
    const phases: TimelinePhase[] = [
      { status: 'IMPORTING', seconds: 100, progress: { from: 0, to: 100, curve: 'front-loaded' } },
      { status: 'SUCCEEDED' },
    ];
    const back: TimelinePhase[] = [
      { status: 'IMPORTING', seconds: 100, progress: { from: 0, to: 100, curve: 'back-loaded' } },
      { status: 'SUCCEEDED' },
    ];
    assert.equal(taskStateAt(phases, { elapsedSeconds: 50 }).progressPercentage, 75);
    assert.equal(taskStateAt(back, { elapsedSeconds: 50 }).progressPercentage, 25);
    assert.equal(timelineDuration(resolveTimeline(phases)), 100);
    assert.equal(timelineDuration(resolveTimeline(phases, 10)), 10);
  });

  it('counts given as ranges restart from their own start value', () => {
    const phases: TimelinePhase[] = [
      { status: 'IMPORTING', seconds: 10, statementCount: 500 },
      { status: 'IMPORTING', seconds: 10, statementCount: { from: 0, to: 1000 } },
      { status: 'SUCCEEDED' },
    ];
    assert.equal(taskStateAt(phases, { elapsedSeconds: 5 }).statementCount, 250);
    assert.equal(taskStateAt(phases, { elapsedSeconds: 15 }).statementCount, 500);
    assert.equal(taskStateAt(phases, { elapsedSeconds: 25 }).statementCount, 1000);
  });

  it('a task that has not started yet (negative elapsed) is in its first phase', () => {
    assert.equal(statusAt(builtInTimeline('succeeds'), -100), 'INITIALIZING');
  });
});
