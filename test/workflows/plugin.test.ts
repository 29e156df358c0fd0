import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Worker } from '@temporalio/worker';
import type { NeptuneEmulator } from '../../src/emulator';
import { neptuneImportPlugin } from '../../src/plugin';
import { awaitImportTask } from '../../workflows';
import { WORKFLOW_BUNDLE_ENV } from '../helpers/environment';
import { emulatorClient, startEmulator } from '../helpers/neptune';
import { useTestTemporal, type TestTemporal } from '../helpers/temporal';

let temporal: TestTemporal;
let emulator: NeptuneEmulator;

before(async () => {
  [temporal, emulator] = await Promise.all([useTestTemporal(), startEmulator({ timeScale: 600 })]);
});
after(async () => {
  await Promise.all([temporal?.close(), emulator?.close()]);
});

it("a plain Worker with neptuneImportPlugin runs a wait on the user's own workflow bundle", async () => {
  const taskQueue = temporal.taskQueue();
  const bundlePath = process.env[WORKFLOW_BUNDLE_ENV];
  const worker = await Worker.create({
    connection: temporal.connection,
    taskQueue,
    // A user's bundle that re-exports the library's workflows (the test run's bundle does).
    ...(bundlePath
      ? { workflowBundle: { codePath: bundlePath } }
      : { workflowsPath: require.resolve('../helpers/test-workflows') }),
    plugins: [neptuneImportPlugin({ client: emulatorClient(emulator) })],
  });
  const taskId = emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
  const result = await worker.runUntil(
    temporal.client.workflow.execute(awaitImportTask, {
      taskQueue,
      workflowId: `plugin-${taskId}`,
      args: [
        {
          taskIdentifier: taskId,
          polling: { initialInterval: '200ms', minInterval: '100ms', maxInterval: '400ms' },
        },
      ],
    }),
  );
  assert.equal(result.task.status, 'SUCCEEDED');
  assert.equal(result.polls, emulator.countRequests({ operation: 'GetImportTask', taskId }));
});
