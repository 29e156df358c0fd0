import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../src/model/failure-types';
import { describeImportTask } from '../../workflows';
import { useRunningWorker } from '../helpers/running-worker';

/** A workflow calling getImportTask with RECOMMENDED_ACTIVITY_OPTIONS, on the real dev server. */
const fixture = useRunningWorker();

let workflowCount = 0;
function describeTask(taskId: string) {
  const workflowId = `describe-${taskId}-${++workflowCount}`;
  return {
    workflowId,
    result: fixture.temporal.client.workflow.execute(describeImportTask, {
      taskQueue: fixture.taskQueue,
      workflowId,
      args: [taskId],
    }),
  };
}

/** The attempt on which the activity finally completed, as the server recorded it. */
async function completedOnAttempt(workflowId: string): Promise<number> {
  const history = await fixture.temporal.client.workflow.getHandle(workflowId).fetchHistory();
  const started = history.events?.filter((event) => event.activityTaskStartedEventAttributes) ?? [];
  assert.equal(started.length, 1, 'retries are not written to history: one started event');
  return started[0]!.activityTaskStartedEventAttributes!.attempt!;
}

const calls = (taskId: string) => fixture.emulator.countRequests({ operation: 'GetImportTask', taskId });

describe('getImportTask with the recommended options, on the real dev server', () => {
  it('three throttling answers, then success: completes on attempt 4', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'ThrottlingException', count: 3 });
    const { workflowId, result } = describeTask(taskId);
    assert.equal((await result).taskId, taskId);
    assert.equal(await completedOnAttempt(workflowId), 4);
    assert.equal(calls(taskId), 4);
  });

  it('ResourceNotFoundException: a non-retryable failure of the documented type after exactly one call', async () => {
    const taskId = 't-0000000404';
    const { result } = describeTask(taskId);
    await assert.rejects(result, (error: unknown) => {
      assert.ok(error instanceof WorkflowFailedError);
      assert.ok(error.cause instanceof ActivityFailure);
      const failure = error.cause.cause;
      assert.ok(failure instanceof ApplicationFailure);
      assert.equal(failure.type, FailureType.NOT_FOUND);
      assert.equal(failure.nonRetryable, true);
      assert.match(
        failure.message,
        /GetImportTask t-0000000404 failed: ResourceNotFoundException \(HTTP 404/,
      );
      return true;
    });
    assert.equal(calls(taskId), 1);
  });

  it("a proxy's HTML 502: retried, then completes", async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'html502', count: 1 });
    const { workflowId, result } = describeTask(taskId);
    assert.equal((await result).taskId, taskId);
    assert.equal(await completedOnAttempt(workflowId), 2);
  });

  it('a malformed JSON body: retried, then completes', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'malformedJson', count: 1 });
    const { workflowId, result } = describeTask(taskId);
    assert.equal((await result).taskId, taskId);
    assert.equal(await completedOnAttempt(workflowId), 2);
  });

  it("an unknown status arrives as phase 'unknown', kept as sent", async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'unknownStatus',
      status: 'QUANTUM_SYNCING',
    });
    const { result } = describeTask(taskId);
    const snapshot = await result;
    assert.equal(snapshot.phase, 'unknown');
    assert.equal(snapshot.status, 'QUANTUM_SYNCING');
    assert.equal(snapshot.unknownStatus, true);
  });

  it('an error message quoting the signing credential reaches history redacted', async () => {
    const taskId = fixture.emulator.addTask({});
    const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'AccessDeniedException',
      message: `The request signature we calculated does not match. Credential=${accessKeyId}/20261128/us-east-1/neptune-graph/aws4_request`,
    });
    const { workflowId, result } = describeTask(taskId);
    await assert.rejects(result);
    const history = await fixture.temporal.client.workflow.getHandle(workflowId).fetchHistory();
    // Payloads (failure details, results) are bytes: read them as text too.
    const text = JSON.stringify(history, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value,
    );
    assert.ok(text.includes('neptune-graph/aws4_request'), 'the failure message is in history');
    assert.ok(!text.includes(accessKeyId), 'but not the access key id');
  });
});
