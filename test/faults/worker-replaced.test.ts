/**
 * A worker process killed with 50 waits and 20 pipelines in flight (SIGKILL: no graceful shutdown, no last
 * words). Outcomes and counts only: every wait ends SUCCEEDED, every pipeline runs its step, and each
 * child-workflow step exists exactly once.
 */
import { describe, it } from 'node:test';
import { eventually } from '../helpers/failures';
import { assertAllEndedOnce, startLoad } from '../helpers/in-flight-load';
import { useTemporalAndEmulator } from '../helpers/running-worker';
import { stopWorker, useWorkerProcesses } from '../helpers/worker-processes';

/** 60 emulated seconds per real second: each 20-minute import takes 20 s. */
const fixture = useTemporalAndEmulator({ timeScale: 60 });
const workers = useWorkerProcesses(() => ({
  temporalAddress: fixture.temporal.address,
  neptuneEndpoint: fixture.emulator.endpoint,
}));

describe('a worker process killed mid-wait', () => {
  it('a worker SIGKILLed as pipelines reach their steps, and replaced: all end, each step once', async () => {
    const taskQueue = `kill-${Date.now()}`;
    const first = await workers.start(taskQueue);
    const load = await startLoad(fixture.temporal.client, fixture.emulator, taskQueue);
    // Killed right after the first pipeline's terminal answer: its step, and others', are being started.
    await eventually(
      () =>
        fixture.emulator.requests.some(
          (r) => load.pipelineTasks.has(r.taskId ?? '') && r.answeredStatus === 'SUCCEEDED',
        ),
      'a pipeline saw its import succeed',
      60_000,
    );
    await stopWorker(first, 'SIGKILL');
    await workers.start(taskQueue);
    await assertAllEndedOnce(fixture.temporal.client, load);
  });
});
