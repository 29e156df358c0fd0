/**
 * Runs N waits of one kind on the real stack, their imports all started in the same second, and measures them: calls on
 * the wire (the emulator's request log), detection delay, wall time, worker and server CPU, peak memory,
 * history length.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { startAwaitImportTask } from '../src/temporal/start-await-import-task';
import type { AwaitImportTaskResult } from '../src/model/wait-types';
import { aimOffsetOf } from '../src/model/poll-planner';
import { percentile } from '../src/testing/poll-simulation';
import { processUsage, startWorkerProcess, type Stack } from './stack';
import type { HandWrittenAnswer } from './loop-activities';

/**
 * `library-unspread`: the library with every wait's workflow id picked so that all aim their polls at the
 * same instant, as they would without the per-wait spread (`aimOffsetOf`): the spread's effect, side by side.
 */
export type LoopKind = 'library' | 'library-unspread' | 'hand-written' | 'no-op';

export interface LoopSpec {
  kind: LoopKind;
  waits: number;
  importSeconds: number;
  /** hand-written and no-op: the interval between calls. */
  intervalMs?: number;
  /** no-op: calls per wait. */
  iterations?: number;
}

export interface LoopRun extends LoopSpec {
  meanCalls: number;
  p50DetectionMs: number;
  p95DetectionMs: number;
  maxDetectionMs: number;
  /** From the first start to the last result, and what it would be with no delay at all. */
  wallSeconds: number;
  idealSeconds: number;
  workerCpuSeconds: number;
  serverCpuSeconds: number;
  workerPeakRssBytes: number;
  meanHistoryEvents: number;
}

/** Starts at most this many workflows at once: a script starting thousands does the same. */
const START_CONCURRENCY = 50;
/**
 * Results awaited at once. Each is a long poll the server counts against the namespace's concurrent
 * poller limit (1,200 on the dev server): 3,000 at once are refused with RESOURCE_EXHAUSTED.
 */
const RESULT_CONCURRENCY = 500;
/** Histories read per run to count events (reading thousands would load the server the bench measures). */
const HISTORY_SAMPLE = 50;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  f: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await f(items[i]!);
      }
    }),
  );
  return results;
}

/** A workflow id whose aim offset is within 0.0005 of the middle: 3,000 of them aim within 6 ms. */
function unspreadWorkflowId(prefix: string, i: number): string {
  for (let salt = 0; ; salt++) {
    const id = `${prefix}-${i}-${salt}`;
    if (Math.abs(aimOffsetOf(id) - 0.5) < 0.0005) return id;
  }
}

/** When the answer says the task ended (its start plus its elapsed time), in epoch ms. */
function endedAtMs(startTime: string | undefined, elapsedSeconds: number | undefined): number {
  return Date.parse(startTime ?? '') + (elapsedSeconds ?? NaN) * 1000;
}

export async function runLoops(stack: Stack, spec: LoopSpec): Promise<LoopRun> {
  const taskQueue = `bench-${spec.kind}-${randomUUID()}`;
  const worker = await startWorkerProcess(stack, taskQueue);
  const serverPid = stack.server.pid;
  const before = { worker: worker.usage(), server: serverPid ? processUsage(serverPid) : undefined };
  const startedAtMs = Date.now();
  const { client, emulator } = stack;
  // Every import starts in the same second, before the waits: their ends, and aimed polls, coincide.
  const taskIds = Array.from({ length: spec.waits }, () =>
    spec.kind === 'no-op'
      ? ''
      : emulator.addTask({ timeline: 'succeeds', durationSeconds: spec.importSeconds }),
  );
  const handles = await mapLimited(
    Array.from({ length: spec.waits }, (_, i) => i),
    START_CONCURRENCY,
    async (i): Promise<{ handle: WorkflowHandle; taskId?: string }> => {
      if (spec.kind === 'no-op') {
        const handle = await client.workflow.start('noOpLoop', {
          taskQueue,
          workflowId: `${taskQueue}-${i}`,
          args: [spec.iterations ?? 1, spec.intervalMs ?? 0],
        });
        return { handle };
      }
      const taskId = taskIds[i]!;
      const handle =
        spec.kind === 'library' || spec.kind === 'library-unspread'
          ? await startAwaitImportTask(
              client,
              { taskIdentifier: taskId },
              {
                taskQueue,
                ...(spec.kind === 'library-unspread' && { workflowId: unspreadWorkflowId(taskQueue, i) }),
              },
            )
          : await client.workflow.start('handWrittenLoop', {
              taskQueue,
              workflowId: `${taskQueue}-${i}`,
              args: [taskId, spec.intervalMs ?? 60_000],
            });
      return { handle, taskId };
    },
  );
  // Detection is read from each result (when the wait saw the end), not from when the bench got it.
  const outcomes = await mapLimited(handles, RESULT_CONCURRENCY, async ({ handle, taskId }) => {
    const result: unknown = await handle.result();
    if (spec.kind === 'no-op') return { calls: (result as { calls: number }).calls };
    const calls = emulator.countRequests({ operation: 'GetImportTask', taskId });
    if (spec.kind === 'library' || spec.kind === 'library-unspread') {
      const { task } = result as AwaitImportTaskResult;
      const endMs = endedAtMs(task.details?.startTime, task.details?.timeElapsedSeconds);
      return { calls, detectionMs: Date.parse(task.observedAt) - endMs };
    }
    const answer = result as HandWrittenAnswer;
    return {
      calls,
      detectionMs: Date.parse(answer.observedAt) - endedAtMs(answer.startTime, answer.timeElapsedSeconds),
    };
  });
  const wallSeconds = (Date.now() - startedAtMs) / 1000;
  const after = { worker: worker.usage(), server: serverPid ? processUsage(serverPid) : undefined };
  const histories = await Promise.all(
    handles.slice(0, HISTORY_SAMPLE).map(async ({ handle }) => (await handle.describe()).historyLength),
  );
  await worker.stop();
  const delays = outcomes
    .flatMap((o) => ('detectionMs' in o && o.detectionMs !== undefined ? [o.detectionMs] : []))
    .sort((a, b) => a - b);
  return {
    ...spec,
    meanCalls: outcomes.reduce((sum, o) => sum + o.calls, 0) / outcomes.length,
    p50DetectionMs: percentile(delays, 0.5),
    p95DetectionMs: percentile(delays, 0.95),
    maxDetectionMs: delays.at(-1) ?? NaN,
    wallSeconds,
    idealSeconds:
      spec.kind === 'no-op'
        ? (((spec.iterations ?? 1) - 1) * (spec.intervalMs ?? 0)) / 1000
        : spec.importSeconds,
    workerCpuSeconds: after.worker.cpuSeconds - before.worker.cpuSeconds,
    serverCpuSeconds:
      after.server && before.server ? after.server.cpuSeconds - before.server.cpuSeconds : NaN,
    workerPeakRssBytes: after.worker.peakRssBytes,
    meanHistoryEvents: histories.reduce((sum, n) => sum + n, 0) / histories.length,
  };
}
