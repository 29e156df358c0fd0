import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../src/testing/dev-server/start-dev-server';
import { createNeptuneImportWorker, type NeptuneImportWorkerOptions } from '../../src/temporal/worker';
import { TEMPORAL_ADDRESS_ENV, testWorkflows } from './environment';

// Workers log every retried activity attempt at WARN: tests provoke hundreds on purpose.
Runtime.install({ logger: new DefaultLogger('ERROR') });

export interface TestTemporal {
  address: string;
  client: Client;
  connection: NativeConnection;
  /** A task queue of its own for each test, so that tests in parallel never take each other's tasks. */
  taskQueue(): string;
  createWorker(
    options: Omit<NeptuneImportWorkerOptions, 'connection' | 'taskQueue'> & { taskQueue: string },
  ): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * The shared dev server of the test run (started by scripts/run-tests.ts), or, when a test file is run on
 * its own, a dev server of its own.
 */
export async function useTestTemporal(): Promise<TestTemporal> {
  let ownServer: DevServer | undefined;
  let address = process.env[TEMPORAL_ADDRESS_ENV];
  if (!address) {
    ownServer = await startDevServer();
    address = ownServer.address;
  }
  const clientConnection = await Connection.connect({ address });
  const client = new Client({ connection: clientConnection });
  const connection = await NativeConnection.connect({ address });
  return {
    address,
    client,
    connection,
    taskQueue: () => `test-${randomUUID()}`,
    createWorker: (options) =>
      createNeptuneImportWorker({
        ...testWorkflows(),
        ...options,
        connection,
      }),
    async close() {
      await clientConnection.close();
      await connection.close();
      await ownServer?.stop();
    },
  };
}
