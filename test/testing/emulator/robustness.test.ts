import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { GetImportTaskCommand } from '@aws-sdk/client-neptune-graph';
import { startHarness, type Harness } from './harness';

async function raw(h: Harness, path: string, init: RequestInit = {}) {
  const res = await fetch(`${h.emulator.endpoint}${path}`, init);
  const text = await res.text();
  return { res, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('robustness: garbage in, AWS-shaped errors out, and the server keeps serving', () => {
  let h: Harness;
  let taskId: string;
  before(async () => {
    h = await startHarness();
    taskId = h.emulator.addTask({ graphId: 'g-robustness' });
  });
  after(() => h.close());

  it('an unparseable JSON body is a 400 ValidationException (BAD_REQUEST)', async () => {
    const { res, json } = await raw(h, '/graphs/g-other00000/importtasks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"source": "s3://b/", roleArn',
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ValidationException');
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(json()['reason'], 'BAD_REQUEST');
    assert.equal(typeof json()['message'], 'string');
  });

  it('a JSON body that is not an object is a 400 ValidationException', async () => {
    const { res } = await raw(h, '/importtasks', { method: 'POST', body: '[1,2,3]' });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ValidationException');
  });

  it('a member of the wrong type is a 400 ValidationException', async () => {
    const { res } = await raw(h, '/importtasks', {
      method: 'POST',
      body: JSON.stringify({ graphName: 'abc', source: 42, roleArn: 'arn:aws:iam::123456789012:role/r' }),
    });
    assert.equal(res.status, 400);
  });

  it('an unknown path is a 404 UnknownOperationException', async () => {
    const { res, json } = await raw(h, '/no/such/thing');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    assert.equal(typeof json()['message'], 'string');
    assert.equal(h.emulator.requests.at(-1)?.operation, 'UnknownOperation');
  });

  it('a known path with the wrong method is a 404 UnknownOperationException', async () => {
    const { res } = await raw(h, `/importtasks/${taskId}`, { method: 'PUT', body: '{}' });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });

  it('bad ids (task, graph, broken percent-encoding) are 400 ValidationExceptions', async () => {
    for (const path of [
      '/importtasks/nope',
      '/importtasks/%E0%A4%A',
      '/graphs/not-a-graph',
      '/importtasks/T-ABCDEFGHIJ',
    ]) {
      const { res, json } = await raw(h, path);
      assert.equal(res.status, 400, path);
      assert.equal(json()['reason'], 'CONSTRAINT_VIOLATION', path);
    }
  });

  it('every answer carries an x-amzn-requestid uuid', async () => {
    for (const path of ['/importtasks', `/importtasks/${taskId}`, '/nowhere']) {
      const { res } = await raw(h, path);
      assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/, path);
    }
  });

  it('malformed HTTP on a raw socket gets a 400 and the server carries on', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.emulator.port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
  });

  it('a thrown bug inside a handler becomes a 500 InternalServerException, and serving continues', async () => {
    const state = (h.emulator as unknown as { state: { taskState: unknown } }).state;
    const original = state.taskState;
    state.taskState = () => {
      throw new Error('boom');
    };
    try {
      const { res, json } = await raw(h, `/importtasks/${taskId}`);
      assert.equal(res.status, 500);
      assert.equal(res.headers.get('x-amzn-errortype'), 'InternalServerException');
      assert.match(String(json()['message']), /boom/);
    } finally {
      state.taskState = original;
    }
  });

  it('after all of that the SDK is still served', async () => {
    const out = await h.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
    assert.equal(out.taskId, taskId);
  });
});
