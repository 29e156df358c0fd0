import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { FailureType } from '../../src/model/failure-types';
import type { RunImportTaskInput } from '../../src/model/run-types';
import { startRunImportTask } from '../../src/temporal/start-run-import-task';
import { PATCHES_OF_050 } from '../../workflows/input-reading';
import { recordedPatches } from '../helpers/patches';
import { emulatorClient, TEST_ROLE_ARN } from '../helpers/emulator';
import { assertCancelled, eventually, workflowFailure } from '../helpers/failures';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';
import { foundBySucceededStatus } from '../helpers/visibility';

const fixture = useRunningWorker({ emulator: { timeScale: 600 } });

let runs = 0;
const runId = (what: string) => `run-${what}-${Date.now().toString(36)}-${++runs}`;
let graphs = 0;
const newGraph = () => `g-run${String(++graphs).padStart(7, '0')}`;
const source = 's3://bucket/movies/';

const startInput = (graphIdentifier = newGraph()): RunImportTaskInput => ({
  start: { graphIdentifier, source, roleArn: TEST_ROLE_ARN, format: 'CSV' },
  polling: FAST_POLLING,
});

function run(input: RunImportTaskInput, workflowId = runId('import'), taskQueue = fixture.taskQueue) {
  return startRunImportTask(fixture.temporal.client, input, { taskQueue, workflowId });
}

const requests = (operation: 'StartImportTask' | 'CreateGraphUsingImportTask', graphId?: string) =>
  fixture.emulator.requests.filter((r) => r.operation === operation && (!graphId || r.graphId === graphId))
    .length;

describe('runImportTask', () => {
  it('starts the import once, waits for SUCCEEDED and returns the task, its graph and its console page', async () => {
    const input = startInput();
    const graphId = input.start!.graphIdentifier;
    const handle = await run(input);
    const result = await handle.result();
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(result.graphId, graphId);
    assert.equal(result.alreadyStarted, false);
    assert.match(result.taskIdentifier, /^t-[a-z0-9]{10}$/);
    assert.match(
      result.consoleUrl,
      new RegExp(`#analytics-import-task-details:id=${result.taskIdentifier}$`),
    );
    assert.equal(requests('StartImportTask', graphId), 1);
    const wait = fixture.temporal.client.workflow.getHandle(`${handle.workflowId}/await`);
    assert.equal((await wait.describe()).type, 'awaitImportTask', 'the wait is its child');
    // One patch each, not one per change since 0.1.0 (each is a marker and a visibility write).
    assert.deepEqual(await recordedPatches(handle), [PATCHES_OF_050]);
    assert.deepEqual(await recordedPatches(wait), [PATCHES_OF_050]);
  });

  it('creates a graph with its import (CreateGraphUsingImportTask) and waits for it', async () => {
    const graphName = `movies-${Date.now().toString(36)}`;
    const result = await (
      await run({ createGraph: { graphName, source, roleArn: TEST_ROLE_ARN }, polling: FAST_POLLING })
    ).result();
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(fixture.emulator.getGraph(result.graphId)?.['name'], graphName);
    assert.equal(
      fixture.emulator.requests.filter((r) => r.operation === 'CreateGraphUsingImportTask').length >= 1,
      true,
    );
  });

  it('a rerun under the id of a run that succeeded is refused: one import', async () => {
    const input = startInput();
    const workflowId = runId('rerun');
    await (await run(input, workflowId)).result();
    await assert.rejects(run(input, workflowId), WorkflowExecutionAlreadyStartedError);
    assert.equal(requests('StartImportTask', input.start!.graphIdentifier), 1);
  });

  it('a worker stopped between StartImportTask and its answer: the next worker finds the import, one import', async () => {
    const input = startInput();
    const graphId = input.start!.graphIdentifier;
    // The start takes effect at once; its answer comes only after the first worker has gone.
    fixture.emulator.addFault({
      operation: 'StartImportTask',
      kind: 'slowAnswer',
      latencyMs: 3000,
      count: 1,
    });
    const taskQueue = fixture.temporal.taskQueue();
    const worker = () =>
      fixture.temporal.createWorker({ taskQueue, neptune: { client: emulatorClient(fixture.emulator) } });
    const handle = await run(input, runId('worker-stops'), taskQueue);
    const first = await worker();
    const firstRun = first.run();
    await eventually(() => fixture.emulator.getGraph(graphId) !== undefined, 'the start took effect');
    first.shutdown();
    await firstRun;
    const result = await (await worker()).runUntil(handle.result());
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(result.alreadyStarted, true, 'the retried start found the running import');
    assert.equal(requests('StartImportTask', graphId), 1, 'one StartImportTask reached the service');
  });

  for (const cancelImportOnCancel of [true, false]) {
    it(`cancelled while its start is on the way: ends cancelled, the import ${cancelImportOnCancel ? 'cancelled too' : 'left running'}`, async () => {
      const input = { ...startInput(), cancelImportOnCancel };
      const graphId = input.start!.graphIdentifier;
      fixture.emulator.addFault({
        operation: 'StartImportTask',
        kind: 'slowAnswer',
        latencyMs: 2000,
        count: 1,
      });
      const handle = await run(input);
      await eventually(() => fixture.emulator.getGraph(graphId) !== undefined, 'the start took effect');
      await handle.cancel();
      await assertCancelled(handle.result());
      const task = fixture.emulator.requests.find(
        (r) => r.operation === 'StartImportTask' && r.graphId === graphId,
      );
      const cancels = fixture.emulator.requests.filter(
        (r) => r.operation === 'CancelImportTask' && r.graphId === graphId,
      );
      assert.equal(
        cancels.length,
        cancelImportOnCancel ? 1 : 0,
        `CancelImportTask calls for ${task?.taskId}`,
      );
    });
  }

  it('a permanent failure of the start (access denied) ends the run at once with its type, after one call', async () => {
    const input = startInput();
    fixture.emulator.addFault({ operation: 'StartImportTask', kind: 'AccessDeniedException', count: 1 });
    const failure = await workflowFailure((await run(input)).result());
    assert.equal(failure.type, FailureType.ACCESS_DENIED);
    assert.equal(requests('StartImportTask', input.start!.graphIdentifier), 1);
  });

  it('bad input started by name fails the workflow at once, naming the field, before any request', async () => {
    const before = fixture.emulator.requests.length;
    const failure = await workflowFailure(
      fixture.temporal.client.workflow.execute('runImportTask', {
        taskQueue: fixture.taskQueue,
        workflowId: runId('bad'),
        args: [{ start: { graphIdentifier: newGraph(), source, roleArn: 'admin' } }],
      }),
    );
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.match(failure.message, /start\.roleArn/);
    assert.equal(fixture.emulator.requests.length, before);
  });

  it('the client helper refuses bad input before starting anything', async () => {
    await assert.rejects(run({ polling: FAST_POLLING }), /Invalid start: expected exactly one of `start`/);
  });

  it('its wait, started without attributes, writes them (the namespace has them): found by status', async () => {
    const result = await (await run(startInput())).result();
    await foundBySucceededStatus(fixture.temporal.client, result.taskIdentifier);
  });
});
