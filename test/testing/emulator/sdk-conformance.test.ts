import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AccessDeniedException,
  CancelImportTaskCommand,
  ConflictException,
  CreateGraphUsingImportTaskCommand,
  GetGraphCommand,
  ListGraphsCommand,
  GetImportTaskCommand,
  InternalServerException,
  ListImportTasksCommand,
  NeptuneGraphClient,
  ResourceNotFoundException,
  StartImportTaskCommand,
  ThrottlingException,
  ValidationException,
  paginateListImportTasks,
} from '@aws-sdk/client-neptune-graph';
import { CREDENTIALS, ROLE_ARN, rejection, startHarness, type Harness } from './harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('SDK conformance: the emulated operations', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());
  beforeEach(() => {
    h.emulator.setScenario({});
    h.emulator.clearRequests();
  });

  it('StartImportTask answers 201 with the new task in its first status', async () => {
    const graphId = h.emulator.addGraph({ graphId: 'g-0123456789' });
    const out = await h.client.send(
      new StartImportTaskCommand({
        graphIdentifier: graphId,
        source: 's3://bucket/data/',
        roleArn: ROLE_ARN,
        format: 'CSV',
      }),
    );
    assert.equal(out.$metadata.httpStatusCode, 201);
    assert.match(out.taskId ?? '', /^t-[a-z0-9]{10}$/);
    assert.equal(out.graphId, graphId);
    assert.equal(out.status, 'INITIALIZING');
    assert.equal(out.source, 's3://bucket/data/');
    assert.equal(out.roleArn, ROLE_ARN);
    assert.equal(out.format, 'CSV');
    assert.match(out.$metadata.requestId ?? '', UUID);
  });

  it('GetImportTask answers the full output, startTime as a Date from epoch seconds', async () => {
    const taskId = h.emulator.addTask({
      timeline: 'succeeds',
      durationSeconds: 1000,
      startedSecondsAgo: 500,
      importOptions: {
        neptune: { s3ExportPath: 's3://export/', s3ExportKmsKeyId: 'kms-key', preserveEdgeIds: true },
      },
    });
    const out = await h.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.equal(out.taskId, taskId);
    assert.equal(out.status, 'IMPORTING');
    assert.equal(out.attemptNumber, 1);
    assert.deepEqual(out.importOptions, {
      neptune: { s3ExportPath: 's3://export/', s3ExportKmsKeyId: 'kms-key', preserveEdgeIds: true },
    });
    const details = out.importTaskDetails;
    assert.ok(details);
    assert.equal(details.status, 'IMPORTING');
    assert.ok(details.startTime instanceof Date);
    assert.equal(details.startTime.getTime(), h.clock.ms - 500_000);
    assert.equal(details.timeElapsedSeconds, 500);
    assert.ok((details.progressPercentage ?? 0) > 0);
    assert.ok((details.statementCount ?? 0) > 0);
    assert.ok((details.dictionaryEntryCount ?? 0) > 0);
    assert.equal(details.errorCount, 0);
  });

  it('ListImportTasks lists the tasks as ImportTaskSummary', async () => {
    const a = h.emulator.addTask({ format: 'OPEN_CYPHER' });
    const b = h.emulator.addTask({ timeline: 'succeeds', startedSecondsAgo: 10_000 });
    const out = await h.client.send(new ListImportTasksCommand({ maxResults: 10 }));
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.deepEqual(
      out.tasks?.map((t) => [t.taskId, t.status, t.format]),
      [
        [a, 'INITIALIZING', 'OPEN_CYPHER'],
        [b, 'SUCCEEDED', 'CSV'],
      ],
    );
    assert.equal(out.nextToken, undefined);
  });

  it('CancelImportTask answers 200 with status CANCELLING', async () => {
    const taskId = h.emulator.addTask({ startedSecondsAgo: 600 });
    const out = await h.client.send(new CancelImportTaskCommand({ taskIdentifier: taskId }));
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.equal(out.taskId, taskId);
    assert.equal(out.status, 'CANCELLING');
  });

  it('CreateGraphUsingImportTask answers 201 and creates a g- graph that is IMPORTING, then AVAILABLE', async () => {
    const out = await h.client.send(
      new CreateGraphUsingImportTaskCommand({
        graphName: 'movies',
        source: 's3://bucket/movies/',
        roleArn: ROLE_ARN,
        format: 'OPEN_CYPHER',
        maxProvisionedMemory: 256,
      }),
    );
    assert.equal(out.$metadata.httpStatusCode, 201);
    assert.match(out.graphId ?? '', /^g-[a-z0-9]{10}$/);
    assert.match(out.taskId ?? '', /^t-[a-z0-9]{10}$/);
    assert.equal(out.status, 'INITIALIZING');
    const graph = await h.client.send(new GetGraphCommand({ graphIdentifier: out.graphId }));
    assert.equal(graph.status, 'IMPORTING');
    assert.equal(graph.name, 'movies');
    h.clock.advanceSeconds(3600);
    const later = await h.client.send(new GetGraphCommand({ graphIdentifier: out.graphId }));
    assert.equal(later.status, 'AVAILABLE');
  });

  it('ListGraphs answers graph summaries in pages, names included', async () => {
    const made = ['alpha', 'beta', 'gamma'].map((name) => h.emulator.addGraph({ name }));
    const first = await h.client.send(new ListGraphsCommand({ maxResults: 2 }));
    assert.equal(first.$metadata.httpStatusCode, 200);
    assert.ok(first.nextToken, 'more pages');
    const rest = await h.client.send(new ListGraphsCommand({ maxResults: 100, nextToken: first.nextToken }));
    const all = [...(first.graphs ?? []), ...(rest.graphs ?? [])];
    for (const [i, id] of made.entries()) {
      const summary = all.find((graph) => graph.id === id);
      assert.equal(summary?.name, ['alpha', 'beta', 'gamma'][i]);
      assert.equal(summary?.arn, `arn:aws:neptune-graph:us-east-1:123456789012:graph/${id}`);
    }
    assert.equal(new Set(all.map((graph) => graph.id)).size, all.length, 'no graph twice');
  });

  it('GetGraph answers the graph with epoch-second createTime, arn and endpoint', async () => {
    const graphId = h.emulator.addGraph({
      graphId: 'g-abcdefghij',
      name: 'social',
      provisionedMemory: 64,
      createdSecondsAgo: 60,
    });
    const out = await h.client.send(new GetGraphCommand({ graphIdentifier: graphId }));
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.equal(out.id, graphId);
    assert.equal(out.name, 'social');
    assert.equal(out.status, 'AVAILABLE');
    assert.equal(out.arn, `arn:aws:neptune-graph:us-east-1:123456789012:graph/${graphId}`);
    assert.ok(out.createTime instanceof Date);
    assert.equal(out.createTime.getTime(), h.clock.ms - 60_000);
    assert.equal(out.provisionedMemory, 64);
    assert.equal(out.endpoint, `${graphId}.us-east-1.neptune-graph.amazonaws.com`);
    assert.equal(out.publicConnectivity, false);
    assert.equal(out.replicaCount, 1);
    assert.equal(typeof out.deletionProtection, 'boolean');
  });

  it('StartImportTask on an unknown g- id creates the graph (autoCreateGraphs, the default)', async () => {
    const out = await h.client.send(
      new StartImportTaskCommand({ graphIdentifier: 'g-newgraph01', source: 's3://b/', roleArn: ROLE_ARN }),
    );
    assert.equal(out.graphId, 'g-newgraph01');
    const graph = await h.client.send(new GetGraphCommand({ graphIdentifier: 'g-newgraph01' }));
    assert.equal(graph.status, 'IMPORTING');
  });
});

