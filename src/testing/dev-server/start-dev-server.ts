import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { NEPTUNE_SEARCH_ATTRIBUTES } from '../../model/search-attributes';
import { cliTypeNameOf } from '../../temporal/search-attribute-types';
import { locateTemporalCli, TemporalCliNotFoundError, type TemporalCliLocation } from './locate-temporal-cli';

/** How `startDevServer` runs the Temporal dev server. */
export interface DevServerOptions {
  /** gRPC port; a free one by default. */
  port?: number;
  /** Serve the Web UI (on `uiPort`, by default the gRPC port + 1000). */
  ui?: boolean;
  uiPort?: number;
  ip?: string;
  namespace?: string;
  /** SQLite file to persist to; in memory by default (a restart then forgets everything). */
  dbFilename?: string;
  /** Custom search attributes to register; the project's own by default. */
  searchAttributes?: readonly { name: string; type: SearchAttributeType }[];
  log?: (line: string) => void;
  /** How long to wait for the server to answer (default 30 s). */
  startTimeoutMs?: number;
}

/** A running dev server; `stop()` ends it. */
export interface DevServer {
  /** host:port of the frontend, for `Connection.connect({ address })`. */
  address: string;
  namespace: string;
  uiUrl?: string;
  cli: TemporalCliLocation;
  /** The server's process id, to measure it (absent when `@temporalio/testing` runs the server). */
  pid?: number;
  stop(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the real Temporal server (`temporal server start-dev`) with this project's search attributes
 * registered. The binary comes from `locateTemporalCli` (TEMPORAL_CLI_PATH, PATH, the per-user cache, or a
 * Go build).
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const cli = await locateTemporalCli({ log });
  if (!cli) return startDownloadedDevServer(options, log);
  const ip = options.ip ?? '127.0.0.1';
  const port = options.port ?? (await freePort(ip));
  const namespace = options.namespace ?? 'default';
  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    // Search attributes registered at start are visible to the very next visibility query.
    '--dynamic-config-value',
    'system.forceSearchAttributesCacheRefreshOnRead=true',
  ];
  if (options.dbFilename) args.push('--db-filename', options.dbFilename);
  const uiPort = options.ui ? (options.uiPort ?? port + 1000) : undefined;
  if (uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  for (const key of options.searchAttributes ?? NEPTUNE_SEARCH_ATTRIBUTES) {
    args.push('--search-attribute', `${key.name}=${cliTypeNameOf(key.type)}`);
  }

  const child = spawn(cli.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // 'error' (the binary could not be started) ends the process as surely as 'exit' does.
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.once('error', (error) => {
      stderr += `\n${error.message}`;
      resolve(null);
    });
  });
  const address = `${ip}:${port}`;
  try {
    await waitUntilServing(address, namespace, options.startTimeoutMs ?? 30_000, exited, () => stderr);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  return {
    address,
    namespace,
    uiUrl: uiPort === undefined ? undefined : `http://${ip}:${uiPort}`,
    cli,
    ...(child.pid !== undefined && { pid: child.pid }),
    stop: () => stopChild(child, exited),
  };
}

/** Machines with internet access and no Go: `@temporalio/testing` downloads a CLI of its own. */
async function startDownloadedDevServer(
  options: DevServerOptions,
  log: (line: string) => void,
): Promise<DevServer> {
  log('No Temporal CLI and no Go found: asking @temporalio/testing to download the Temporal CLI.');
  try {
    // Loaded here, not at the top: @temporalio/testing is an optional peer that only this fallback needs.
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: options.ip,
        port: options.port,
        namespace: options.namespace,
        dbFilename: options.dbFilename,
        ui: options.ui,
        uiPort: options.uiPort,
        searchAttributes: [...(options.searchAttributes ?? NEPTUNE_SEARCH_ATTRIBUTES)],
      },
    });
    return {
      address: env.address,
      namespace: env.namespace ?? options.namespace ?? 'default',
      ...(options.ui &&
        options.uiPort !== undefined && { uiUrl: `http://${options.ip ?? '127.0.0.1'}:${options.uiPort}` }),
      cli: { path: 'downloaded by @temporalio/testing', source: 'download' },
      stop: () => env.teardown(),
    };
  } catch (error) {
    throw new TemporalCliNotFoundError(
      'No Temporal CLI could be found, built or downloaded. Provide one of: TEMPORAL_CLI_PATH=<path to a temporal ' +
        'binary>; `temporal` on PATH; Go (>= 1.25) on PATH, to build it once into the per-user cache; or internet ' +
        "access for @temporalio/testing's own download.",
      { cause: error },
    );
  }
}

async function waitUntilServing(
  address: string,
  namespace: string,
  timeoutMs: number,
  exited: Promise<number | null>,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`temporal server start-dev exited with code ${String(exitCode)}:\n${stderr()}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`temporal server start-dev did not answer on ${address} within ${timeoutMs} ms`, {
    cause: lastError,
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
