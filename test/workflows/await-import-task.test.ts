import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { ActivityFailure } from '@temporalio/common';
import { FailureType, WaitFailureType } from '../../src/model/failure-types';
import type { ImportTaskSnapshot } from '../../src/model/import-task-snapshot';
import type { AwaitImportTaskInput } from '../../src/model/wait-types';
import type { PollingOptions } from '../../src/model/poll-schedule';
import { awaitImportTask, pollNowSignal, statusQuery } from '../../workflows';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';
import { assertCancelled, eventually, workflowFailure } from '../helpers/failures';

/** 600 emulated seconds per real second: an hour-long import takes 6 s. */
const TIME_SCALE = 600;

/** Errors this library does not recognise are given up after this many attempts (default 10: 4 minutes). */
const UNKNOWN_ERROR_ATTEMPTS = 3;

const fixture = useRunningWorker({
  emulator: { timeScale: TIME_SCALE },
  neptune: { unknownErrorAttempts: UNKNOWN_ERROR_ATTEMPTS },
});

function start(
  input: Partial<AwaitImportTaskInput> & { taskIdentifier: string },
): Promise<WorkflowHandle<typeof awaitImportTask>> {
  return fixture.temporal.client.workflow.start(awaitImportTask, {
    taskQueue: fixture.taskQueue,
    workflowId: `await-${input.taskIdentifier}-${Math.random().toString(36).slice(2, 8)}`,
    args: [{ polling: FAST_POLLING, ...input }],
  });
}

const gets = (taskId: string) => fixture.emulator.countRequests({ operation: 'GetImportTask', taskId });
const stillRunning = (taskId: string) =>
  ['INITIALIZING', 'ANALYZING_DATA', 'IMPORTING'].includes(String(fixture.emulator.getTask(taskId)?.status));
const cancels = (taskId: string) => fixture.emulator.countRequests({ operation: 'CancelImportTask', taskId });