describe('SDK conformance: endpoint from AWS_ENDPOINT_URL_NEPTUNE_GRAPH', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());

  it('a client configured only by the standard environment variable reaches the emulator', async () => {
    const taskId = h.emulator.addTask();
    const saved = process.env['AWS_ENDPOINT_URL_NEPTUNE_GRAPH'];
    process.env['AWS_ENDPOINT_URL_NEPTUNE_GRAPH'] = h.emulator.endpoint;
    const client = new NeptuneGraphClient({ region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      const out = await client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
      assert.equal(out.taskId, taskId);
      assert.equal(h.emulator.countRequests({ operation: 'GetImportTask', taskId }), 1);
    } finally {
      client.destroy();
      if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_NEPTUNE_GRAPH'];
      else process.env['AWS_ENDPOINT_URL_NEPTUNE_GRAPH'] = saved;
    }
  });
});

describe('SDK conformance: errors arrive as the SDK exception classes', () => {
  let h: Harness;
  let taskId: string;
  before(async () => (h = await startHarness()));
  after(() => h.close());
  beforeEach(() => {
    h.emulator.setScenario({});
    taskId = h.emulator.addTask({ graphId: 'g-errorgraph' });
  });

  const get = () => h.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));

  const injected = [
    ['ThrottlingException', ThrottlingException, 429, undefined],
    ['InternalServerException', InternalServerException, 500, undefined],
    ['ValidationException', ValidationException, 400, 'BAD_REQUEST'],
    ['ResourceNotFoundException', ResourceNotFoundException, 404, undefined],
    ['AccessDeniedException', AccessDeniedException, 403, undefined],
    ['ConflictException', ConflictException, 409, 'CONCURRENT_MODIFICATION'],
  ] as const;
  for (const [kind, cls, status, reason] of injected) {
    it(`an injected ${kind} is an instance of the SDK's ${kind} with HTTP ${status}`, async () => {
      h.emulator.addFault({ kind, operation: 'GetImportTask', count: 1 });
      const err = await rejection(get);
      assert.ok(err instanceof cls, `got ${err.name}`);
      assert.equal(err.name, kind);
      assert.equal(err.$metadata.httpStatusCode, status);
      assert.equal(err.$metadata.attempts, 1);
      assert.equal((err as { reason?: string }).reason, reason);
      assert.ok(err.message.length > 0);
    });
  }

  it('a Retry-After header accompanies a throttle when asked for', async () => {
    h.emulator.addFault({ kind: 'ThrottlingException', retryAfterSeconds: 7, count: 1 });
    const res = await fetch(`${h.emulator.endpoint}/importtasks/${taskId}`);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.equal(res.headers.get('x-amzn-errortype'), 'ThrottlingException');
  });

  it('a malformed task identifier is a ValidationException (CONSTRAINT_VIOLATION) naming the pattern', async () => {
    const err = await rejection(() => h.client.send(new GetImportTaskCommand({ taskIdentifier: 't-abc/1' })));
    assert.ok(err instanceof ValidationException);
    assert.equal(err.$metadata.httpStatusCode, 400);
    assert.equal(err.reason, 'CONSTRAINT_VIOLATION');
    assert.equal(
      err.message,
      "1 validation error detected: Value 't-abc/1' at 'taskIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: t-[a-z0-9]{10}",
    );
  });

  it('a well-formed unknown task id is a ResourceNotFoundException', async () => {
    const err = await rejection(() =>
      h.client.send(new GetImportTaskCommand({ taskIdentifier: 't-0000000000' })),
    );
    assert.ok(err instanceof ResourceNotFoundException);
    assert.equal(err.$metadata.httpStatusCode, 404);
  });

  it('StartImportTask while the graph has a running import is a ConflictException (CONCURRENT_MODIFICATION)', async () => {
    const err = await rejection(() =>
      h.client.send(
        new StartImportTaskCommand({ graphIdentifier: 'g-errorgraph', source: 's3://b/', roleArn: ROLE_ARN }),
      ),
    );
    assert.ok(err instanceof ConflictException);
    assert.equal(err.$metadata.httpStatusCode, 409);
    assert.equal(err.reason, 'CONCURRENT_MODIFICATION');
  });

  it('StartImportTask on an unknown graph is a ResourceNotFoundException when autoCreateGraphs is off', async () => {
    h.emulator.setScenario({ autoCreateGraphs: false });
    const err = await rejection(() =>
      h.client.send(
        new StartImportTaskCommand({ graphIdentifier: 'g-missing000', source: 's3://b/', roleArn: ROLE_ARN }),
      ),
    );
    assert.ok(err instanceof ResourceNotFoundException);
  });

  it('cancelling a task that already succeeded is a ConflictException', async () => {
    const done = h.emulator.addTask({ startedSecondsAgo: 100_000 });
    const err = await rejection(() => h.client.send(new CancelImportTaskCommand({ taskIdentifier: done })));
    assert.ok(err instanceof ConflictException);
    assert.equal(err.$metadata.httpStatusCode, 409);
  });

  it('a missing required member is a ValidationException (CONSTRAINT_VIOLATION)', async () => {
    const err = await rejection(() =>
      h.client.send(new CreateGraphUsingImportTaskCommand({ graphName: 'x', source: 's3://b/' } as never)),
    );
    assert.ok(err instanceof ValidationException);
    assert.equal(err.reason, 'CONSTRAINT_VIOLATION');
    assert.match(err.message, /'roleArn'/);
  });

  it('maxResults outside 1..100 is a ValidationException', async () => {
    for (const maxResults of [0, 101]) {
      const err = await rejection(() => h.client.send(new ListImportTasksCommand({ maxResults })));
      assert.ok(err instanceof ValidationException, `maxResults ${maxResults}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
    }
  });

  it('an invalid nextToken is a ValidationException', async () => {
    const err = await rejection(() =>
      h.client.send(new ListImportTasksCommand({ nextToken: 'not-a-token' })),
    );
    assert.ok(err instanceof ValidationException);
    assert.equal(err.$metadata.httpStatusCode, 400);
  });

  it('an HTML 502 from a proxy surfaces as the SDK deserialization error (SyntaxError) with status 502', async () => {
    h.emulator.addFault({ kind: 'html502', count: 1 });
    const err = await rejection(get);
    assert.equal(err.name, 'SyntaxError');
    assert.match(err.message, /Deserialization error/);
    assert.equal(err.$metadata.httpStatusCode, 502);
    assert.equal(err.$response?.statusCode, 502);
  });

  it('an HTML 503 surfaces the same way with status 503', async () => {
    h.emulator.addFault({ kind: 'html503', count: 1 });
    const err = await rejection(get);
    assert.equal(err.name, 'SyntaxError');
    assert.equal(err.$metadata.httpStatusCode, 503);
  });

  it('a truncated JSON body surfaces as a SyntaxError with status 200', async () => {
    h.emulator.addFault({ kind: 'malformedJson', count: 1 });
    const err = await rejection(get);
    assert.equal(err.name, 'SyntaxError');
    assert.match(err.message, /Deserialization error/);
    assert.equal(err.$metadata.httpStatusCode, 200);
    assert.equal(err.$response?.statusCode, 200);
  });

  it('a dropped connection surfaces as a network error without an HTTP status', async () => {
    h.emulator.addFault({ kind: 'dropConnection', count: 1 });
    const err = await rejection(get);
    assert.equal(err.code, 'ECONNRESET');
    assert.equal(err.$metadata?.httpStatusCode, undefined);
    const out = await get();
    assert.equal(out.taskId, taskId, 'the next request is served');
  });

  it('an unknown import option arrives as { $unknown: [name, value] }', async () => {
    h.emulator.addFault({ kind: 'unknownImportOption', count: 1 });
    const out = await get();
    assert.deepEqual(out.importOptions, {
      $unknown: ['futureFormat', { compression: 'ZSTD', schemaVersion: 2 }],
    });
  });

  it('an unknown status arrives as is, at the top level and in importTaskDetails', async () => {
    h.emulator.addFault({ kind: 'unknownStatus', status: 'QUANTUM_SYNCING', count: 1 });
    const out = await get();
    assert.equal(out.status, 'QUANTUM_SYNCING');
    assert.equal(out.importTaskDetails?.status, 'QUANTUM_SYNCING');
  });
});

describe('SDK conformance: paging', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());

  it('250 tasks with maxResults 100 come back in 3 pages, each task exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 250; i++) ids.add(h.emulator.addTask({ startedSecondsAgo: i * 10 }));
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListImportTasks({ client: h.client, pageSize: 100 }, {})) {
      pages++;
      assert.ok((page.tasks?.length ?? 0) <= 100);
      for (const t of page.tasks ?? []) seen.push(t.taskId ?? '');
    }
    assert.equal(pages, 3);
    assert.equal(seen.length, 250);
    assert.deepEqual(new Set(seen), ids);
    assert.equal(h.emulator.countRequests({ operation: 'ListImportTasks' }), 3);
  });

  it('a task added between pages does not make another task repeat or vanish', async () => {
    h.emulator.setScenario({});
    for (let i = 0; i < 5; i++) h.emulator.addTask();
    const first = await h.client.send(new ListImportTasksCommand({ maxResults: 3 }));
    const added = h.emulator.addTask();
    const second = await h.client.send(
      new ListImportTasksCommand({ maxResults: 3, nextToken: first.nextToken }),
    );
    const all = [...(first.tasks ?? []), ...(second.tasks ?? [])].map((t) => t.taskId);
    assert.equal(new Set(all).size, 6);
    assert.ok(all.includes(added));
  });
});
