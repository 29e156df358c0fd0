import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApplicationFailureCategory } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createNeptuneImportActivities, type GetImportTaskInput } from '../../activities';
import type { ImportTaskSnapshot } from '../../src/model/import-task-snapshot';
import { FailureType } from '../../src/model/failure-types';
import { activityFailure } from '../helpers/failures';
import { emulatorClient, useEmulatorActivities } from '../helpers/emulator';

const fixture = useEmulatorActivities({ seed: 7 });

/** Deliberately loosely typed: tests send what a careless caller would. */
const getTask = (taskIdentifier: unknown, extra: object = {}): Promise<ImportTaskSnapshot> =>
  new MockActivityEnvironment().run(fixture.activities.getImportTask, {
    taskIdentifier,
    ...extra,
  } as GetImportTaskInput);

const calls = (taskId?: string) => fixture.emulator.countRequests({ operation: 'GetImportTask', taskId });

describe('getImportTask', () => {
  it('returns a plain-JSON snapshot of a running task in one call', async () => {
    const taskId = fixture.emulator.addTask({
      timeline: 'succeeds',
      durationSeconds: 3600,
      startedSecondsAgo: 1800,
    });
    const snapshot = await getTask(taskId);
    assert.equal(snapshot.taskId, taskId);
    assert.equal(snapshot.status, 'IMPORTING');
    assert.equal(snapshot.phase, 'running');
    assert.ok((snapshot.details?.progressPercentage ?? 0) > 0);
    assert.match(snapshot.details?.startTime ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
    assert.equal(calls(taskId), 1);
  });

  it('reports a finished import as succeeded', async () => {
    const taskId = fixture.emulator.addTask({
      timeline: 'succeeds',
      durationSeconds: 60,
      startedSecondsAgo: 120,
    });
    const snapshot = await getTask(taskId);
    assert.equal(snapshot.status, 'SUCCEEDED');
    assert.equal(snapshot.phase, 'succeeded');
  });

  it('keeps an unknown status as sent, with phase unknown', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'unknownStatus',
      status: 'QUANTUM_SYNCING',
    });
    const snapshot = await getTask(taskId);
    assert.equal(snapshot.status, 'QUANTUM_SYNCING');
    assert.equal(snapshot.phase, 'unknown');
    assert.equal(snapshot.unknownStatus, true);
  });

  it('keeps an unknown importOptions member', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'unknownImportOption' });
    const snapshot = await getTask(taskId);
    assert.ok(
      snapshot.importOptions && 'unknown' in snapshot.importOptions,
      JSON.stringify(snapshot.importOptions),
    );
  });

  it('rejects a malformed task id before any request, naming the field and the value', async () => {
    const failure = await activityFailure(getTask('t-NOPE\n'));
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.equal(failure.nonRetryable, true);
    assert.match(failure.message, /taskIdentifier/);
    assert.ok(failure.message.includes('"t-NOPE\\n"'), failure.message);
    assert.equal(fixture.emulator.requests.length, 0);
  });

  it('fails a missing task at once: not retryable, exactly one call', async () => {
    const failure = await activityFailure(getTask('t-0000000000'));
    assert.equal(failure.type, FailureType.NOT_FOUND);
    assert.equal(failure.nonRetryable, true);
    assert.equal(calls('t-0000000000'), 1);
  });

  it('names the operation, task, AWS error, HTTP status and request id, and keeps the SDK error as cause', async () => {
    const failure = await activityFailure(getTask('t-0000000000'));
    const requestId = fixture.emulator.requests[0]?.requestId;
    assert.ok(requestId);
    assert.match(failure.message, /^GetImportTask t-0000000000 failed: ResourceNotFoundException \(HTTP 404/);
    assert.ok(failure.message.includes(`request id ${requestId}`), failure.message);
    assert.equal(failure.cause?.name, 'ResourceNotFoundException');
    assert.deepEqual((failure.details?.[0] as { httpStatusCode?: number }).httpStatusCode, 404);
  });

  it('treats a missing task as not found yet within the grace period after a start', async () => {
    const graceUntil = new Date(Date.now() + 60_000).toISOString();
    const failure = await activityFailure(getTask('t-0000000001', { notFoundGraceUntil: graceUntil }));
    assert.equal(failure.type, FailureType.TASK_NOT_FOUND_YET);
    assert.equal(failure.nonRetryable, false);
    assert.equal(
      failure.category,
      ApplicationFailureCategory.BENIGN,
      'expected after a start: logged quietly',
    );
  });

  it('treats a missing task as not found once the grace period is over', async () => {
    const graceUntil = new Date(Date.now() - 1).toISOString();
    const failure = await activityFailure(getTask('t-0000000001', { notFoundGraceUntil: graceUntil }));
    assert.equal(failure.type, FailureType.NOT_FOUND);
  });

  const oneCallFailures = [
    { kind: 'ThrottlingException', type: FailureType.THROTTLED, nonRetryable: false },
    { kind: 'InternalServerException', type: FailureType.SERVER_ERROR, nonRetryable: false },
    { kind: 'html502', type: FailureType.SERVER_ERROR, nonRetryable: false },
    { kind: 'html503', type: FailureType.SERVER_ERROR, nonRetryable: false },
    { kind: 'malformedJson', type: FailureType.MALFORMED_RESPONSE, nonRetryable: false },
    { kind: 'dropConnection', type: FailureType.NETWORK_ERROR, nonRetryable: false },
    { kind: 'ValidationException', type: FailureType.VALIDATION, nonRetryable: true },
    { kind: 'AccessDeniedException', type: FailureType.ACCESS_DENIED, nonRetryable: true },
  ] as const;
  for (const { kind, type, nonRetryable } of oneCallFailures) {
    it(`${kind} → ${type}, ${nonRetryable ? 'not retryable' : 'retryable'}, after exactly one call`, async () => {
      const taskId = fixture.emulator.addTask({});
      fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind, count: 1 });
      const failure = await activityFailure(getTask(taskId));
      assert.equal(failure.type, type);
      assert.equal(failure.nonRetryable, nonRetryable);
      // Only throttling is retried by design; a server error or a denial is worth a warning.
      assert.equal(failure.category === ApplicationFailureCategory.BENIGN, kind === 'ThrottlingException');
      assert.equal(calls(taskId), 1, 'the SDK itself must not retry');
    });
  }

  it('passes a Retry-After answer header on as nextRetryDelay', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'ThrottlingException',
      retryAfterSeconds: 3,
    });
    const failure = await activityFailure(getTask(taskId));
    assert.equal(failure.nextRetryDelay, 3000);
  });

  it('succeeds on the attempt after a transient fault is spent', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'InternalServerException',
      count: 1,
    });
    await activityFailure(getTask(taskId));
    assert.equal((await getTask(taskId)).taskId, taskId);
    assert.equal(calls(taskId), 2);
  });

  it('redacts every credential value the client signs with, whole or in pieces, wherever a failure quotes it', async () => {
    const credentials = {
      accessKeyId: 'ASIAQUOTEDKEYID00042',
      secretAccessKey: 'quoted/Secret+Access+Key/0123456789abcdefABCD',
      sessionToken: 'IQoJb3JpZ2luX2VjEQuotedSessionToken//////////wEaCXVz',
    };
    const withSecrets = createNeptuneImportActivities({
      client: emulatorClient(fixture.emulator, { credentials }),
    });
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'AccessDeniedException',
      message:
        `key ${credentials.accessKeyId} secret ${credentials.secretAccessKey} token ${credentials.sessionToken} ` +
        `piece ${credentials.secretAccessKey.slice(10, 19)}`,
    });
    const failure = await activityFailure(
      new MockActivityEnvironment().run(withSecrets.getImportTask, { taskIdentifier: taskId }),
    );
    const written = [failure.message, JSON.stringify(failure.details), failure.cause?.message ?? ''].join(
      '\n',
    );
    for (const value of Object.values(credentials)) {
      for (let start = 0; start + 8 <= value.length; start++) {
        assert.ok(!written.includes(value.slice(start, start + 8)), `a piece of a credential in ${written}`);
      }
    }
    assert.match(
      failure.message,
      /AccessDeniedException .*: key <redacted> secret <redacted> token <redacted> piece <redacted>$/,
    );
  });

  it('fails without region as a configuration error, not retried', async () => {
    const saved = { region: process.env.AWS_REGION, defaultRegion: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      const noRegion = createNeptuneImportActivities({
        clientSettings: {
          endpoint: fixture.emulator.endpoint,
          credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
        },
      });
      const failure = await activityFailure(
        new MockActivityEnvironment().run(noRegion.getImportTask, { taskIdentifier: 't-0123456789' }),
      );
      assert.equal(failure.type, FailureType.CONFIGURATION);
      assert.equal(failure.nonRetryable, true);
      assert.equal(fixture.emulator.requests.length, 0);
    } finally {
      if (saved.region !== undefined) process.env.AWS_REGION = saved.region;
      if (saved.defaultRegion !== undefined) process.env.AWS_DEFAULT_REGION = saved.defaultRegion;
    }
  });

  it('retries an unknown 4xx until unknownErrorAttempts in a row, then gives it up with its cause', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'UnprocessableException' });
    const bounded = createNeptuneImportActivities({
      client: emulatorClient(fixture.emulator),
      unknownErrorAttempts: 4,
    });
    // The previous attempts' count arrives as heartbeat details, as the server hands them to a retry; the
    // attempt number (12: other failures came before) does not count.
    const after = (boundedFailures: number) =>
      activityFailure(
        new MockActivityEnvironment({ attempt: 12, heartbeatDetails: { boundedFailures } }).run(
          bounded.getImportTask,
          { taskIdentifier: taskId },
        ),
      );
    const early = await after(2);
    assert.equal(early.type, FailureType.UNEXPECTED);
    assert.equal(early.nonRetryable, false);
    const last = await after(3);
    assert.equal(last.type, FailureType.UNEXPECTED);
    assert.equal(last.nonRetryable, true);
    assert.match(last.message, /UnprocessableException .*not retried again: 4 attempts in a row failed/);
    assert.equal(last.cause?.name, 'UnprocessableException');
  });

  it('retries credentials that cannot be loaded (an instance endpoint briefly down), bounded too', async () => {
    const noCredentials = createNeptuneImportActivities({
      clientSettings: {
        endpoint: fixture.emulator.endpoint,
        region: 'us-east-1',
        credentials: () =>
          Promise.reject(
            Object.assign(new Error('Could not load credentials from any providers'), {
              name: 'CredentialsProviderError',
            }),
          ),
      },
    });
    const after = (boundedFailures: number) =>
      activityFailure(
        new MockActivityEnvironment({ heartbeatDetails: { boundedFailures } }).run(
          noCredentials.getImportTask,
          {
            taskIdentifier: 't-0123456789',
          },
        ),
      );
    const first = await after(0);
    assert.equal(first.type, FailureType.CREDENTIALS_UNAVAILABLE);
    assert.equal(first.nonRetryable, false);
    const tenth = await after(9);
    assert.equal(tenth.nonRetryable, true, 'given up after the default 10 attempts');
    assert.equal(fixture.emulator.requests.length, 0, 'nothing was sent unsigned');
  });

  for (const attempts of [0, 1.5, -1, '3']) {
    it(`rejects unknownErrorAttempts ${JSON.stringify(attempts)}, naming it`, () => {
      assert.throws(
        () => createNeptuneImportActivities({ unknownErrorAttempts: attempts as number }),
        /Invalid unknownErrorAttempts: expected a whole number ≥ 1/,
      );
    });
  }

  it('stops its HTTP request when the activity is cancelled', async () => {
    const taskId = fixture.emulator.addTask({});
    fixture.emulator.addFault({ operation: 'GetImportTask', taskId, kind: 'latency', latencyMs: 30_000 });
    const env = new MockActivityEnvironment();
    const running = env.run(fixture.activities.getImportTask, { taskIdentifier: taskId });
    // Cancel once the request has reached the emulator.
    while (calls(taskId) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    env.cancel();
    await assert.rejects(running, (error: Error) => {
      assert.equal(error.name, 'CancelledFailure');
      return true;
    });
  });
});