describe('awaitImportTask outcomes', () => {
  it('SUCCEEDED returns the task, with polls counted as the service saw them', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
    const result = await (await start({ taskIdentifier: taskId })).result();
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(result.task.phase, 'succeeded');
    assert.equal(result.runs, 1);
    assert.equal(result.polls, gets(taskId));
    assert.ok(result.polls >= 2, `polled ${result.polls} times`);
    assert.ok(result.waitedMs > 0);
  });

  const endings = [
    { timeline: 'fails', type: WaitFailureType.IMPORT_TASK_FAILED, status: 'FAILED' },
    { timeline: 'deleted', type: WaitFailureType.IMPORT_TASK_DELETED, status: 'DELETED' },
  ] as const;
  for (const { timeline, type, status } of endings) {
    it(`${status} fails the wait with ${type}, the last snapshot in its details`, async () => {
      const taskId = fixture.emulator.addTask({ timeline, durationSeconds: 1200 });
      const failure = await workflowFailure((await start({ taskIdentifier: taskId })).result());
      assert.equal(failure.type, type);
      assert.equal(failure.nonRetryable, true);
      const snapshot = failure.details?.[0] as ImportTaskSnapshot;
      assert.equal(snapshot.status, status);
      if (snapshot.statusReason) assert.ok(failure.message.includes(snapshot.statusReason), failure.message);
      if (snapshot.details?.errorDetails)
        assert.ok(failure.message.includes(snapshot.details.errorDetails), failure.message);
    });
  }

  it('CANCELLED (by someone else) fails the wait with ImportTaskCancelled', async () => {
    const taskId = fixture.emulator.addTask({
      timeline: [
        { status: 'IMPORTING', seconds: 300, progress: { from: 0, to: 30 } },
        { status: 'CANCELLED' },
      ],
    });
    const failure = await workflowFailure((await start({ taskIdentifier: taskId })).result());
    assert.equal(failure.type, WaitFailureType.IMPORT_TASK_CANCELLED);
  });

  it('returnOnAnyTerminal returns a FAILED task instead of failing', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'fails', durationSeconds: 600 });
    const result = await (await start({ taskIdentifier: taskId, returnOnAnyTerminal: true })).result();
    assert.equal(result.task.status, 'FAILED');
  });

  it('a non-retryable error ends the wait at once, after one call, with that failure as the cause', async () => {
    const taskId = 't-0000000404';
    const failure = await workflowFailure((await start({ taskIdentifier: taskId })).result());
    assert.equal(failure.type, FailureType.NOT_FOUND);
    assert.equal(failure.nonRetryable, true);
    assert.ok(failure.cause instanceof ActivityFailure, 'caused by the activity failure');
    assert.match(failure.cause.cause?.message ?? '', /ResourceNotFoundException/);
    assert.equal(gets(taskId), 1);
  });

  it('invalid input fails the workflow (not its task) without any call', async () => {
    const failure = await workflowFailure((await start({ taskIdentifier: 'not-a-task' })).result());
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.match(failure.message, /taskIdentifier/);
  });

  it("polling that is not an object (polling: 'fast') fails a new wait as invalid input, naming it", async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    const input = { taskIdentifier: taskId, polling: 'fast' } as unknown as AwaitImportTaskInput;
    const failure = await workflowFailure((await start(input)).result());
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.match(failure.message, /Invalid polling: expected an object of polling options, received "fast"/);
    assert.equal(gets(taskId), 0);
  });

  it('a throttling storm and a 5xx burst in the middle of the wait do not end it', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 3600 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'ThrottlingException',
      window: { fromSeconds: 900, toSeconds: 1800 },
    });
    // Then the next requests, however the retries' backoff falls: a 5xx burst, then a proxy's HTML 503s.
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'InternalServerException',
      count: 3,
      window: { fromSeconds: 1800 },
    });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'html503',
      count: 2,
      window: { fromSeconds: 1800 },
    });
    const result = await (await start({ taskIdentifier: taskId })).result();
    assert.equal(result.task.status, 'SUCCEEDED');
    const answers = fixture.emulator.requests.filter((r) => r.taskId === taskId);
    assert.ok(
      answers.some((r) => r.errorType === 'ThrottlingException'),
      'the storm was hit',
    );
    assert.equal(answers.filter((r) => r.errorType === 'InternalServerException').length, 3, 'the burst');
    assert.equal(answers.filter((r) => r.httpStatus === 503).length, 2, 'the HTML 503s');
    assert.equal(result.polls, answers.filter((r) => r.httpStatus === 200).length);
  });

  it('an unknown status keeps the wait going until SUCCEEDED', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'unknownStatus',
      status: 'QUANTUM_SYNCING',
      count: 2,
    });
    const handle = await start({ taskIdentifier: taskId });
    const result = await handle.result();
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(
      fixture.emulator.requests.filter((r) => r.taskId === taskId && r.fault === 'unknownStatus').length,
      2,
    );
  });

  it('the deadline ends the wait with ImportTaskWaitTimedOut and leaves the import running', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 36_000 });
    const failure = await workflowFailure(
      (await start({ taskIdentifier: taskId, deadline: '1500ms' })).result(),
    );
    assert.equal(failure.type, WaitFailureType.WAIT_TIMED_OUT);
    assert.equal(cancels(taskId), 0);
    assert.equal(stillRunning(taskId), true);
  });

  it('the deadline with cancelImportOnCancel cancels the import and confirms it ended', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 36_000 });
    const input: AwaitImportTaskInput = {
      taskIdentifier: taskId,
      deadline: '1500ms',
      cancelImportOnCancel: true,
    };
    const failure = await workflowFailure((await start(input)).result());
    assert.equal(failure.type, WaitFailureType.WAIT_TIMED_OUT);
    assert.equal(cancels(taskId), 1);
    assert.equal(fixture.emulator.getTask(taskId)?.status, 'CANCELLED');
  });
});

