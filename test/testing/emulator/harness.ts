import { after, before, beforeEach } from 'node:test';
import { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { NeptuneEmulator, type EmulatorOptions } from '../../../src/testing/emulator';

import { TEST_CREDENTIALS as CREDENTIALS, TEST_ROLE_ARN as ROLE_ARN } from '../../helpers/emulator';

export { CREDENTIALS, ROLE_ARN };

/** The real SDK client, one attempt per call so every request the test makes is visible. */
export function sdkClient(endpoint: string): NeptuneGraphClient {
  return new NeptuneGraphClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
}

/** A hand-driven clock in epoch ms. */
export class FakeClock {
  constructor(public ms = Date.UTC(2025, 0, 15, 12, 0, 0)) {}
  readonly now = (): number => this.ms;
  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface Harness {
  emulator: NeptuneEmulator;
  client: NeptuneGraphClient;
  clock: FakeClock;
  close(): Promise<void>;
}

/** An emulator on a free port with an injected clock, plus a client pointed at it. */
export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = new FakeClock();
  const emulator = await NeptuneEmulator.start({ now: clock.now, seed: 42, ...options });
  const client = sdkClient(emulator.endpoint);
  return {
    emulator,
    client,
    clock,
    async close() {
      client.destroy();
      await emulator.close();
    },
  };
}

/**
 * For a suite: one harness from `before` to `after`; before each test the emulator is reset to no scenario
 * and an empty request log, with two fresh tasks. `use` receives them each time.
 */
export function useHarnessWithTwoTasks(use: (fresh: { h: Harness; a: string; b: string }) => void): void {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());
  beforeEach(() => {
    h.emulator.setScenario({});
    h.emulator.clearRequests();
    use({ h, a: h.emulator.addTask(), b: h.emulator.addTask() });
  });
}

/** What the SDK rejects with: a service exception, a deserialization error or a network error. */
export interface SdkFailure extends Error {
  $metadata: { httpStatusCode?: number; attempts?: number; requestId?: string };
  $response?: { statusCode?: number };
  reason?: string;
  code?: string;
}

/** Resolves with what `fn` rejects with; fails when it resolves. */
export async function rejection(fn: () => Promise<unknown>): Promise<SdkFailure> {
  try {
    await fn();
  } catch (err) {
    return err as SdkFailure;
  }
  throw new Error('expected a rejection, but the call succeeded');
}
