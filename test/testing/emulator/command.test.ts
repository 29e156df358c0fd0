import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GetImportTaskCommand, NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { runEmulatorCommand } from '../../../src/testing/emulator/command';
import { CREDENTIALS } from './harness';

const EXAMPLE = join(__dirname, '../../../src/testing/emulator/examples/throttled-import.json');

describe('runEmulatorCommand', () => {
  it('prints the endpoint and the export line, serves the scenario, and stops', async () => {
    const lines: string[] = [];
    const running = await runEmulatorCommand({
      port: 0,
      host: '127.0.0.1',
      scenarioFile: EXAMPLE,
      print: (l) => lines.push(l),
    });
    const { endpoint } = running.emulator;
    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(lines, [
      `Neptune Analytics emulator listening on ${endpoint}`,
      `export AWS_ENDPOINT_URL_NEPTUNE_GRAPH=${endpoint}`,
    ]);
    running.emulator.clearFaults();
    const client = new NeptuneGraphClient({
      endpoint,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    try {
      const out = await client.send(new GetImportTaskCommand({ taskIdentifier: 't-movies0001' }));
      assert.equal(out.taskId, 't-movies0001');
    } finally {
      client.destroy();
    }
    await running.stop();
    await running.closed;
    await assert.rejects(fetch(`${endpoint}/importtasks`));
  });

  it('closes on SIGTERM', async () => {
    const listenersBefore = process.listenerCount('SIGTERM');
    const running = await runEmulatorCommand({ print: () => undefined });
    assert.equal(process.listenerCount('SIGTERM'), listenersBefore + 1);
    process.emit('SIGTERM');
    await running.closed;
    assert.equal(process.listenerCount('SIGTERM'), listenersBefore);
    await assert.rejects(fetch(`${running.emulator.endpoint}/importtasks`));
  });

  it('refuses an invalid scenario file before listening', async () => {
    await assert.rejects(
      runEmulatorCommand({ scenarioFile: '/nonexistent/scenario.json', print: () => undefined }),
      /Cannot read scenario file/,
    );
  });
});
