import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CreateGraphUsingImportTaskCommand,
  GetGraphCommand,
  GetImportTaskCommand,
  ListImportTasksCommand,
} from '@aws-sdk/client-neptune-graph';
import { ROLE_ARN, useHarnessWithTwoTasks, type Harness } from './harness';

describe('request log', () => {
  let h: Harness;
  let a: string;
  let b: string;
  useHarnessWithTwoTasks((fresh) => ({ h, a, b } = fresh));

  const get = (taskIdentifier: string) => h.client.send(new GetImportTaskCommand({ taskIdentifier }));

  it('counts requests per operation and per task', async () => {
    await get(a);
    await get(a);
    await get(b);
    await h.client.send(new ListImportTasksCommand({}));
    assert.equal(h.emulator.countRequests(), 4);
    assert.equal(h.emulator.countRequests({ operation: 'GetImportTask' }), 3);
    assert.equal(h.emulator.countRequests({ taskId: a }), 2);
    assert.equal(h.emulator.countRequests({ operation: 'GetImportTask', taskId: b }), 1);
    assert.equal(h.emulator.countRequests({ operation: 'CancelImportTask' }), 0);
  });

  it('records operation, ids, time, status, error type, fault and the request id the client saw', async () => {
    h.clock.advanceSeconds(10);
    const out = await get(a);
    h.emulator.addFault({ kind: 'ThrottlingException', count: 1 });
    await get(b).catch(() => undefined);
    const [ok, throttled] = h.emulator.requests;
    assert.deepEqual(ok, {
      operation: 'GetImportTask',
      taskId: a,
      graphId: out.graphId,
      at: h.clock.ms,
      httpStatus: 200,
      answeredStatus: out.status,
      requestId: out.$metadata.requestId,
    });
    assert.equal(throttled?.httpStatus, 429);
    assert.equal(throttled?.errorType, 'ThrottlingException');
    assert.equal(throttled?.fault, 'ThrottlingException');
    assert.equal(throttled?.taskId, b);
  });

  it('records the ids a create returned, and graph ids of GetGraph', async () => {
    const created = await h.client.send(
      new CreateGraphUsingImportTaskCommand({ graphName: 'logged', source: 's3://b/', roleArn: ROLE_ARN }),
    );
    await h.client.send(new GetGraphCommand({ graphIdentifier: created.graphId }));
    const [create, graph] = h.emulator.requests;
    assert.equal(create?.taskId, created.taskId);
    assert.equal(create?.graphId, created.graphId);
    assert.equal(graph?.operation, 'GetGraph');
    assert.equal(graph?.graphId, created.graphId);
  });

  it('logs a dropped connection with status 0', async () => {
    h.emulator.addFault({ kind: 'dropConnection', count: 1 });
    await get(a).catch(() => undefined);
    assert.deepEqual(
      h.emulator.requests.map((r) => [r.httpStatus, r.fault]),
      [[0, 'dropConnection']],
    );
  });

  it('logs a request on arrival: visible with status 0 while an injected latency holds the answer', async () => {
    h.emulator.addFault({ kind: 'latency', latencyMs: 300, count: 1 });
    const pending = get(a);
    while (h.emulator.countRequests({ taskId: a }) === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(h.emulator.requests[0]?.httpStatus, 0);
    await pending;
    assert.equal(h.emulator.requests[0]?.httpStatus, 200);
    assert.equal(h.emulator.requests[0]?.fault, 'latency');
  });

  it('requests is a copy, and clearRequests empties the log', async () => {
    await get(a);
    const copy = h.emulator.requests;
    copy.pop();
    assert.equal(h.emulator.requests.length, 1);
    h.emulator.clearRequests();
    assert.equal(h.emulator.countRequests(), 0);
  });
});
