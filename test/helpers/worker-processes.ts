import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after } from 'node:test';

/** Where the workers of a test file work: read when a worker starts (the servers start in `before`). */
export interface WorkerProcessTarget {
  temporalAddress: string;
  neptuneEndpoint: string;
}

/**
 * For a test file that kills workers: starts `worker-process.ts` for a task queue in processes of its own
 * (ready once it polls), against `target()`, and ends every one left at the end of the file.
 */
export function useWorkerProcesses(target: () => WorkerProcessTarget) {
  const workers: ChildProcess[] = [];
  after(async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker, 'SIGTERM')));
  });
  return {
    async start(taskQueue: string): Promise<ChildProcess> {
      const { temporalAddress, neptuneEndpoint } = target();
      const worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'worker-process.ts')], {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: temporalAddress,
          TASK_QUEUE: taskQueue,
          NEPTUNE_ENDPOINT: neptuneEndpoint,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.push(worker);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the worker was not ready within 60 s')), 60_000);
        worker.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
      });
      return worker;
    },
  };
}

/**
 * Ends a worker process with `signal` (SIGKILL: no graceful shutdown, no last words). One that has not
 * ended 10 s after a gentler signal (its shutdown waiting on a server that is gone) is killed.
 */
export async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, 'exit');
  worker.kill(signal);
  const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
