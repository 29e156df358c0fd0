import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MockActivityEnvironment } from '@temporalio/testing';
import { type CancelImportTaskResult, type StartImportTaskResult } from '../../activities';
import { FailureType } from '../../src/model/failure-types';
import type { CreateGraphUsingImportTaskInput, StartImportTaskInput } from '../../src/model/input-validation';
import { activityFailure } from '../helpers/failures';
import { ListImportTasksCommand } from '@aws-sdk/client-neptune-graph';
import { emulatorClient, TEST_ROLE_ARN, useEmulatorActivities } from '../helpers/emulator';

const fixture = useEmulatorActivities({ seed: 11 });

let graphCount = 0;
function newGraph(): string {
  return `g-startgr${String(++graphCount).padStart(3, '0')}`;
}

const startInput = (graphIdentifier: string, source = 's3://bucket/people/'): StartImportTaskInput => ({
  graphIdentifier,
  source,
  roleArn: TEST_ROLE_ARN,
  format: 'CSV',
});

const start = (
  input: StartImportTaskInput,
  attempt = 1,
  heartbeatDetails?: unknown,
): Promise<StartImportTaskResult> =>
  new MockActivityEnvironment({ attempt, heartbeatDetails }).run(fixture.activities.startImportTask, input);
const cancel = (taskIdentifier: string): Promise<CancelImportTaskResult> =>
  new MockActivityEnvironment().run(fixture.activities.cancelImportTask, { taskIdentifier });
const starts = () => fixture.emulator.countRequests({ operation: 'StartImportTask' });

describe('startImportTask', () => {
  it('starts an import and returns its first snapshot', async () => {
    const graph = newGraph();
    const { task, alreadyStarted } = await start(startInput(graph));
    assert.equal(alreadyStarted, false);
    assert.match(task.taskId, /^t-[a-z0-9]{10}$/);
    assert.equal(task.graphId, graph);
    assert.equal(task.phase, 'running');
    assert.equal(starts(), 1);
  });

  it("links the task's page in the AWS console, in the client's region", async () => {
    const { task, consoleUrl } = await start(startInput(newGraph()));
    assert.equal(
      consoleUrl,
      `https://console.aws.amazon.com/neptune/home?region=us-east-1#analytics-import-task-details:id=${task.taskId}`,
    );
  });

  it('a retry after a lost answer returns the task the first attempt started, and starts no second one', async () => {
    const graph = newGraph();
    // The start happens, but its answer cannot be read: the attempt fails, retryable.
    fixture.emulator.addFault({ operation: 'StartImportTask', kind: 'malformedJson', count: 1 });
    const failure = await activityFailure(start(startInput(graph)));
    assert.equal(failure.nonRetryable, false);
    const retried = await start(startInput(graph), 2);
    assert.equal(retried.alreadyStarted, true);
    assert.equal(retried.task.graphId, graph);
    assert.equal(starts(), 1, 'no second StartImportTask');
    assert.equal(fixture.emulator.getTask(retried.task.taskId)?.graphId, graph);
  });

  it('a retry after a lost answer adopts the import even once it has ended, when the first attempt recorded its send', async () => {
    const graph = newGraph();
    fixture.emulator.addFault({ operation: 'StartImportTask', kind: 'malformedJson', count: 1 });
    const sentAt = Date.now();
    await activityFailure(start(startInput(graph)));
    const { tasks } = await emulatorClient(fixture.emulator).send(
      new ListImportTasksCommand({ maxResults: 100 }),
    );
    const started = tasks?.find((task) => task.graphId === graph)?.taskId;
    assert.ok(started, 'the first attempt started the import');
    fixture.emulator.advanceTime(7200); // the import ends before the retry comes
    const retried = await start(startInput(graph), 2, { sentAt });
    assert.equal(retried.alreadyStarted, true);
    assert.equal(retried.task.taskId, started);
    assert.equal(retried.task.phase, 'succeeded');
    assert.equal(starts(), 1, 'no second StartImportTask');
  });

  it('a retry never adopts an older, finished import of the same graph and source', async () => {
    const graph = newGraph();
    const old = fixture.emulator.addTask({
      graphId: graph,
      source: 's3://bucket/people/',
      timeline: 'succeeds',
      durationSeconds: 60,
      startedSecondsAgo: 86_400,
    });
    const retried = await start(startInput(graph), 2, { sentAt: Date.now() });
    assert.equal(retried.alreadyStarted, false);
    assert.notEqual(retried.task.taskId, old);
    assert.equal(starts(), 1);
  });

  it('a ConflictException for the same source returns the running task', async () => {
    const graph = newGraph();
    const existing = fixture.emulator.addTask({ graphId: graph, source: 's3://bucket/people/' });
    const { task, alreadyStarted } = await start(startInput(graph));
    assert.equal(alreadyStarted, true);
    assert.equal(task.taskId, existing);
  });

  it('a ConflictException for another source stays a retryable conflict', async () => {
    const graph = newGraph();
    fixture.emulator.addTask({ graphId: graph, source: 's3://bucket/other/' });
    const failure = await activityFailure(start(startInput(graph)));
    assert.equal(failure.type, FailureType.CONFLICT);
    assert.equal(failure.nonRetryable, false);
  });

  it('rejects bad input before any request', async () => {
    const failure = await activityFailure(start({ ...startInput(newGraph()), roleArn: 'admin' }));
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.equal(failure.nonRetryable, true);
    assert.match(failure.message, /roleArn/);
    assert.equal(fixture.emulator.requests.length, 0);
  });
});

