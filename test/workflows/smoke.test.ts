import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeImportTask, NON_RETRYABLE_FAILURE_TYPES } from '../../workflows';
import { emulatorClient } from '../helpers/emulator';
import { useTemporalAndEmulator } from '../helpers/running-worker';

const fixture = useTemporalAndEmulator();

it('a worker with the workflow bundle runs a workflow end to end on the real dev server', async () => {
  const taskId = fixture.emulator.addTask({
    timeline: 'succeeds',
    durationSeconds: 600,
    startedSecondsAgo: 60,
  });
  const taskQueue = fixture.temporal.taskQueue();
  const worker = await fixture.temporal.createWorker({
    taskQueue,
    neptune: { client: emulatorClient(fixture.emulator) },
  });
  const snapshot = await worker.runUntil(
    fixture.temporal.client.workflow.execute(describeImportTask, {
      taskQueue,
      workflowId: `smoke-${taskId}`,
      args: [taskId],
    }),
  );
  assert.equal(snapshot.taskId, taskId);
  assert.equal(snapshot.phase, 'running');
  assert.equal(fixture.emulator.countRequests({ operation: 'GetImportTask', taskId }), 1);
  // Real server: the workflow's history is there to read back.
  const history = await fixture.temporal.client.workflow.getHandle(`smoke-${taskId}`).fetchHistory();
  assert.ok((history.events?.length ?? 0) >= 11, 'workflow and activity events recorded by the server');
  // describeImportTask proxies with the recommended options: what the server scheduled says so.
  const scheduled = history.events?.find(
    (e) => e.activityTaskScheduledEventAttributes,
  )?.activityTaskScheduledEventAttributes;
  assert.equal(Number(scheduled?.startToCloseTimeout?.seconds), 60);
  assert.deepEqual(scheduled?.retryPolicy?.nonRetryableErrorTypes, [...NON_RETRYABLE_FAILURE_TYPES]);
  assert.equal(scheduled?.retryPolicy?.maximumAttempts ?? 0, 0, 'unlimited attempts');
});
