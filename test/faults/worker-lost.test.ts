/**
 * One of two worker processes on a task queue SIGKILLed with waits and pipelines in flight, and not
 * replaced: the other takes over. Outcomes and counts only, as in worker-replaced.test.ts.
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

describe('one of two worker processes killed mid-wait', () => {
  it('two workers on one task queue, one SIGKILLed and not replaced: the other finishes everything', async () => {
    const taskQueue = `kill-one-of-two-${Date.now()}`;
    const [doomed] = await Promise.all([workers.start(taskQueue), workers.start(taskQueue)]);
    const countBefore = fixture.emulator.countRequests({ operation: 'GetImportTask' });
    const load = await startLoad(fixture.temporal.client, fixture.emulator, taskQueue, {
      waits: 30,
      pipelines: 10,
    });
    await eventually(
      () =>
        fixture.emulator.countRequests({ operation: 'GetImportTask' }) - countBefore >=
        load.waits.length + load.pipelines.length,
      'the waits are polling',
      60_000,
    );
    await stopWorker(doomed, 'SIGKILL');
    await assertAllEndedOnce(fixture.temporal.client, load);
  });
});
