import { Runtime } from '@temporalio/worker';
import { describeReceived, InvalidInputError } from '../model/invalid-input';
import { NEPTUNE_IMPORT_METRICS } from '../model/metrics';

/**
 * Buckets (seconds) for this library's histograms: the runtime's defaults are meant for milliseconds. Pass
 * these as `histogramBucketOverrides` when you install the runtime yourself.
 */
export const NEPTUNE_IMPORT_HISTOGRAM_BUCKETS: Record<string, number[]> = {
  [NEPTUNE_IMPORT_METRICS.detectionDelay]: [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600],
  [NEPTUNE_IMPORT_METRICS.predictedEndError]: [1, 5, 10, 30, 60, 300, 900, 3600],
};

/**
 * Installs the process's Temporal runtime with its Prometheus endpoint on `0.0.0.0:port`: the SDK's own
 * metrics and this library's `neptune_import_*` ones, at `/metrics`. Call it first: the first connection
 * or worker of a process installs a runtime without the endpoint, and a runtime is installed only once.
 */
export function installMetricsRuntime(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InvalidInputError('port', describeReceived(port), 'a port number from 1 to 65535');
  }
  try {
    Runtime.install({
      telemetryOptions: {
        metrics: {
          prometheus: {
            bindAddress: `0.0.0.0:${port}`,
            histogramBucketOverrides: NEPTUNE_IMPORT_HISTOGRAM_BUCKETS,
          },
        },
      },
    });
  } catch (error) {
    throw new Error(
      `Cannot serve metrics on port ${port}: the Temporal runtime of this process is already installed ` +
        '(a connection or worker was created first): call installMetricsRuntime before connecting, or ' +
        `Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: '0.0.0.0:${port}' } } } })`,
      { cause: error },
    );
  }
}
