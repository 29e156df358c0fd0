import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Runtime } from '@temporalio/worker';
import { InvalidInputError } from '../../src/model/invalid-input';
import { NEPTUNE_IMPORT_METRICS } from '../../src/model/metrics';
import { installMetricsRuntime, NEPTUNE_IMPORT_HISTOGRAM_BUCKETS } from '../../src/temporal/metrics-runtime';

describe('installMetricsRuntime', () => {
  for (const port of [0, -1, 65_536, 80.5, NaN]) {
    it(`rejects port ${port}, naming the port`, () => {
      assert.throws(
        () => installMetricsRuntime(port),
        (error: unknown) => error instanceof InvalidInputError && error.field === 'port',
      );
    });
  }

  it('says how to install the runtime yourself when one is already installed', () => {
    Runtime.instance();
    assert.throws(
      () => installMetricsRuntime(9464),
      /already installed[\s\S]*prometheus: \{ bindAddress: '0\.0\.0\.0:9464'/,
    );
  });

  it('gives both histograms buckets in seconds', () => {
    assert.deepEqual(Object.keys(NEPTUNE_IMPORT_HISTOGRAM_BUCKETS).sort(), [
      NEPTUNE_IMPORT_METRICS.detectionDelay,
      NEPTUNE_IMPORT_METRICS.predictedEndError,
    ]);
  });
});
