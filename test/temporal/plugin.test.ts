import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Worker } from '@temporalio/worker';
import { neptuneImportPlugin } from '../../src/temporal/plugin';
import { awaitImportTask } from '../../workflows';
import { testWorkflows } from '../helpers/environment';
import { emulatorClient } from '../helpers/emulator';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';

const fixture = useTemporalAndEmulator({ timeScale: 600 });

it("a plain Worker with neptuneImportPlugin runs a wait on the user's own workflow bundle", async () => {
  const taskQueue = fixture.temporal.taskQueue();
  const worker = await Worker.create({
    connection: fixture.temporal.connection,
    taskQueue,
    // A user's bundle that re-exports the library's workflows (the test run's bundle does).
    ...testWorkflows(),
    plugins: [neptuneImportPlugin({ client: emulatorClient(fixture.emulator) })],
  });
  const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
  const result = await worker.runUntil(
    fixture.temporal.client.workflow.execute(awaitImportTask, {
      taskQueue,
      workflowId: `plugin-${taskId}`,
      args: [
        {
          taskIdentifier: taskId,
          polling: FAST_POLLING,
        },
      ],
    }),
  );
  assert.equal(result.task.status, 'SUCCEEDED');
  assert.equal(result.polls, fixture.emulator.countRequests({ operation: 'GetImportTask', taskId }));
});