describe('createGraphUsingImportTask', () => {
  let graphNames = 0;
  const createInput = (source = 's3://bucket/people/'): CreateGraphUsingImportTaskInput => ({
    graphName: `people-${++graphNames}-${Date.now().toString(36)}`,
    source,
    roleArn: TEST_ROLE_ARN,
    format: 'CSV',
    maxProvisionedMemory: 32,
  });
  const create = (input: CreateGraphUsingImportTaskInput, attempt = 1): Promise<StartImportTaskResult> =>
    new MockActivityEnvironment({ attempt }).run(fixture.activities.createGraphUsingImportTask, input);
  const creates = () => fixture.emulator.countRequests({ operation: 'CreateGraphUsingImportTask' });

  it('creates the graph with its import and returns the first snapshot and the console link', async () => {
    const input = createInput();
    const { task, alreadyStarted, consoleUrl } = await create(input);
    assert.equal(alreadyStarted, false);
    assert.equal(task.phase, 'running');
    assert.match(task.graphId ?? '', /^g-[a-z0-9]{10}$/);
    assert.match(consoleUrl, new RegExp(`region=us-east-1#analytics-import-task-details:id=${task.taskId}$`));
    assert.equal(creates(), 1);
  });

  it('a retry after a lost answer finds the graph by name and returns its task: one graph, one import', async () => {
    const input = createInput();
    fixture.emulator.addFault({ operation: 'CreateGraphUsingImportTask', kind: 'malformedJson', count: 1 });
    const failure = await activityFailure(create(input));
    assert.equal(failure.nonRetryable, false);
    const retried = await create(input, 2);
    assert.equal(retried.alreadyStarted, true);
    assert.equal(creates(), 1, 'no second CreateGraphUsingImportTask');
    assert.equal(fixture.emulator.getTask(retried.task.taskId)?.graphId, retried.task.graphId);
  });

  it('a second call for the name of a graph this import made returns its task (the service says Conflict)', async () => {
    const input = createInput();
    const first = await create(input);
    const again = await create(input);
    assert.equal(again.alreadyStarted, true);
    assert.equal(again.task.taskId, first.task.taskId);
    assert.equal(creates(), 2, 'the second call was answered with a conflict');
  });

  it('a name taken by a graph loaded from another source fails at once: no retry frees the name', async () => {
    const input = createInput();
    await create(input);
    const failure = await activityFailure(create({ ...input, source: 's3://bucket/other/' }));
    assert.equal(failure.type, FailureType.CONFLICT);
    assert.equal(failure.nonRetryable, true);
  });

  it('a name taken by an older graph whose import has ended is not adopted', async () => {
    const input = createInput();
    await create(input);
    fixture.emulator.advanceTime(7200); // that import ended long ago
    const failure = await activityFailure(create(input));
    assert.equal(failure.type, FailureType.CONFLICT);
    assert.equal(failure.nonRetryable, true);
  });

  it('rejects a bad graph name before any request, naming the field', async () => {
    const failure = await activityFailure(create({ ...createInput(), graphName: 'g-0123456789' }));
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.match(failure.message, /graphName/);
    assert.equal(fixture.emulator.requests.length, 0);
  });
});

describe('cancelImportTask', () => {
  it('cancels a running import', async () => {
    const taskId = fixture.emulator.addTask({});
    const { task, alreadyEnded } = await cancel(taskId);
    assert.equal(alreadyEnded, false);
    assert.equal(task.status, 'CANCELLING');
    assert.equal(fixture.emulator.countRequests({ operation: 'CancelImportTask', taskId }), 1);
  });

  it('cancelling a task that already ended is not an error', async () => {
    const taskId = fixture.emulator.addTask({
      timeline: 'succeeds',
      durationSeconds: 60,
      startedSecondsAgo: 600,
    });
    const { task, alreadyEnded } = await cancel(taskId);
    assert.equal(alreadyEnded, true);
    assert.equal(task.phase, 'succeeded');
  });

  it('cancelling a task that does not exist fails at once', async () => {
    const failure = await activityFailure(cancel('t-0000000404'));
    assert.equal(failure.type, FailureType.NOT_FOUND);
    assert.equal(failure.nonRetryable, true);
    assert.equal(fixture.emulator.countRequests({ operation: 'CancelImportTask' }), 1);
  });
});
