import { installMetricsRuntime } from '../../temporal/metrics-runtime';
import { createNeptuneImportWorker } from '../../temporal/worker';
import { connectWorker } from '../temporal-connection';

/**
 * `neptune-import worker`: runs this library's workflows and activities. Neptune is reached through the
 * standard AWS configuration (region, credentials, AWS_ENDPOINT_URL_NEPTUNE_GRAPH); Temporal through the
 * standard Temporal environment configuration. Stops gracefully on SIGINT/SIGTERM.
 */
export async function runWorkerCommand(options: {
  taskQueue: string;
  metricsPort?: number;
  print?: (line: string) => void;
}) {
  const print = options.print ?? ((line: string) => console.log(line));
  // Before connecting: the connection would install the runtime without the endpoint.
  if (options.metricsPort !== undefined) installMetricsRuntime(options.metricsPort);
  const { connection, namespace } = await connectWorker();
  const worker = await createNeptuneImportWorker({ connection, namespace, taskQueue: options.taskQueue });
  print(`Worker polling task queue ${options.taskQueue} in namespace ${namespace}`);
  if (options.metricsPort !== undefined) {
    print(`Metrics at http://0.0.0.0:${options.metricsPort}/metrics`);
  }
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}
