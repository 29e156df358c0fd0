/**
 * The Neptune endpoint misbehaving under running waits: gone for a while (connection refused), throttling
 * half the calls, 5xx bursts, a load balancer's HTML 502s, malformed JSON, resets, answers slower than the
 * request timeout, unknown statuses and union members, expired tokens. Each wait rides it out and ends
 * SUCCEEDED; a permanent answer (access denied, not found, validation) ends a wait after exactly one call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { FailureType } from '../../src/model/failure-types';
import type { Fault } from '../../src/testing/emulator';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import type { awaitImportTask } from '../../workflows';
import { emulatorClient } from '../helpers/emulator';
import { eventually, workflowFailure } from '../helpers/failures';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';

/** Requests time out after 1 s here (20 s by default), so that a slow answer is a timeout. */
const REQUEST_TIMEOUT_MS = 1000;
let taskQueue: string;
let stopWorker: (() => Promise<void>) | undefined;

/** 60 emulated seconds per real second: each 4-minute import takes 4 s. */
const fixture = useTemporalAndEmulator(
  { timeScale: 60 },
  {
    async started({ temporal, emulator }) {
      taskQueue = temporal.taskQueue();
      const worker = await temporal.createWorker({
        taskQueue,
        neptune: { client: emulatorClient(emulator, { requestTimeoutMs: REQUEST_TIMEOUT_MS }) },
      });
      const running = worker.run();
      stopWorker = async () => {
        worker.shutdown();
        await running;
      };
    },
    stopping: async () => stopWorker?.(),
  },
);

function startWait(taskIdentifier: string): Promise<WorkflowHandle<typeof awaitImportTask>> {
  return startAwaitImportTask(
    fixture.temporal.client,
    { taskIdentifier, polling: FAST_POLLING },
    { taskQueue, workflowId: `outage-${taskIdentifier}` },
  );
}

const newImport = () => fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 240 });
const faultedAnswers = (taskId: string, kind: Fault['kind']) =>
  fixture.emulator.requests.filter((r) => r.taskId === taskId && r.fault === kind).length;

describe('the Neptune endpoint misbehaving mid-wait', () => {
  it('gone for a while (connection refused), then back: every wait ends SUCCEEDED', async () => {
    const taskIds = Array.from({ length: 5 }, newImport);
    const handles = await Promise.all(taskIds.map(startWait));
    await eventually(
      () => taskIds.every((taskId) => fixture.emulator.countRequests({ taskId }) >= 1),
      'every wait has polled',
    );
    await fixture.emulator.goOffline();
    const before = fixture.emulator.requests.length;
    // Gone for 3 s, 3 emulated minutes: most of each import, and several failed attempts per wait.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(fixture.emulator.requests.length, before, 'nothing reached the endpoint while it was gone');
    await fixture.emulator.goOnline();
    const results = await Promise.all(handles.map((handle) => handle.result()));
    assert.deepEqual(new Set(results.map((r) => r.task.status)), new Set(['SUCCEEDED']));
  });

  const transient: [string, Omit<Fault, 'taskId' | 'operation'>][] = [
    ['throttling on half the calls', { kind: 'ThrottlingException', rate: 0.5 }],
    ['a burst of 5xx answers', { kind: 'InternalServerException', count: 3 }],
    ["a load balancer's HTML 502 pages", { kind: 'html502', count: 3 }],
    ['malformed JSON', { kind: 'malformedJson', count: 3 }],
    ['connections reset', { kind: 'dropConnection', count: 3 }],
    ['answers slower than the request timeout', { kind: 'slowAnswer', latencyMs: 3000, count: 2 }],
    ['an unknown status', { kind: 'unknownStatus', count: 3 }],
    ['an unknown importOptions union member', { kind: 'unknownImportOption', count: 3 }],
    ['expired session tokens', { kind: 'ExpiredTokenException', count: 3 }],
  ];
  for (const [what, fault] of transient) {
    it(`${what}: the wait goes on and ends SUCCEEDED`, async () => {
      const taskId = newImport();
      fixture.emulator.addFault({ ...fault, operation: 'GetImportTask', taskId });
      const result = await (await startWait(taskId)).result();
      assert.equal(result.task.status, 'SUCCEEDED');
      const hits = faultedAnswers(taskId, fault.kind);
      if (fault.count !== undefined) assert.equal(hits, fault.count, 'every injected fault was met');
      else assert.ok(hits >= 1, 'the fault was met');
    });
  }

  const permanent: [Fault['kind'], string][] = [
    ['AccessDeniedException', FailureType.ACCESS_DENIED],
    ['ResourceNotFoundException', FailureType.NOT_FOUND],
    ['ValidationException', FailureType.VALIDATION],
  ];
  for (const [kind, type] of permanent) {
    it(`${kind} ends the wait with ${type} after exactly one GetImportTask call`, async () => {
      const taskId = newImport();
      fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind });
      const failure = await workflowFailure((await startWait(taskId)).result());
      assert.equal(failure.type, type);
      assert.equal(failure.nonRetryable, true);
      assert.equal(fixture.emulator.countRequests({ operation: 'GetImportTask', taskId }), 1);
    });
  }
});