describe('awaitImportTask messages and cancellation', () => {
  const SLOW_POLLING: PollingOptions = {
    initialInterval: '1 hour',
    minInterval: '1 hour',
    maxInterval: '1 hour',
  };

  /** A long import whose first GetImportTask answers 1.5 s late: a signal sent meanwhile lands mid-poll. */
  const longTaskWithSlowFirstPoll = () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'latency',
      latencyMs: 1500,
      count: 1,
    });
    return taskId;
  };

  it('pollNow polls at once, then the schedule resumes; status reports the counts', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    const handle = await start({ taskIdentifier: taskId, polling: SLOW_POLLING });
    await eventually(async () => (await handle.query(statusQuery)).polls === 1, 'the first poll');
    await handle.signal(pollNowSignal);
    await eventually(async () => (await handle.query(statusQuery)).polls === 2, 'the polled-now poll');
    const status = await handle.query(statusQuery);
    assert.equal(status.phase, 'running');
    assert.equal(status.task?.taskId, taskId);
    assert.equal(status.runs, 1);
    assert.ok(Date.parse(status.nextPollAt ?? '') - Date.now() > 30 * 60_000, 'back on the hourly schedule');
    assert.equal(gets(taskId), 2);
    await handle.terminate('test done');
  });

  it('status says when the progress so far predicts the end, once the import is IMPORTING', async () => {
    // Half-way through a long import: IMPORTING, with progress to estimate from.
    const taskId = fixture.emulator.addTask({
      timeline: 'succeeds',
      durationSeconds: 360_000,
      startedSecondsAgo: 180_000,
    });
    const handle = await start({ taskIdentifier: taskId, polling: SLOW_POLLING });
    await eventually(async () => (await handle.query(statusQuery)).polls === 1, 'the first poll');
    const status = await handle.query(statusQuery);
    assert.equal(status.task?.status, 'IMPORTING');
    const predicted = Date.parse(status.predictedEndAt ?? '');
    assert.ok(predicted > Date.parse(status.task.observedAt), `predicted end ${status.predictedEndAt}`);
    await handle.terminate('test done');
  });

  it('status has no predicted end while nothing predicts it', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    const handle = await start({ taskIdentifier: taskId, polling: SLOW_POLLING });
    await eventually(async () => (await handle.query(statusQuery)).polls === 1, 'the first poll');
    const status = await handle.query(statusQuery);
    assert.equal(status.task?.status, 'INITIALIZING');
    assert.equal(status.predictedEndAt, undefined);
    await handle.terminate('test done');
  });

  it('a pollNow that arrives while a poll is out is honoured at once after it, in the same run', async () => {
    const taskId = longTaskWithSlowFirstPoll();
    const handle = await start({ taskIdentifier: taskId, polling: SLOW_POLLING });
    await eventually(() => gets(taskId) === 1, 'the first poll is on its way');
    await handle.signal(pollNowSignal);
    await eventually(() => gets(taskId) === 2, 'the next poll comes at once, not in an hour');
    assert.equal((await handle.query(statusQuery)).runs, 1);
    await handle.terminate('test done');
    // The case meant: the signal came before the first answer, not during the sleep after it.
    const events = (await handle.fetchHistory()).events ?? [];
    const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes);
    const poll = events.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'getImportTask',
    );
    const answered = events.findIndex(
      (e) => Number(e.activityTaskCompletedEventAttributes?.scheduledEventId) === Number(poll?.eventId),
    );
    assert.ok(signalled >= 0 && signalled < answered, `signal at ${signalled}, first answer at ${answered}`);
  });

  it('a pollNow that arrives during the last poll of a run is honoured by the next run', async () => {
    // Each run polls once: the signal lands while the run's last poll is out.
    const taskId = longTaskWithSlowFirstPoll();
    const handle = await start({ taskIdentifier: taskId, polling: SLOW_POLLING, maxPollsPerRun: 1 });
    await eventually(() => gets(taskId) === 1, 'the first poll is on its way');
    await handle.signal(pollNowSignal);
    await eventually(() => gets(taskId) === 2, 'the next run polls at once, not in an hour');
    // Each run polls once, then continues as new: run 3 now sleeps on the hourly schedule.
    await eventually(async () => {
      const { polls, runs } = await handle.query(statusQuery);
      return polls === 2 && runs === 3;
    }, 'the third run carries both polls');
    await handle.terminate('test done');
  });

  it('cancelling the workflow stops waiting and leaves the import alone', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    const handle = await start({ taskIdentifier: taskId, polling: SLOW_POLLING });
    await eventually(() => gets(taskId) === 1, 'the first poll');
    await handle.cancel();
    await assertCancelled(handle.result());
    assert.equal(cancels(taskId), 0);
    assert.equal(stillRunning(taskId), true);
  });

  it('with cancelImportOnCancel, cancelling cancels the import and waits for CANCELLED', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    const handle = await start({
      taskIdentifier: taskId,
      polling: { ...SLOW_POLLING, minInterval: '100ms' },
      cancelImportOnCancel: true,
    });
    await eventually(() => gets(taskId) === 1, 'the first poll');
    await handle.cancel();
    await assertCancelled(handle.result());
    assert.equal(cancels(taskId), 1);
    assert.equal(fixture.emulator.getTask(taskId)?.status, 'CANCELLED');
    assert.ok(gets(taskId) >= 2, 'polled until the service confirmed');
  });
});

