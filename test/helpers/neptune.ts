import { type NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { NeptuneEmulator, type EmulatorOptions } from '../../src/emulator';
import { createNeptuneGraphClient, type NeptuneClientSettings } from '../../src/neptune-client';

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
