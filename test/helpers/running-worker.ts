import { after, before } from 'node:test';
import type { NeptuneImportActivitiesOptions } from '../../activities';
import type { PollingOptions } from '../../src/model/poll-schedule';
import type { EmulatorOptions, NeptuneEmulator } from '../../src/testing/emulator';
import { emulatorClient, startEmulator } from './emulator';
import { useTestTemporal, type TestTemporal } from './temporal';

/** Polls fast enough for time-scaled imports; the dev server's timers fire about once a second anyway. */
export const FAST_POLLING = {
  initialInterval: '200ms',
  minInterval: '100ms',
  maxInterval: '400ms',
} as const satisfies PollingOptions;

export interface TemporalAndEmulator {
  temporal: TestTemporal;
  emulator: NeptuneEmulator;
}

/**
 * For a test file that makes its own workers: the shared dev server and an emulator, from `before` to
 * `after`. The returned object is filled in by `before`. (One hook each: Node 20 runs a file's top-level
 * `before` hooks concurrently, so a second hook could not rely on the first.)
 */
export function useTemporalAndEmulator(
  emulatorOptions: EmulatorOptions = {},
  extra: { started?(fixture: TemporalAndEmulator): Promise<void>; stopping?(): Promise<void> } = {},
): TemporalAndEmulator {
  const fixture = {} as TemporalAndEmulator;
  before(async () => {
    // Settled, not all: if one fails, the other is still closed by `after` (an open server hangs the file).
    const [temporal, emulator] = await Promise.allSettled([
      useTestTemporal(),
      startEmulator(emulatorOptions),
    ]);
    if (temporal.status === 'fulfilled') fixture.temporal = temporal.value;
    if (emulator.status === 'fulfilled') fixture.emulator = emulator.value;
    for (const started of [temporal, emulator]) if (started.status === 'rejected') throw started.reason;
    await extra.started?.(fixture);
  });
  after(async () => {
    await extra.stopping?.();
    await Promise.all([fixture.temporal?.close(), fixture.emulator?.close()]);
  });
  return fixture;
}

export interface RunningWorker extends TemporalAndEmulator {
  /** The task queue the worker polls, its own for this test file. */
  taskQueue: string;
}

/**
 * For a test file: the shared dev server, an emulator, and a worker with this library's workflows and
 * activities (plus `activities`, e.g. pipeline steps) running from `before` to `after`. The returned object
 * is filled in by `before`.
 */
export function useRunningWorker(
  options: {
    emulator?: EmulatorOptions;
    activities?: object;
    neptune?: Omit<NeptuneImportActivitiesOptions, 'client' | 'clientSettings'>;
  } = {},
): RunningWorker {
  let stop: (() => Promise<void>) | undefined;
  return useTemporalAndEmulator(options.emulator, {
    async started(fixture) {
      const taskQueue = fixture.temporal.taskQueue();
      const worker = await fixture.temporal.createWorker({
        taskQueue,
        neptune: { ...options.neptune, client: emulatorClient(fixture.emulator) },
        ...(options.activities && { activities: options.activities }),
      });
      Object.assign(fixture, { taskQueue });
      const running = worker.run();
      stop = async () => {
        worker.shutdown();
        await running;
      };
    },
    stopping: async () => stop?.(),
  }) as RunningWorker;
}
