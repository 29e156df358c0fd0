import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../../src/model/durations';
import { describeReceived, InvalidInputError } from '../../src/model/invalid-input';

describe('durations', () => {
  it('reads Temporal durations', () => {
    assert.equal(parseDuration('deadline', '2 hours'), 7_200_000);
    assert.equal(parseDuration('deadline', 1500), 1500);
  });
  for (const bad of ['soon', 0, -1, NaN, Infinity, '', null, {}, true]) {
    it(`rejects ${describeReceived(bad)}, naming the field`, () =>
      assert.throws(
        () => parseDuration('deadline', bad),
        (error: unknown) => error instanceof InvalidInputError && error.field === 'deadline',
      ));
  }
  for (const [ms, text] of [
    [0, '0 s'],
    [45_000, '45 s'],
    [725_000, '12 min 5 s'],
    [3_600_000, '1 h'],
    [12_000_000, '3 h 20 min'],
    [187_200_000, '2 d 4 h'],
  ] as const) {
    it(`formats ${ms} ms as "${text}"`, () => assert.equal(formatDuration(ms), text));
  }
});
