import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_POLL_SCHEDULE,
  resolvePollSchedule,
  type PollingOptions,
} from '../../src/model/poll-schedule';
import { InvalidInputError } from '../../src/model/invalid-input';

describe('resolvePollSchedule', () => {
  it('defaults to DEFAULT_POLL_SCHEDULE', () => {
    assert.deepEqual(resolvePollSchedule(), DEFAULT_POLL_SCHEDULE);
    assert.deepEqual(resolvePollSchedule({}), DEFAULT_POLL_SCHEDULE);
    assert.deepEqual(DEFAULT_POLL_SCHEDULE, {
      initialIntervalMs: 60_000,
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
    assert.deepEqual(resolvePollSchedule({ maxInterval: '1 minute' }), {
      ...DEFAULT_POLL_SCHEDULE,
      initialIntervalMs: 60_000,
      maxIntervalMs: 60_000,
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
