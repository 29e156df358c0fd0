/**
 * Records the histories of representative runs from the real dev server into test/fixtures/histories/,
 * for the replay test. Run it after a deliberate, versioned change to workflow code:
 *
 *   npx tsx scripts/record-histories.ts
 *
 * Never re-record to make a failing replay pass: a failing replay means running workflows would break.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection } from '@temporalio/worker';
import { NeptuneEmulator } from '../src/emulator';
import { startDevServer } from '../src/dev-server/start-dev-server';
import { createNeptuneGraphClient } from '../src/neptune-client';
import { createNeptuneImportWorker } from '../src/worker';
import type { AwaitImportTaskInput } from '../src/wait-types';

const outDir = resolve(__dirname, '..', 'test', 'fixtures', 'histories');
const taskQueue = 'record-histories';
const polling = { initialInterval: '200ms', minInterval: '100ms', maxInterval: '400ms' } as const;

async function main() {
  const server = await startDevServer();
  const emulator = await NeptuneEmulator.start({ timeScale: 600, seed: 2026 });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const worker = await createNeptuneImportWorker({
    connection: workerConnection,
    taskQueue,
    workflowsPath: require.resolve('../test/helpers/test-workflows'),
    neptune: {
      client: createNeptuneGraphClient({
        endpoint: emulator.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
      }),
    },
    activities: { recordStep: async () => 'recorded' },
  });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const workflowIds: Record<string, string> = {};
  /** Every run of a workflow, following its continue-as-new chain from the first run. */
  async function save(name: string, workflowId: string, firstRunId?: string) {
    let runId = firstRunId ?? (await client.workflow.getHandle(workflowId).describe()).runId;
    for (let index = 0; runId; index += 1) {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      // Binary protobuf: the SDK's historyToJSON trips over two protobufjs copies in this dependency tree.
      const file = join(outDir, `${name}${index ? `.run-${index + 1}` : ''}.history.pb`);
      writeFileSync(file, temporal.api.history.v1.History.encode(history).finish());
      // Replay needs the real workflow id: a pipeline derives its children's ids from it.
      workflowIds[basename(file)] = workflowId;
      const last = history.events?.[history.events.length - 1];
      runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? '';
      if (!runId) console.log(`recorded ${name} (${index + 1} run${index ? 's' : ''})`);
    }
  }

  const settle = (handle: WorkflowHandle) => handle.result().catch(() => undefined);
  const wait = (name: string, input: AwaitImportTaskInput) =>
    client.workflow.start('awaitImportTask', {
      taskQueue,
      workflowId: `history-${name}`,
      args: [{ polling, ...input }],
    });

  await worker.runUntil(async () => {
    // Tasks are added when their scenario runs: the emulator's clock does not wait for the others.
    const scenarios: [string, () => AwaitImportTaskInput][] = [
      [
        'succeeded',
        () => ({ taskIdentifier: emulator.addTask({ timeline: 'succeeds', durationSeconds: 900 }) }),
      ],
      ['failed', () => ({ taskIdentifier: emulator.addTask({ timeline: 'fails', durationSeconds: 600 }) })],
      [
        'deleted',
        () => ({ taskIdentifier: emulator.addTask({ timeline: 'deleted', durationSeconds: 600 }) }),
      ],
      ['not-found', () => ({ taskIdentifier: 't-0000000404' })],
      [
        'deadline',
        () => ({ taskIdentifier: emulator.addTask({ durationSeconds: 36_000 }), deadline: '1500ms' }),
      ],
      [
        'continue-as-new',
        () => ({ taskIdentifier: emulator.addTask({ durationSeconds: 4200 }), maxPollsPerRun: 2 }),
      ],
    ];
    for (const [name, input] of scenarios) {
      const handle = await wait(name, input());
      await settle(handle);
      await save(`await-${name}`, handle.workflowId, handle.firstExecutionRunId);
    }

    for (const cancelImportOnCancel of [false, true]) {
      const name = cancelImportOnCancel ? 'cancelled-and-import-cancelled' : 'cancelled-import-left-running';
      const taskIdentifier = emulator.addTask({ durationSeconds: 360_000 });
      const handle = await wait(name, {
        taskIdentifier,
        cancelImportOnCancel,
        polling: { ...polling, maxInterval: '1 hour', initialInterval: '1 hour' },
      });
      while (emulator.countRequests({ operation: 'GetImportTask', taskId: taskIdentifier }) === 0) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await handle.signal('pollNow');
      while (emulator.countRequests({ operation: 'GetImportTask', taskId: taskIdentifier }) < 2) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await handle.cancel();
      await settle(handle);
      await save(`await-${name}`, `history-${name}`);
    }

    const pipelineId = 'history-pipeline';
    const pipeline = await client.workflow.start('importTaskPipeline', {
      taskQueue,
      workflowId: pipelineId,
      args: [
        {
          await: { taskIdentifier: emulator.addTask({ durationSeconds: 600 }), polling },
          onSucceeded: [
            { name: 'index', activityType: 'recordStep' },
            { name: 'report', workflowType: 'recordingStepWorkflow', args: ['report'] },
          ],
        },
      ],
    });
    await settle(pipeline);
    await save('pipeline', pipelineId);
    await save('pipeline-await', `${pipelineId}/await`);
    await save('pipeline-step-report', `${pipelineId}/report`);
  });
  writeFileSync(join(outDir, 'workflow-ids.json'), `${JSON.stringify(workflowIds, null, 2)}\n`);

  await workerConnection.close();
  await connection.close();
  await emulator.close();
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
