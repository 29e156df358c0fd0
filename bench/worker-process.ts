/**
 * One bench worker, in a process of its own so that its CPU time and peak memory can be read from /proc:
 * this library's worker with the comparison loops registered beside it. Prints "ready" once polling.
 *
 *   BENCH_TEMPORAL_ADDRESS=… BENCH_TASK_QUEUE=… BENCH_NEPTUNE_ENDPOINT=… BENCH_WORKFLOW_BUNDLE=… \
 *     tsx bench/worker-process.ts
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createNeptuneGraphClient } from '../src/neptune/create-client';
import { createNeptuneImportWorker } from '../src/temporal/worker';
import { createLoopActivities } from './loop-activities';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  // Quiet: a bench's output is its figures.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const client = createNeptuneGraphClient({
    endpoint: required('BENCH_NEPTUNE_ENDPOINT'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
  const connection = await NativeConnection.connect({ address: required('BENCH_TEMPORAL_ADDRESS') });
  const worker = await createNeptuneImportWorker({
    connection,
    taskQueue: required('BENCH_TASK_QUEUE'),
    workflowBundle: { codePath: required('BENCH_WORKFLOW_BUNDLE') },
    neptune: { client },
    activities: createLoopActivities(client),
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('ready');
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
