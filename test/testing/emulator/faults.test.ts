import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GetImportTaskCommand,
  StartImportTaskCommand,
  ListImportTasksCommand,
  ThrottlingException,
} from '@aws-sdk/client-neptune-graph';
import { FaultInjector, type Fault } from '../../../src/testing/emulator/faults';
import { mulberry32 } from '../../../src/testing/seeded-random';
import { rejection, ROLE_ARN, startHarness, useHarnessWithTwoTasks, type Harness } from './harness';

describe('FaultInjector', () => {
  const request = { operation: 'GetImportTask' as const, clockSeconds: 0 };

  it('a counted fault hits that many matching requests and is then spent', () => {
    const faults = new FaultInjector(mulberry32(1), [{ kind: 'ThrottlingException', count: 2 }]);
    const hits = [1, 2, 3, 4].map(() => faults.decide(request).fault?.kind);
    assert.deepEqual(hits, ['ThrottlingException', 'ThrottlingException', undefined, undefined]);
    assert.deepEqual(faults.list(), []);
  });

  it('a request that does not match the operation does not spend the count', () => {
    const faults = new FaultInjector(mulberry32(1), [
      { kind: 'html502', operation: 'ListImportTasks', count: 1 },
    ]);
    assert.equal(faults.decide(request).fault, undefined);
    assert.equal(faults.decide({ operation: 'ListImportTasks', clockSeconds: 0 }).fault?.kind, 'html502');
  });

  it('rate draws from the seeded stream: same seed, same hits; about the rate over many requests', () => {
    const pattern = (seed: number) => {
      const faults = new FaultInjector(mulberry32(seed), [{ kind: 'InternalServerException', rate: 0.3 }]);
      return Array.from({ length: 200 }, () => (faults.decide(request).fault ? 1 : 0));
    };
    assert.deepEqual(pattern(7), pattern(7));
    assert.notDeepEqual(pattern(7), pattern(8));
    const hits = pattern(7).reduce((a: number, b) => a + b, 0);
    assert.ok(hits > 30 && hits < 90, `hits ${hits}`);
  });

  it('latency adds up and composes with one other fault; the first other fault wins', () => {
    const faults = new FaultInjector(mulberry32(1), [
      { kind: 'latency', latencyMs: 10 },
      { kind: 'ThrottlingException' },
      { kind: 'latency', latencyMs: 5 },
      { kind: 'html503' },
    ]);
    const decision = faults.decide(request);
    assert.equal(decision.latencyMs, 15);
    assert.equal(decision.fault?.kind, 'ThrottlingException');
  });

  it('a window bounds the fault to [fromSeconds, toSeconds)', () => {
    const faults = new FaultInjector(mulberry32(1), [
      { kind: 'html502', window: { fromSeconds: 10, toSeconds: 20 } },
    ]);
    const at = (s: number) => faults.decide({ ...request, clockSeconds: s }).fault?.kind;
    assert.deepEqual([at(9), at(10), at(19.9), at(20)], [undefined, 'html502', 'html502', undefined]);
  });
});

