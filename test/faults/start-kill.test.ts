/**
 * A worker process SIGKILLed between StartImportTask taking effect and its answer: the run's next attempt,
 * on another worker, finds the import the first one made. One import, whatever the kill.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startRunImportTask } from '../../src/temporal/start-run-import-task';
import { TEST_ROLE_ARN } from '../helpers/emulator';
import { eventually } from '../helpers/failures';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';
import { stopWorker, useWorkerProcesses } from '../helpers/worker-processes';

const fixture = useTemporalAndEmulator({ timeScale: 60 });
const workers = useWorkerProcesses(() => ({
  temporalAddress: fixture.temporal.address,
  neptuneEndpoint: fixture.emulator.endpoint,
}));

describe('a worker process killed mid-start', () => {
  it('runImportTask whose worker is SIGKILLed between StartImportTask and its answer: one import', async () => {
    const taskQueue = `kill-mid-start-${Date.now()}`;
    const graphIdentifier = `g-kill${Date.now().toString(36).slice(-6).padStart(6, '0')}`;
    // The start takes effect at once; its answer would come 30 s later, long after the worker is gone.
    fixture.emulator.addFault({
      operation: 'StartImportTask',
      kind: 'slowAnswer',
      latencyMs: 30_000,
      count: 1,
    });
    const first = await workers.start(taskQueue);
    const handle = await startRunImportTask(
      fixture.temporal.client,
      {
        start: { graphIdentifier, source: 's3://bucket/movies/', roleArn: TEST_ROLE_ARN, format: 'CSV' },
        polling: FAST_POLLING,
      },
      { taskQueue, workflowId: `${taskQueue}-run` },
    );
    await eventually(() => fixture.emulator.getGraph(graphIdentifier) !== undefined, 'the start took effect');
    await stopWorker(first, 'SIGKILL');
    await workers.start(taskQueue);
    // The activity's next attempt (after its start-to-close timeout) finds the import the first one made.
    const result = await handle.result();
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(result.alreadyStarted, true);
    const starts = fixture.emulator.requests.filter(
      (r) => r.operation === 'StartImportTask' && r.graphId === graphIdentifier,
    );
    // Only StartImportTask makes an import: one request, and the run found the import it made.
    assert.equal(starts.length, 1, 'one StartImportTask reached the service');
    const polled = fixture.emulator.requests.filter(
      (r) => r.operation === 'GetImportTask' && r.graphId === graphIdentifier,
    );
    assert.deepEqual(new Set(polled.map((r) => r.taskId)), new Set([result.taskIdentifier]));
  });
});
