/**
 * The real stack for the bench: the Temporal dev server, the emulator at real speed (timeScale 1), and
 * workers in processes of their own, each measured from /proc. Linux only, like the machine it runs on.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { NeptuneEmulator } from '../src/testing/emulator';
import { startDevServer, type DevServer } from '../src/testing/dev-server/start-dev-server';

export interface Stack {
  server: DevServer;
  emulator: NeptuneEmulator;
  client: Client;
  /** The bench workflows, bundled once so that no worker's memory counts webpack. */
  bundlePath: string;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const [server, emulator, bundle] = await Promise.all([
    startDevServer(),
    NeptuneEmulator.start({ port: 0, timeScale: 1, seed: 1 }),
    bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: quietBundler }),
  ]);
  const bundlePath = join(tmpdir(), `neptune-import-bench-${process.pid}.js`);
  writeFileSync(bundlePath, bundle.code);
  const connection = await Connection.connect({ address: server.address });
  return {
    server,
    emulator,
    client: new Client({ connection, namespace: server.namespace }),
    bundlePath,
    async close() {
      await connection.close();
      await Promise.all([server.stop(), emulator.close()]);
    },
  };
}

const quietBundler = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error: (message: string) => console.error(message),
};

/** CPU seconds (user + system) and peak resident memory of a process, from /proc. */
export interface ProcessUsage {
  cpuSeconds: number;
  peakRssBytes: number;
}

/** Linux reports CPU times in clock ticks: 100 per second on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export function processUsage(pid: number): ProcessUsage {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, peakRssBytes: Number(hwm?.[1] ?? NaN) * 1024 };
}

export interface WorkerProcess {
  pid: number;
  usage(): ProcessUsage;
  stop(): Promise<void>;
}

/**
 * `BENCH_CPU_PROFILE_DIR=dir`: each bench worker writes V8 CPU profiles of its threads there when it stops (the
 * workflow thread's shows what a poll costs in workflow code). Node refuses --cpu-prof in NODE_OPTIONS.
 */
function cpuProfileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
}

/** A worker for `taskQueue` in its own Node process (bench/worker-process.ts), ready when this resolves. */
export async function startWorkerProcess(stack: Stack, taskQueue: string): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [...cpuProfileFlags(), '--import', 'tsx', require.resolve('./worker-process')],
    {
      env: {
        ...process.env,
        BENCH_TEMPORAL_ADDRESS: stack.server.address,
        BENCH_TASK_QUEUE: taskQueue,
        BENCH_NEPTUNE_ENDPOINT: stack.emulator.endpoint,
        BENCH_WORKFLOW_BUNDLE: stack.bundlePath,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    void exited.then(() => reject(new Error(`the bench worker exited before it was ready`)));
  });
  const pid = child.pid!;
  return {
    pid,
    usage: () => processUsage(pid),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
