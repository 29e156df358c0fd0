import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { NeptuneEmulator } from '../../src/emulator';
import { describeImportTask } from '../../workflows';
import { emulatorClient, startEmulator } from '../helpers/neptune';
import { useTestTemporal, type TestTemporal } from '../helpers/temporal';

let temporal: TestTemporal;
let emulator: NeptuneEmulator;

before(async () => {
  [temporal, emulator] = await Promise.all([useTestTemporal(), startEmulator()]);
});
after(async () => {
  await Promise.all([temporal?.close(), emulator?.close()]);
});

it('a worker with the workflow bundle runs a workflow end to end on the real dev server', async () => {
  const taskId = emulator.addTask({ timeline: 'succeeds', durationSeconds: 600, startedSecondsAgo: 60 });
  const taskQueue = temporal.taskQueue();
  const worker = await temporal.createWorker({
    taskQueue,
    neptune: { client: emulatorClient(emulator) },
  });
  const snapshot = await worker.runUntil(
    temporal.client.workflow.execute(describeImportTask, {
      taskQueue,
      workflowId: `smoke-${taskId}`,
      args: [taskId],
    }),
  );
  assert.equal(snapshot.taskId, taskId);
  assert.equal(snapshot.phase, 'running');
  assert.equal(emulator.countRequests({ operation: 'GetImportTask', taskId }), 1);
  // Real server: the workflow's history is there to read back.
  const history = await temporal.client.workflow.getHandle(`smoke-${taskId}`).fetchHistory();
  assert.ok((history.events?.length ?? 0) >= 11, 'workflow and activity events recorded by the server');
});
