import { installMetricsRuntime } from '../../temporal/metrics-runtime';
import { createNeptuneImportWorker } from '../../temporal/worker';
import type { Command } from 'commander';
import { finish, parseMetricsPort, subcommand } from '../command-kit';
import { ExitCode } from '../exit-codes';
import { connectWorker } from '../temporal-connection';
import { checkTaskQueue, DEFAULT_TASK_QUEUE } from '../wait-options';

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

/** `worker`. */
export function registerWorker(program: Command): void {
  finish(
    subcommand(
      program,
      'worker',
      "Run a worker with this library's workflows and activities",
      'AWS_REGION=us-east-1 neptune-import worker --task-queue neptune-import --metrics-port 9464',
    )
      .option('--task-queue <name>', 'task queue to poll', DEFAULT_TASK_QUEUE)
      .option(
        '--metrics-port <n>',
        "serve Prometheus metrics (the SDK's and neptune_import_*) at http://0.0.0.0:<n>/metrics",
        parseMetricsPort,
      ),
  ).action((options: { taskQueue: string; metricsPort?: number }) => {
    try {
      checkTaskQueue(options.taskQueue);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = ExitCode.PERMANENT;
      return;
    }
    return runWorkerCommand(options);
  });
}
