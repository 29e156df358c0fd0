/**
 * Worker processes killed with waits and pipelines in flight (SIGKILL: no graceful shutdown, no last
 * words). Outcomes and counts only: every wait ends SUCCEEDED, every pipeline runs its step, and each
 * child-workflow step exists exactly once.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ImportTaskPipelineInput } from '../../src/model/pipeline-types';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { eventually } from '../helpers/failures';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';

const WAITS = 30;
const PIPELINES = 10;
/** 60 emulated seconds per real second: each 20-minute import takes 20 s. */
const fixture = useTemporalAndEmulator({ timeScale: 60 });
const workers: ChildProcess[] = [];

after(async () => {
  await Promise.all(workers.map((worker) => stop(worker, 'SIGTERM')));
});

async function startWorker(taskQueue: string): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', 'helpers', 'worker-process.ts')],
    {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: fixture.temporal.address,
        TASK_QUEUE: taskQueue,
        NEPTUNE_ENDPOINT: fixture.emulator.endpoint,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  workers.push(worker);
  await new Promise<void>((resolve, reject) => {
    worker.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
  });
  return worker;
}

async function stop(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, 'exit');
  worker.kill(signal);
  await exited;
}

/** Waits and pipelines (one child-workflow step each) on imports that each take 20 s. */
async function startLoad(taskQueue: string) {
  const { client } = fixture.temporal;
  const waits = await Promise.all(
    Array.from({ length: WAITS }, async () => {
      const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
      return startAwaitImportTask(client, { taskIdentifier: taskId, polling: FAST_POLLING }, { taskQueue });
    }),
  );
  const pipelineTasks = new Set<string>();
  const pipelines = await Promise.all(
    Array.from({ length: PIPELINES }, async (_, i) => {
      const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
      pipelineTasks.add(taskId);
      const input: ImportTaskPipelineInput = {
        await: { taskIdentifier: taskId, polling: FAST_POLLING },
        onSucceeded: [{ name: 'report', workflowType: 'recordingStepWorkflow', args: [`pipeline ${i}`] }],
      };
      return client.workflow.start('importTaskPipeline', {
        taskQueue,
        workflowId: `${taskQueue}-pipeline-${i}`,
        args: [input],
      });
    }),
  );
  return { waits, pipelines, pipelineTasks };
}

/** Every wait SUCCEEDED; every pipeline completed its step; each step's child workflow exists once. */
async function assertAllEndedOnce(load: Awaited<ReturnType<typeof startLoad>>): Promise<void> {
  const results = await Promise.all(load.waits.map((handle) => handle.result()));
  assert.deepEqual(new Set(results.map((r) => r.task.status)), new Set(['SUCCEEDED']));
  for (const pipeline of load.pipelines) {
    const result = (await pipeline.result()) as { steps: { status: string }[] };
    assert.deepEqual(
      result.steps.map((s) => s.status),
      ['completed'],
      pipeline.workflowId,
    );
    let runs = 0;
    for await (const _ of fixture.temporal.client.workflow.list({
      query: `WorkflowId = '${pipeline.workflowId}/report'`,
    })) {
      runs += 1;
    }
    assert.equal(runs, 1, `${pipeline.workflowId}/report ran ${runs} times`);
  }
}

describe('worker processes killed mid-wait', () => {
  it('a worker SIGKILLed as pipelines reach their steps, and replaced: all end, each step once', async () => {
    const taskQueue = `kill-${Date.now()}`;
    const first = await startWorker(taskQueue);
    const load = await startLoad(taskQueue);
    // Killed right after the first pipeline's terminal answer: its step, and others', are being started.
    await eventually(
      () =>
        fixture.emulator.requests.some(
          (r) => load.pipelineTasks.has(r.taskId ?? '') && r.answeredStatus === 'SUCCEEDED',
        ),
      'a pipeline saw its import succeed',
      60_000,
    );
    await stop(first, 'SIGKILL');
    await startWorker(taskQueue);
    await assertAllEndedOnce(load);
  });

  it('two workers on one task queue, one SIGKILLed and not replaced: the other finishes everything', async () => {
    const taskQueue = `kill-one-of-two-${Date.now()}`;
    const [doomed] = await Promise.all([startWorker(taskQueue), startWorker(taskQueue)]);
    const countBefore = fixture.emulator.countRequests({ operation: 'GetImportTask' });
    const load = await startLoad(taskQueue);
    await eventually(
      () => fixture.emulator.countRequests({ operation: 'GetImportTask' }) - countBefore >= WAITS + PIPELINES,
      'the waits are polling',
      60_000,
    );
    await stop(doomed, 'SIGKILL');
    await assertAllEndedOnce(load);
  });
});
