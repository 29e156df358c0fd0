import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../src/testing/dev-server/start-dev-server';
import type { TemporalAndEmulator } from './running-worker';
import { stopWorker } from './worker-processes';

export const root = join(__dirname, '..', '..');
/** The built command (`npm test` builds it first). */
export const bin = join(root, 'dist', 'src', 'cli', 'main.js');

/** How a command ended: its exit code (null if a signal ended it), what it printed, and whether it was killed. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed at `timeoutMs` instead of ending by itself. */
  killed: boolean;
}

/**
 * Runs `file` to its end, or kills it after `timeoutMs` (default: no bound); never rejects (a failing
 * command is a result to assert on).
 */
export function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { timeoutMs = 0 }: { timeoutMs?: number } = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: root, env, timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        stdout,
        stderr,
        killed: error?.killed === true,
      }),
    );
  });
}

/** `neptune-import worker --metrics-port` in a process of its own, as an operator runs it. */
export interface CliWorker {
  process: ChildProcess;
  metricsPort: number;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** The Prometheus text it serves. */
  scrape(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the built command's worker against the fixture's server and emulator, configured only by the
 * standard environment variables (and `env`, e.g. credentials); resolves once it polls.
 */
export async function startCliWorker(
  { temporal, emulator }: TemporalAndEmulator,
  taskQueue: string,
  env: NodeJS.ProcessEnv,
): Promise<CliWorker> {
  const metricsPort = await freePort();
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--task-queue', taskQueue, '--metrics-port', String(metricsPort)],
    {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: 'default',
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_NEPTUNE_GRAPH: emulator.endpoint,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker polling')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before polling:\n${output}`)));
  });
  return {
    process: child,
    metricsPort,
    output: () => output,
    async scrape() {
      const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      if (response.status !== 200) throw new Error(`metrics answered ${response.status}`);
      return response.text();
    },
    stop: () => stopWorker(child, 'SIGTERM'),
  };
}
