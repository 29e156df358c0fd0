import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after } from 'node:test';

export interface WorkerProcessTarget {
  temporalAddress: string;
  taskQueue: string;
  neptuneEndpoint: string;
}

/**
 * For a test file that kills workers: starts `worker-process.ts` in processes of its own (ready once it
 * polls) and ends every one left at the end of the file.
 */
export function useWorkerProcesses() {
  const workers: ChildProcess[] = [];
  after(async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker, 'SIGTERM')));
  });
  return {
    async start(target: WorkerProcessTarget): Promise<ChildProcess> {
      const worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'worker-process.ts')], {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: target.temporalAddress,
          TASK_QUEUE: target.taskQueue,
          NEPTUNE_ENDPOINT: target.neptuneEndpoint,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.push(worker);
      await new Promise<void>((resolve, reject) => {
        worker.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        worker.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
      });
      return worker;
    },
  };
}

/** Ends a worker process with `signal` (SIGKILL: no graceful shutdown, no last words). */
export async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, 'exit');
  worker.kill(signal);
  await exited;
}