describe('faults through the emulator', () => {
  let h: Harness;
  let a: string;
  let b: string;
  useHarnessWithTwoTasks((fresh) => ({ h, a, b } = fresh));

  const get = (taskIdentifier: string) => h.client.send(new GetImportTaskCommand({ taskIdentifier }));

  it('slowAnswer: the start takes effect at once, its answer comes later', async () => {
    h.emulator.addFault({ operation: 'StartImportTask', kind: 'slowAnswer', latencyMs: 400, count: 1 });
    const graphIdentifier = 'g-slowanswer';
    const answer = h.client.send(
      new StartImportTaskCommand({ graphIdentifier, source: 's3://bucket/x/', roleArn: ROLE_ARN }),
    );
    let pendingWhenStarted = true;
    void answer.finally(() => (pendingWhenStarted = false));
    while (h.emulator.getGraph(graphIdentifier) === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(pendingWhenStarted, 'the task existed before the answer arrived');
    assert.equal((await answer).graphId, graphIdentifier);
    assert.equal(h.emulator.countRequests({ operation: 'StartImportTask' }), 1);
  });

  it('count: two throttles, then the task is served', async () => {
    h.emulator.addFault({ kind: 'ThrottlingException', operation: 'GetImportTask', count: 2 });
    assert.ok((await rejection(() => get(a))) instanceof ThrottlingException);
    assert.ok((await rejection(() => get(a))) instanceof ThrottlingException);
    assert.equal((await get(a)).taskId, a);
    assert.equal(h.emulator.activeFaults.length, 0);
  });

  it('a per-task fault does not touch another task', async () => {
    h.emulator.addFault({ kind: 'InternalServerException', taskId: a });
    assert.equal((await get(b)).taskId, b);
    assert.equal((await rejection(() => get(a))).name, 'InternalServerException');
    assert.equal((await get(b)).taskId, b);
  });

  it('a window on the task clock: only while the task is between 100 and 200 emulated seconds old', async () => {
    h.emulator.addFault({
      kind: 'ThrottlingException',
      taskId: a,
      window: { fromSeconds: 100, toSeconds: 200 },
    });
    assert.equal((await get(a)).taskId, a);
    h.clock.advanceSeconds(150);
    assert.ok((await rejection(() => get(a))) instanceof ThrottlingException);
    h.clock.advanceSeconds(100);
    assert.equal((await get(a)).taskId, a);
  });

  it('a window with no task uses emulated seconds since the emulator started', async () => {
    const now = h.emulator.emulatedSeconds;
    h.emulator.addFault({ kind: 'html503', operation: 'ListImportTasks', window: { fromSeconds: now + 60 } });
    const list = () => h.client.send(new ListImportTasksCommand({}));
    assert.ok((await list()).tasks);
    h.clock.advanceSeconds(61);
    assert.equal((await rejection(list)).$metadata.httpStatusCode, 503);
  });

  it('rate with a seed gives the same answers in two emulators', async () => {
    const run = async () => {
      const other = await startHarness({ seed: 99 });
      try {
        const taskId = other.emulator.addTask({ taskId: 't-samesame00' });
        other.emulator.addFault({ kind: 'ThrottlingException', rate: 0.5 });
        for (let i = 0; i < 20; i++)
          await other.client
            .send(new GetImportTaskCommand({ taskIdentifier: taskId }))
            .catch(() => undefined);
        return other.emulator.requests.map((r) => r.httpStatus);
      } finally {
        await other.close();
      }
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    assert.ok(first.includes(200) && first.includes(429));
  });

  it('latency delays the answer and composes with an error', async () => {
    const faults: Fault[] = [
      { kind: 'latency', latencyMs: 150, count: 1 },
      { kind: 'ThrottlingException', count: 1 },
    ];
    for (const f of faults) h.emulator.addFault(f);
    const started = Date.now();
    const err = await rejection(() => get(a));
    assert.ok(Date.now() - started >= 140);
    assert.ok(err instanceof ThrottlingException);
  });

  it('ExpiredTokenException: a 403 the SDK names as such, as AWS answers an expired session token', async () => {
    h.emulator.addFault({ taskId: a, kind: 'ExpiredTokenException', count: 1 });
    const error = await get(a).then(
      () => assert.fail('expected the call to fail'),
      (e: { name: string; $metadata: { httpStatusCode?: number } }) => e,
    );
    assert.equal(error.name, 'ExpiredTokenException');
    assert.equal(error.$metadata.httpStatusCode, 403);
  });

  it('goOffline refuses connections, keeping every task; goOnline serves again on the same port', async () => {
    const { port } = h.emulator;
    await h.emulator.goOffline();
    const failedCode = () =>
      get(a).then(
        () => assert.fail('expected the call to fail'),
        (e: { code?: string }) => e.code,
      );
    // A kept-alive socket the client had not yet seen closed is reset; new connections are refused.
    assert.ok(['ECONNRESET', 'ECONNREFUSED'].includes((await failedCode()) ?? ''));
    assert.equal(await failedCode(), 'ECONNREFUSED');
    await h.emulator.goOnline();
    assert.equal(h.emulator.port, port);
    assert.equal((await get(a)).taskId, a);
  });

  it('clearFaults removes every fault', async () => {
    h.emulator.addFault({ kind: 'html502' });
    h.emulator.clearFaults();
    assert.equal((await get(a)).taskId, a);
  });

  it('addFault rejects a fault it cannot honour, naming the field', () => {
    assert.throws(() => h.emulator.addFault({ kind: 'teapot' } as never), /fault\.kind: must be one of/);
    assert.throws(() => h.emulator.addFault({ kind: 'latency' }), /fault\.latencyMs: is required/);
  });
});
