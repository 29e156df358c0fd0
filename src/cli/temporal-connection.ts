import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { NativeConnection } from '@temporalio/worker';

/**
 * Where Temporal is, from the standard environment configuration: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_API_KEY, TEMPORAL_TLS*, TEMPORAL_PROFILE and the TOML file (as the `temporal` CLI reads them).
 */
export function connectConfig() {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return {
    connectionOptions,
    namespace: namespace ?? 'default',
    address: connectionOptions.address ?? 'localhost:7233',
  };
}

/** A command's way to Temporal. */
export interface Connected {
  client: Client;
  /** host:port, as the environment configuration named it. */
  address: string;
  close(): Promise<void>;
}

/** Thrown when Temporal cannot be reached: says where the command looked, and how to point it elsewhere. */
export class TemporalUnreachableError extends Error {
  constructor(address: string, cause: unknown) {
    // The innermost cause says why (UNAUTHENTICATED, a TLS error): the outer ones only that it failed.
    let reason: unknown = cause;
    while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
    super(
      `Cannot reach Temporal at ${address} (${(reason as Error)?.message ?? String(reason)}). ` +
        'Set TEMPORAL_ADDRESS (or a TEMPORAL_PROFILE) to where your Temporal server listens.',
      { cause },
    );
    this.name = 'TemporalUnreachable';
  }
}

export async function connectClient(): Promise<Connected> {
  const { connectionOptions, namespace, address } = connectConfig();
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ connectTimeout: '5 seconds', ...connectionOptions });
    // A connection is only HTTP/2: something else (a proxy, another service) may answer there, so ask. The
    // SDK makes the same call on connect but lets UNIMPLEMENTED pass (very old servers): here it does not.
    await connection.withDeadline(Date.now() + 5000, () => connection!.workflowService.getSystemInfo({}));
  } catch (error) {
    await connection?.close();
    throw new TemporalUnreachableError(address, error);
  }
  return { client: new Client({ connection, namespace }), address, close: () => connection.close() };
}

export async function connectWorker(): Promise<{ connection: NativeConnection; namespace: string }> {
  const { connectionOptions, namespace, address } = connectConfig();
  try {
    return { connection: await NativeConnection.connect(connectionOptions), namespace };
  } catch (error) {
    throw new TemporalUnreachableError(address, error);
  }
}
