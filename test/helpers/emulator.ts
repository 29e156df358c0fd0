import { after, before, beforeEach } from 'node:test';
import { type NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { createNeptuneImportActivities, type NeptuneImportActivities } from '../../activities';
import { createNeptuneGraphClient, type NeptuneClientSettings } from '../../src/neptune/create-client';
import { NeptuneEmulator, type EmulatorOptions } from '../../src/testing/emulator';

/** Fixed fake credentials: the emulator does not check signatures, the SDK still signs every request. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

export const TEST_ROLE_ARN = 'arn:aws:iam::123456789012:role/NeptuneImport';

export async function startEmulator(options: EmulatorOptions = {}): Promise<NeptuneEmulator> {
  return NeptuneEmulator.start({ port: 0, ...options });
}

/** The library's own client factory pointed at the emulator: the same settings users get. */
export function emulatorClient(
  emulator: NeptuneEmulator,
  settings: NeptuneClientSettings = {},
): NeptuneGraphClient {
  return createNeptuneGraphClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: TEST_CREDENTIALS,
    ...settings,
  });
}

export interface EmulatorActivities {
  emulator: NeptuneEmulator;
  activities: NeptuneImportActivities;
}

/**
 * For an activity test file: an emulator and the activities on the library's client pointed at it, from
 * `before` to `after`; faults and the request log are cleared before each test. Filled in by `before`.
 */
export function useEmulatorActivities(options: EmulatorOptions = {}): EmulatorActivities {
  const fixture = {} as EmulatorActivities;
  before(async () => {
    fixture.emulator = await startEmulator(options);
    fixture.activities = createNeptuneImportActivities({ client: emulatorClient(fixture.emulator) });
  });
  after(() => fixture.emulator?.close());
  beforeEach(() => {
    fixture.emulator.clearFaults();
    fixture.emulator.clearRequests();
  });
  return fixture;
}
