import { after, before } from 'node:test';
import type { PollingOptions } from '../../src/poll-schedule';
import type { NeptuneEmulator } from '../../src/emulator';
import { emulatorClient, startEmulator } from './neptune';
import { useTestTemporal, type TestTemporal } from './temporal';

/** Polls fast enough for time-scaled imports; the dev server's timers fire about once a second anyway. */
export const FAST_POLLING: PollingOptions = {
  initialInterval: '200ms',
  minInterval: '100ms',
  maxInterval: '400ms',
};

export interface RunningWorker {
  temporal: TestTemporal;
  emulator: NeptuneEmulator;
  /** The task queue the worker polls, its own for this test file. */
  taskQueue: string;
}

/**
 * For a test file: the shared dev server, an emulator (emulated seconds per real second: `timeScale`), and a
 * worker with this library's workflows and activities running from `before` to `after`. The returned
 * object is filled in by `before`.
 */
export function useRunningWorker(options: { timeScale?: number } = {}): RunningWorker {
  const fixture = {} as RunningWorker;
  let stop: (() => Promise<void>) | undefined;
  before(async () => {
    const [temporal, emulator] = await Promise.all([
      useTestTemporal(),
      startEmulator(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    ]);
    const taskQueue = temporal.taskQueue();
    const worker = await temporal.createWorker({ taskQueue, neptune: { client: emulatorClient(emulator) } });
    const running = worker.run();
    Object.assign(fixture, { temporal, emulator, taskQueue });
    stop = async () => {
      worker.shutdown();
      await running;
      await Promise.all([temporal.close(), emulator.close()]);
    };
  });
  after(() => stop?.());
  return fixture;
}
