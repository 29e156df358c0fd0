/**
 * Records the histories of representative runs from the real dev server into a new folder of
 * test/fixtures/histories/, beside the older recordings, for the replay test. Run it after a deliberate,
 * patched change to workflow code:
 *
 *   npm run record-histories -- [label]     # label: the package version by default
 *
 * It never deletes or overwrites a recording. Never re-record to make a failing replay pass: a failing
 * replay means running workflows would break.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { NeptuneEmulator } from '../src/testing/emulator';
import { startDevServer } from '../src/testing/dev-server/start-dev-server';
import { createNeptuneImportWorker } from '../src/temporal/worker';
import type { AwaitImportTaskInput } from '../src/model/wait-types';
import { emulatorClient } from '../test/helpers/emulator';
import { FAST_POLLING } from '../test/helpers/running-worker';
import { createHistoryRecording, type HistoryRecording } from './history-store';

const root = resolve(__dirname, '..');
const taskQueue = 'record-histories';
const polling = FAST_POLLING;

async function main() {
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  const recording = createHistoryRecording(
    resolve(root, 'test', 'fixtures', 'histories'),
    process.argv[2] ?? version,
  );
  try {
    await recordInto(recording);
    recording.finish();
  } catch (error) {
    recording.abandon();
    throw error;
  }
  console.log(`recorded into ${recording.dir}`);
}

async function recordInto(recording: HistoryRecording) {
  const server = await startDevServer();
  const emulator = await NeptuneEmulator.start({ timeScale: 600, seed: 2026 });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const worker = await createNeptuneImportWorker({
    connection: workerConnection,
    taskQueue,
    workflowsPath: require.resolve('../test/helpers/test-workflows'),
    neptune: { client: emulatorClient(emulator) },
    activities: { recordStep: async () => 'recorded' },
  });
  /** Every run of a workflow, following its continue-as-new chain from the first run. */
  async function save(name: string, workflowId: string, firstRunId?: string) {
    let runId = firstRunId ?? (await client.workflow.getHandle(workflowId).describe()).runId;
    for (let index = 0; runId; index += 1) {
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      recording.save(`${name}${index ? `.run-${index + 1}` : ''}.history.pb`, workflowId, history);
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
  await workerConnection.close();
  await connection.close();
  await emulator.close();
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
