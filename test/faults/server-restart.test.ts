/**
 * The Temporal server itself SIGKILLed mid-wait and restarted on the same port and database file (a dev
 * server on SQLite, as `temporal server start-dev --db-filename` runs it): the worker process and the
 * client reconnect, and every wait and pipeline step ends once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { freePort, startDevServer, type DevServer } from '../../src/testing/dev-server/start-dev-server';
import type { NeptuneEmulator } from '../../src/testing/emulator';
import { startEmulator } from '../helpers/emulator';
import { eventually } from '../helpers/failures';
import { assertAllEndedOnce, startLoad } from '../helpers/in-flight-load';
import { useWorkerProcesses } from '../helpers/worker-processes';

const scratch = mkdtempSync(join(tmpdir(), 'neptune-import-server-restart-'));
const serverOptions = { dbFilename: join(scratch, 'temporal.db'), log: () => {} };
let server: DevServer | undefined;
let port: number;
let emulator: NeptuneEmulator | undefined;
let connection: Connection | undefined;
const workers = useWorkerProcesses(() => ({
  temporalAddress: server!.address,
  neptuneEndpoint: emulator!.endpoint,
}));

// One hook each: Node 20 runs a file's top-level hooks concurrently.
before(async () => {
  port = await freePort();
  [server, emulator] = await Promise.all([
    startDevServer({ ...serverOptions, port }),
    // 60 emulated seconds per real second: each 20-minute import takes 20 s.
    startEmulator({ timeScale: 60 }),
  ]);
  connection = await Connection.connect({ address: server.address });
});

after(async () => {
  await connection?.close();
  await Promise.all([server?.stop(), emulator?.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

describe('the Temporal server killed mid-wait', () => {
  it('SIGKILLed and restarted on its database: every wait ends, each step once', async () => {
    const client = new Client({ connection: connection! });
    const taskQueue = `server-restart-${Date.now()}`;
    await workers.start(taskQueue);
    const load = await startLoad(client, emulator!, taskQueue, { waits: 30, pipelines: 10 });
    await eventually(
      () =>
        emulator!.countRequests({ operation: 'GetImportTask' }) >=
        2 * (load.waits.length + load.pipelines.length),
      'the waits have polled, twice each on average',
      60_000,
    );
    assert.ok(server!.pid, 'a dev server this test can kill (not one @temporalio/testing runs)');
    process.kill(server!.pid, 'SIGKILL');
    // Down for a while as the imports go on (some end meanwhile): the workers' polls and activity
    // completions fail until the server is back.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    server = await startDevServer({ ...serverOptions, port });
    await assertAllEndedOnce(client, load);
  });
});
