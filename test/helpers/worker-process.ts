/**
 * A worker in a process of its own, for tests that kill it: this library's workflows and activities plus
 * the test workflows (from the run's prebuilt bundle when there is one), against the emulator.
 * Prints "ready" once polling.
 *
 *   TEMPORAL_ADDRESS=… TASK_QUEUE=… NEPTUNE_ENDPOINT=… node --import tsx test/helpers/worker-process.ts
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createNeptuneGraphClient } from '../../src/neptune/create-client';
import { createNeptuneImportWorker } from '../../src/temporal/worker';
import { testWorkflows } from './environment';
import { TEST_CREDENTIALS } from './emulator';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
  const worker = await createNeptuneImportWorker({
    connection,
    taskQueue: required('TASK_QUEUE'),
    ...testWorkflows(),
    neptune: {
      client: createNeptuneGraphClient({
        endpoint: required('NEPTUNE_ENDPOINT'),
        region: 'us-east-1',
        credentials: TEST_CREDENTIALS,
      }),
    },
  });
  const running = worker.run();
  console.log('ready');
  await running;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
