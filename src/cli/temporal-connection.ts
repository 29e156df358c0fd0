import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { NativeConnection } from '@temporalio/worker';

/**
 * Where Temporal is, from the standard environment configuration: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_API_KEY, TEMPORAL_TLS*, TEMPORAL_PROFILE and the TOML file (as the `temporal` CLI reads them).
 */
function connectConfig() {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return { connectionOptions, namespace: namespace ?? 'default' };
}

export async function connectClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const { connectionOptions, namespace } = connectConfig();
  const connection = await Connection.connect(connectionOptions);
  return { client: new Client({ connection, namespace }), close: () => connection.close() };
}

export async function connectWorker(): Promise<{ connection: NativeConnection; namespace: string }> {
  const { connectionOptions, namespace } = connectConfig();
  return { connection: await NativeConnection.connect(connectionOptions), namespace };
}
