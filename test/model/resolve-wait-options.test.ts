import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/model/invalid-input';
import { DEFAULT_POLL_SCHEDULE } from '../../src/model/poll-schedule';
import { resolveWaitOptions } from '../../src/model/resolve-wait-options';
import { DEFAULT_MAX_POLLS_PER_RUN, type AwaitImportTaskInput } from '../../src/model/wait-types';

function rejects(input: unknown, field: string) {
  assert.throws(
    () => resolveWaitOptions(input as AwaitImportTaskInput),
    (error: unknown) => error instanceof InvalidInputError && error.field === field,
  );
}

describe('resolveWaitOptions', () => {
  it('fills the defaults', () => {
    assert.deepEqual(resolveWaitOptions({ taskIdentifier: 't-0123456789' }), {
      taskIdentifier: 't-0123456789',
      schedule: DEFAULT_POLL_SCHEDULE,
      notFoundGracePeriodMs: 0,
      cancelImportOnCancel: false,
      cancelConfirmTimeoutMs: 3_600_000,
      returnOnAnyTerminal: false,
      searchAttributes: 'auto',
      maxPollsPerRun: DEFAULT_MAX_POLLS_PER_RUN,
    });
  });
  it('reads deadline and grace period as Temporal durations', () => {
    const resolved = resolveWaitOptions({
      taskIdentifier: 't-0123456789',
      deadline: '2 hours',
      notFoundGracePeriod: '30s',
    });
    assert.equal(resolved.deadlineMs, 7_200_000);
    assert.equal(resolved.notFoundGracePeriodMs, 30_000);
  });
  it('rejects a bad task id', () => rejects({ taskIdentifier: 'T-123' }, 'taskIdentifier'));
  it('rejects a non-object', () => rejects('t-0123456789', 'input'));
  it('rejects contradictory polling options, naming the field once', () => {
    const input = {
      taskIdentifier: 't-0123456789',
      polling: { minInterval: '1 minute', maxInterval: '10s' },
    };
    rejects(input, 'polling.minInterval');
    assert.throws(
      () => resolveWaitOptions(input as AwaitImportTaskInput),
      (error: unknown) =>
        error instanceof Error &&
        error.message ===
          'Invalid polling.minInterval: expected a duration not above polling.maxInterval ("10s"), received "1 minute"',
    );
  });
  it('rejects polling options that are not an object', () =>
    rejects({ taskIdentifier: 't-0123456789', polling: 'fast' }, 'polling'));
  it('rejects a zero deadline', () => rejects({ taskIdentifier: 't-0123456789', deadline: 0 }, 'deadline'));
  it('rejects a deadline that is not a duration', () =>
    rejects({ taskIdentifier: 't-0123456789', deadline: 'later' }, 'deadline'));
  it('rejects maxPollsPerRun below 1', () =>
    rejects({ taskIdentifier: 't-0123456789', maxPollsPerRun: 0 }, 'maxPollsPerRun'));
  it('rejects an unknown searchAttributes mode', () =>
    rejects({ taskIdentifier: 't-0123456789', searchAttributes: 'yes' }, 'searchAttributes'));
});