describe('awaitImportTask when the import cannot be cancelled', () => {
  it('a CancelImportTask the service refuses fails the wait with ImportTaskCancelFailed', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 36_000 });
    fixture.emulator.addFault({ operation: 'CancelImportTask', taskId, kind: 'AccessDeniedException' });
    const input = { taskIdentifier: taskId, deadline: '1500ms', cancelImportOnCancel: true } as const;
    const failure = await workflowFailure((await start(input)).result());
    assert.equal(failure.type, WaitFailureType.IMPORT_CANCEL_FAILED);
    assert.match(failure.message, /it may still be running/);
    assert.equal(stillRunning(taskId), true);
  });

  it('a cancel the service never confirms ends after cancelConfirmTimeout, not never', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 36_000 });
    // After the cancel, every answer carries a status this library does not know: never terminal.
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'unknownStatus',
      window: { fromSeconds: 600 },
    });
    const input: AwaitImportTaskInput = {
      taskIdentifier: taskId,
      deadline: '1500ms',
      cancelImportOnCancel: true,
      cancelConfirmTimeout: '3s',
    };
    const failure = await workflowFailure((await start(input)).result());
    assert.equal(failure.type, WaitFailureType.IMPORT_CANCEL_FAILED);
    assert.equal(cancels(taskId), 1);
  });
});

describe('awaitImportTask continue-as-new', () => {
  it('continues as new across runs and ends with the right counts', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 3000 });
    const handle = await start({ taskIdentifier: taskId, maxPollsPerRun: 2 });
    const result = await handle.result();
    assert.ok(result.runs >= 3, `ran ${result.runs} runs`);
    assert.equal(result.polls, gets(taskId));
    assert.equal(result.runs, Math.ceil(result.polls / 2));
    const executions = [];
    for await (const execution of fixture.temporal.client.workflow.list({
      query: `WorkflowId = '${handle.workflowId}'`,
    })) {
      executions.push(execution);
    }
    assert.equal(executions.length, result.runs);
    assert.equal(executions.filter((e) => e.status.name === 'CONTINUED_AS_NEW').length, result.runs - 1);
  });
});

describe('awaitImportTask and errors this library does not recognise', () => {
  it('retries an unknown 4xx unknownErrorAttempts times, then ends the wait with it as the cause', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'UnprocessableException' });
    const failure = await workflowFailure((await start({ taskIdentifier: taskId })).result());
    assert.equal(failure.type, FailureType.UNEXPECTED);
    assert.equal(failure.nonRetryable, true);
    assert.match(failure.message, /UnprocessableException \(HTTP 422, reason INTERNAL_LIMIT_EXCEEDED/);
    assert.match(failure.message, /not retried again: 3 attempts in a row failed/);
    assert.equal(gets(taskId), UNKNOWN_ERROR_ATTEMPTS);
  });

  it('counts only unknown answers in a row: throttling before them does not use up the attempts', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'ThrottlingException', count: 4 });
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'UnprocessableException' });
    const failure = await workflowFailure((await start({ taskIdentifier: taskId })).result());
    assert.equal(failure.type, FailureType.UNEXPECTED);
    assert.equal(gets(taskId), 4 + UNKNOWN_ERROR_ATTEMPTS);
  });

  it('rides out fewer unknown answers than that and succeeds', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'UnprocessableException',
      count: UNKNOWN_ERROR_ATTEMPTS - 1,
    });
    const result = await (await start({ taskIdentifier: taskId })).result();
    assert.equal(result.task.status, 'SUCCEEDED');
  });
});
