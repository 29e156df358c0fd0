/**
 * Bad input through every entry point: the client helpers, the workflows started by name, the activities,
 * the command line and its pipeline spec files, an unreachable Temporal, missing AWS configuration and a
 * namespace without the search attributes. Each is refused with a typed error naming the field, before any
 * Neptune request where the input alone tells; then a good wait on the same worker still succeeds, and no
 * workflow of the bad cases is left running.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttp2Server } from 'node:http2';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createNeptuneImportActivities, type NeptuneImportActivities } from '../../activities';
import { FailureType } from '../../src/model/failure-types';
import { InvalidInputError } from '../../src/model/invalid-input';
import type { RunImportTaskInput } from '../../src/model/run-types';
import type { AwaitImportTaskInput } from '../../src/model/wait-types';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { startRunImportTask } from '../../src/temporal/start-run-import-task';
import { emulatorClient, TEST_CREDENTIALS, TEST_ROLE_ARN } from '../helpers/emulator';
import { activityFailure, eventually, workflowFailure } from '../helpers/failures';
import { bin, run, type Ran } from '../helpers/neptune-import-command';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';

const scratch = mkdtempSync(join(tmpdir(), 'neptune-import-bad-input-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** 600 emulated seconds per real second: the good wait at the end takes a second or two. */
const fixture = useRunningWorker({
  emulator: { timeScale: 600 },
  activities: { recordStep: async (_context: unknown, label: string) => `recorded ${label}` },
});

const LONG = `t-${'a'.repeat(10_000)}`;
/** Task ids that are not one: each must be refused before it reaches a request path or a query. */
const BAD_TASK_IDS: [what: string, id: unknown][] = [
  ['an empty task id', ''],
  ['a whitespace-only task id', '   '],
  ['a 10,002-character task id', LONG],
  ['a Unicode task id (full-width digits)', 't-０１２３４５６７８９'],
  ['a path-traversal task id', '../x'],
  ['a URL-encoded task id', 't-abc%2Fdef'],
  ['a task id with a slash', 't-abc/def'],
  ['a number as task id', 1234567890],
];

/** The task queue of the client helper and command-line cases: no worker, so a start let through stays put. */
const NO_WORKER = `bad-input-no-worker-${randomUUID()}`;

let serial = 0;
const suffix = () => `${Date.now().toString(36).slice(-5)}${(++serial).toString(36).padStart(3, '0')}`;
/** Import inputs of a graph of their own, so that any request they caused is found by it. */
const freshStart = () => ({
  graphIdentifier: `g-bi${suffix()}`,
  source: 's3://bucket/movies/',
  roleArn: TEST_ROLE_ARN,
});
const freshCreateGraph = () => ({
  graphName: `bad-input-${suffix()}`,
  source: 's3://bucket/movies/',
  roleArn: TEST_ROLE_ARN,
});
const start = freshStart();

/** The graphs of the client helper, workflow and command-line cases: at the end, none may have an import. */
const caseGraphs: string[] = [];
/** A fresh start and createGraph input for a case, its graphs remembered. */
function caseInputs() {
  const inputs = { start: freshStart(), createGraph: freshCreateGraph() };
  caseGraphs.push(inputs.start.graphIdentifier, inputs.createGraph.graphName);
  return inputs;
}

/** Every workflow id a bad case tried to start: at the end, none may be running. */
const attempted: string[] = [];
function workflowId(what: string): string {
  const id = `bad-input-${what}-${suffix()}`;
  attempted.push(id);
  return id;
}

/** A task id of the right shape that the emulator knows: if a bad case were let through, its wait would run. */
function knownTask(): string {
  return fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
}

/** Terminates workflow `id` if it runs: a case that failed must not leave its workflow behind. */
async function terminateIfRunning(client: Client, id: string): Promise<void> {
  const handle = client.workflow.getHandle(id);
  const description = await handle.describe().catch(() => undefined);
  if (description?.status.name === 'RUNNING') await handle.terminate('bad-input test: started by bad input');
}

/** No workflow `id`; one that was started anyway is terminated (not left running) and reported. */
async function assertNotStarted(client: Client, id: string): Promise<void> {
  const description = await client.workflow
    .getHandle(id)
    .describe()
    .catch((error: unknown) => {
      assert.match(String(error), /not found/i);
      return undefined;
    });
  if (description) await terminateIfRunning(client, id);
  assert.equal(description, undefined, `${id} was started (${description?.status.name})`);
}

/** An error that is an InvalidInputError naming `field`, with a message that names it too and stays short. */
function namesField(field: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof InvalidInputError, `expected InvalidInputError, got ${String(error)}`);
    assert.equal(error.name, FailureType.INVALID_INPUT);
    assert.equal(error.field, field);
    assert.ok(error.message.startsWith(`Invalid ${field}: `), error.message);
    assert.ok(error.message.length < 400, `a bounded message, got ${error.message.length} characters`);
    return true;
  };
}

/**
 * The requests the emulator received about these tasks and graphs (by id, or by name for a graph being
 * created): what a case caused, whatever else runs meanwhile.
 */
function requestsAbout(about: { tasks?: unknown[]; graphs?: unknown[] }): string[] {
  const named = (value: unknown) => typeof value === 'string' && value !== '';
  const tasks = (about.tasks ?? []).filter(named);
  const graphs = (about.graphs ?? []).filter(named);
  return fixture.emulator.requests
    .filter(
      (r) =>
        (r.taskId !== undefined && tasks.includes(r.taskId)) ||
        (r.graphId !== undefined &&
          (graphs.includes(r.graphId) || graphs.includes(fixture.emulator.getGraph(r.graphId)?.['name']))),
    )
    .map((r) => `${r.operation} ${r.taskId ?? r.graphId}`);
}

/** The requests the emulator received while `action` ran (for cases that run in this process alone). */
async function requestsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const before = fixture.emulator.requests.length;
  await action();
  return fixture.emulator.requests.slice(before).map((r) => `${r.operation} ${r.taskId ?? r.graphId ?? ''}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The failure of a workflow that must fail at once, in its first workflow task. Read from its history, not
 * from the clock: a workflow whose task fails (retried forever) or that goes on to schedule an activity, a
 * timer or a child has taken the input, and is terminated and reported instead of waited for.
 */
async function failedAtOnce(
  handle: WorkflowHandle,
  /** An activity it may run first: the one that checks what the input claims (a namespace's attributes). */
  { asking }: { asking?: string } = {},
): Promise<ApplicationFailure> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const events = (await handle.fetchHistory()).events ?? [];
    if (Date.now() > deadline) {
      await handle.terminate('bad-input test: never closed').catch(() => undefined);
      assert.fail(`${handle.workflowId} neither failed nor went on within 60 s: ${events.length} events`);
    }
    const wentOn = events.flatMap((event) => {
      if (event.workflowTaskFailedEventAttributes) {
        const said = event.workflowTaskFailedEventAttributes.failure?.message;
        return [`its workflow task failed (retried forever, never failing the workflow): ${said}`];
      }
      const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
      if (activity && activity !== asking) return [`it scheduled the activity ${activity}`];
      if (event.timerStartedEventAttributes) return ['it started a timer'];
      const child = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      if (child) return [`it started the child workflow ${child}`];
      return [];
    });
    if (wentOn.length > 0) {
      await handle.terminate('bad-input test: the bad input was taken').catch(() => undefined);
      assert.fail(`${handle.workflowId} did not fail at once: ${wentOn.join('; ')}`);
    }
    const closed = events.some(
      (event) =>
        event.workflowExecutionFailedEventAttributes ??
        event.workflowExecutionCompletedEventAttributes ??
        event.workflowExecutionTerminatedEventAttributes,
    );
    if (closed) return workflowFailure(handle.result());
    await sleep(100);
  }
}

describe('client helpers refuse bad input with an InvalidInputError naming the field, starting nothing', () => {
  const awaitCases: [what: string, input: unknown, field: string][] = [
    ...BAD_TASK_IDS.map(([what, id]): [string, unknown, string] => [
      what,
      { taskIdentifier: id },
      'taskIdentifier',
    ]),
    ['polling as a string', { polling: '5s' }, 'polling'],
    ['polling as an array', { polling: [] }, 'polling'],
    ['polling min > max', { polling: { minInterval: '10s', maxInterval: '1s' } }, 'polling.minInterval'],
    ['a zero deadline', { deadline: 0 }, 'deadline'],
    ['a negative deadline', { deadline: -1000 }, 'deadline'],
    ['a NaN deadline', { deadline: NaN }, 'deadline'],
    ['an absurd deadline (1e300 ms)', { deadline: 1e300 }, 'deadline'],
    ['a deadline already past (an ISO time)', { deadline: '2020-01-01T00:00:00Z' }, 'deadline'],
    ['a misspelt field', { deadLine: '1 hour' }, 'deadLine'],
    ["a string boolean ('false')", { cancelImportOnCancel: 'false' }, 'cancelImportOnCancel'],
    ['jitter NaN', { polling: { jitter: NaN } }, 'polling.jitter'],
  ];
  for (const [what, input, field] of awaitCases) {
    const name = `startAwaitImportTask: ${what} → ${field}`;
    it(name, async () => {
      const id = workflowId('helper-await');
      const task = knownTask();
      const full = { taskIdentifier: task, ...(input as object) } as AwaitImportTaskInput;
      try {
        await assert.rejects(
          startAwaitImportTask(fixture.temporal.client, full, { taskQueue: NO_WORKER, workflowId: id }),
          namesField(field),
        );
      } finally {
        await terminateIfRunning(fixture.temporal.client, id);
      }
      await assertNotStarted(fixture.temporal.client, id);
      assert.deepEqual(requestsAbout({ tasks: [task, full.taskIdentifier] }), []);
    });
  }

  it('startAwaitImportTask: an array instead of the input → input', async () => {
    const id = workflowId('helper-await');
    await assert.rejects(
      startAwaitImportTask(fixture.temporal.client, [] as unknown as AwaitImportTaskInput, {
        taskQueue: NO_WORKER,
        workflowId: id,
      }),
      namesField('input'),
    );
    await assertNotStarted(fixture.temporal.client, id);
  });

  type Inputs = { start: object; createGraph: object };
  const runCases: [what: string, input: (fresh: Inputs) => unknown, field: string][] = [
    ['neither start nor createGraph', () => ({ polling: FAST_POLLING }), 'start'],
    ['both start and createGraph', ({ start, createGraph }) => ({ start, createGraph }), 'createGraph'],
    [
      'an empty graph id',
      ({ start }) => ({ start: { ...start, graphIdentifier: '' } }),
      'start.graphIdentifier',
    ],
    [
      'a whitespace graph id',
      ({ start }) => ({ start: { ...start, graphIdentifier: ' \t' } }),
      'start.graphIdentifier',
    ],
    [
      'a 10,000-character graph id',
      ({ start }) => ({ start: { ...start, graphIdentifier: 'g'.repeat(10_000) } }),
      'start.graphIdentifier',
    ],
    [
      'a path-traversal graph id',
      ({ start }) => ({ start: { ...start, graphIdentifier: '../g' } }),
      'start.graphIdentifier',
    ],
    ['a number as role ARN', ({ start }) => ({ start: { ...start, roleArn: 42 } }), 'start.roleArn'],
    [
      "failOnError: 'true'",
      ({ start }) => ({ start: { ...start, failOnError: 'true' } }),
      'start.failOnError',
    ],
    [
      'a misspelt start field (fromat)',
      ({ start }) => ({ start: { ...start, fromat: 'CSV' } }),
      'start.fromat',
    ],
    [
      'a Unicode graph name',
      ({ createGraph }) => ({ createGraph: { ...createGraph, graphName: 'filmé' } }),
      'createGraph.graphName',
    ],
    [
      'memory min > max',
      ({ createGraph }) => ({
        createGraph: { ...createGraph, minProvisionedMemory: 256, maxProvisionedMemory: 128 },
      }),
      'createGraph.minProvisionedMemory',
    ],
    [
      'replicaCount NaN',
      ({ createGraph }) => ({ createGraph: { ...createGraph, replicaCount: NaN } }),
      'createGraph.replicaCount',
    ],
    [
      'a misspelt createGraph field (replicas)',
      ({ createGraph }) => ({ createGraph: { ...createGraph, replicas: 2 } }),
      'createGraph.replicas',
    ],
    ["a deadline of 'soon'", ({ start }) => ({ start, deadline: 'soon' }), 'deadline'],
    [
      'returnOnAnyTerminal, a field runImportTask does not have',
      ({ start }) => ({ start, returnOnAnyTerminal: true }),
      'returnOnAnyTerminal',
    ],
  ];
  for (const [what, input, field] of runCases) {
    const name = `startRunImportTask: ${what} → ${field}`;
    it(name, async () => {
      const id = workflowId('helper-run');
      const fresh = caseInputs();
      try {
        await assert.rejects(
          startRunImportTask(fixture.temporal.client, input(fresh) as RunImportTaskInput, {
            taskQueue: NO_WORKER,
            workflowId: id,
          }),
          namesField(field),
        );
      } finally {
        await terminateIfRunning(fixture.temporal.client, id);
      }
      await assertNotStarted(fixture.temporal.client, id);
      assert.deepEqual(
        requestsAbout({ graphs: [fresh.start.graphIdentifier, fresh.createGraph.graphName] }),
        [],
      );
    });
  }
});

describe('the activities refuse bad input, not retryable, naming the field, with no request', () => {
  let activities: NeptuneImportActivities | undefined;
  const onEmulator = () =>
    (activities ??= createNeptuneImportActivities({ client: emulatorClient(fixture.emulator) }));
  type Call = (a: NeptuneImportActivities) => [activity: (input: never) => Promise<unknown>, input: unknown];
  const cases: [what: string, call: Call, field: string][] = [
    ...BAD_TASK_IDS.map(([what, id]): [string, Call, string] => [
      `getImportTask: ${what}`,
      (a) => [a.getImportTask, { taskIdentifier: id }],
      'taskIdentifier',
    ]),
    ['getImportTask: no input (null)', (a) => [a.getImportTask, null], 'taskIdentifier'],
    [
      "getImportTask: notFoundGraceUntil 'tomorrow'",
      (a) => [a.getImportTask, { taskIdentifier: knownTask(), notFoundGraceUntil: 'tomorrow' }],
      'notFoundGraceUntil',
    ],
    [
      'cancelImportTask: a path-traversal task id',
      (a) => [a.cancelImportTask, { taskIdentifier: '../x' }],
      'taskIdentifier',
    ],
    [
      'startImportTask: a path-traversal graph id',
      (a) => [a.startImportTask, { ...freshStart(), graphIdentifier: '../g' }],
      'graphIdentifier',
    ],
    [
      "startImportTask: the graph id '..'",
      (a) => [a.startImportTask, { ...freshStart(), graphIdentifier: '..' }],
      'graphIdentifier',
    ],
    [
      "startImportTask: format 'csv'",
      (a) => [a.startImportTask, { ...freshStart(), format: 'csv' }],
      'format',
    ],
    [
      "startImportTask: failOnError 'false'",
      (a) => [a.startImportTask, { ...freshStart(), failOnError: 'false' }],
      'failOnError',
    ],
    [
      'startImportTask: a misspelt field (fromat)',
      (a) => [a.startImportTask, { ...freshStart(), fromat: 'CSV' }],
      'fromat',
    ],
    [
      'createGraphUsingImportTask: replicaCount 3',
      (a) => [a.createGraphUsingImportTask, { ...freshCreateGraph(), replicaCount: 3 }],
      'replicaCount',
    ],
    [
      'createGraphUsingImportTask: a tag that is a number',
      (a) => [a.createGraphUsingImportTask, { ...freshCreateGraph(), tags: { team: 1 } }],
      'tags.team',
    ],
    [
      'createGraphUsingImportTask: vector dimension 0',
      (a) => [
        a.createGraphUsingImportTask,
        { ...freshCreateGraph(), vectorSearchConfiguration: { dimension: 0 } },
      ],
      'vectorSearchConfiguration.dimension',
    ],
  ];
  for (const [what, call, field] of cases) {
    const name = `${what} → ${field}`;
    it(name, async () => {
      const [activity, input] = call(onEmulator());
      let failure: ApplicationFailure | undefined;
      const requests = await requestsDuring(async () => {
        failure = await activityFailure(new MockActivityEnvironment().run(activity, input as never));
      });
      assert.equal(failure?.type, FailureType.INVALID_INPUT, failure?.message);
      assert.equal(failure?.nonRetryable, true);
      assert.match(failure?.message ?? '', new RegExp(`Invalid ${field.replace(/[.[\]]/g, '\\$&')}: `));
      assert.ok((failure?.message.length ?? 0) < 400, 'a bounded message');
      assert.deepEqual(requests, []);
    });
  }

  it('the factory refuses unknownErrorAttempts: 0, naming it', () => {
    assert.throws(
      () =>
        createNeptuneImportActivities({ client: emulatorClient(fixture.emulator), unknownErrorAttempts: 0 }),
      namesField('unknownErrorAttempts'),
    );
  });

  /** Runs `action` with the standard AWS configuration emptied: no region, no credentials, no files. */
  async function withoutAwsConfiguration<T>(action: () => Promise<T>): Promise<T> {
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(scratch, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    try {
      return await action();
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  }

  it('a worker without a region: NeptuneConfigurationError, not retried, no request', async () => {
    const { getImportTask } = createNeptuneImportActivities({
      clientSettings: { endpoint: fixture.emulator.endpoint, credentials: TEST_CREDENTIALS },
    });
    const taskIdentifier = knownTask();
    let failure: ApplicationFailure | undefined;
    const requests = await requestsDuring(() =>
      withoutAwsConfiguration(async () => {
        failure = await activityFailure(new MockActivityEnvironment().run(getImportTask, { taskIdentifier }));
      }),
    );
    assert.equal(failure?.type, FailureType.CONFIGURATION, failure?.message);
    assert.equal(failure?.nonRetryable, true);
    assert.match(failure?.message ?? '', /region/i);
    assert.deepEqual(requests, []);
  });

  it('a worker without credentials: NeptuneCredentialsUnavailable, given up after unknownErrorAttempts, no request', async () => {
    const { getImportTask } = createNeptuneImportActivities({
      clientSettings: { endpoint: fixture.emulator.endpoint, region: 'us-east-1' },
      unknownErrorAttempts: 1,
    });
    const taskIdentifier = knownTask();
    let failure: ApplicationFailure | undefined;
    const requests = await requestsDuring(() =>
      withoutAwsConfiguration(async () => {
        failure = await activityFailure(new MockActivityEnvironment().run(getImportTask, { taskIdentifier }));
      }),
    );
    assert.equal(failure?.type, FailureType.CREDENTIALS_UNAVAILABLE, failure?.message);
    assert.equal(failure?.nonRetryable, true);
    assert.match(failure?.message ?? '', /credentials/i);
    assert.deepEqual(requests, []);
  });
});

describe('workflows started by name fail at once with NeptuneInvalidInput naming the field', () => {
  type Inputs = {
    task: string;
    start: ReturnType<typeof freshStart>;
    createGraph: ReturnType<typeof freshCreateGraph>;
  };
  const cases: [workflow: string, what: string, args: (fresh: Inputs) => unknown[], message: RegExp][] = [
    ['awaitImportTask', 'no input at all', () => [], /Invalid input: /],
    ['awaitImportTask', 'a task id instead of the input', ({ task }) => [task], /Invalid input: /],
    [
      'awaitImportTask',
      'a path-traversal task id',
      () => [{ taskIdentifier: '../x' }],
      /Invalid taskIdentifier: /,
    ],
    ['awaitImportTask', 'a number as task id', () => [{ taskIdentifier: 7 }], /Invalid taskIdentifier: /],
    [
      'awaitImportTask',
      'polling as an array',
      ({ task }) => [{ taskIdentifier: task, polling: ['1s'] }],
      /Invalid polling: /,
    ],
    [
      'awaitImportTask',
      'polling min > max',
      ({ task }) => [{ taskIdentifier: task, polling: { minInterval: '1 minute', maxInterval: '1s' } }],
      /Invalid polling\.minInterval: /,
    ],
    [
      'awaitImportTask',
      'a negative deadline',
      ({ task }) => [{ taskIdentifier: task, deadline: -5 }],
      /Invalid deadline: /,
    ],
    [
      'awaitImportTask',
      'a NaN deadline (null on the wire)',
      ({ task }) => [{ taskIdentifier: task, deadline: NaN }],
      /Invalid deadline: /,
    ],
    [
      'awaitImportTask',
      'an absurd deadline (1e300 ms)',
      ({ task }) => [{ taskIdentifier: task, deadline: 1e300 }],
      /Invalid deadline: /,
    ],
    [
      'awaitImportTask',
      'an absurd maxInterval (1e300 ms)',
      ({ task }) => [{ taskIdentifier: task, polling: { maxInterval: 1e300 } }],
      /Invalid polling\.maxInterval: /,
    ],
    [
      'awaitImportTask',
      "searchAttributes: 'yes'",
      ({ task }) => [{ taskIdentifier: task, searchAttributes: 'yes' }],
      /Invalid searchAttributes: /,
    ],
    [
      'awaitImportTask',
      'a misspelt field',
      ({ task }) => [{ taskIdentifier: task, deadLine: '1h' }],
      /Invalid deadLine: expected no such field/,
    ],
    ['runImportTask', 'neither start nor createGraph', () => [{ polling: FAST_POLLING }], /Invalid start: /],
    [
      'runImportTask',
      'a path-traversal graph id',
      ({ start }) => [{ start: { ...start, graphIdentifier: '../g' } }],
      /Invalid start\.graphIdentifier: /,
    ],
    [
      'runImportTask',
      "cancelImportOnCancel: 'true'",
      ({ start }) => [{ start, cancelImportOnCancel: 'true' }],
      /Invalid cancelImportOnCancel: /,
    ],
    [
      'runImportTask',
      'a misspelt start field (fromat)',
      ({ start }) => [{ start: { ...start, fromat: 'CSV' } }],
      /Invalid start\.fromat: /,
    ],
    [
      'runImportTask',
      'memory min > max',
      ({ createGraph }) => [
        { createGraph: { ...createGraph, minProvisionedMemory: 64, maxProvisionedMemory: 32 } },
      ],
      /Invalid createGraph\.minProvisionedMemory: /,
    ],
    [
      'importTaskPipeline',
      'a step retry policy Temporal refuses (backoffCoefficient 0.5)',
      ({ task }) => [
        {
          await: { taskIdentifier: task },
          onSucceeded: [{ activityType: 'recordStep', retry: { backoffCoefficient: 0.5 } }],
        },
      ],
      /Invalid onSucceeded\[0\]\.retry\.backoffCoefficient: /,
    ],
    [
      'importTaskPipeline',
      'a step timeout of 400 days',
      ({ task }) => [
        {
          await: { taskIdentifier: task },
          onSucceeded: [{ activityType: 'recordStep', startToCloseTimeout: '400 days' }],
        },
      ],
      /Invalid onSucceeded\[0\]\.startToCloseTimeout: /,
    ],
    [
      'runImportTask',
      'returnOnAnyTerminal, which a run does not have',
      ({ start }) => [{ start, returnOnAnyTerminal: true }],
      /Invalid returnOnAnyTerminal: /,
    ],
    [
      'runImportTask',
      'a misspelt createGraph field (replicas)',
      ({ createGraph }) => [{ createGraph: { ...createGraph, replicas: 1 } }],
      /Invalid createGraph\.replicas: /,
    ],
    [
      'importTaskPipeline',
      'duplicate step names',
      ({ task }) => [
        {
          await: { taskIdentifier: task },
          onSucceeded: [
            { name: 'publish', activityType: 'recordStep' },
            { name: 'publish', activityType: 'recordStep' },
          ],
        },
      ],
      /Invalid onSucceeded\[1\]\.name: /,
    ],
    [
      'importTaskPipeline',
      'the reserved step name await',
      ({ task }) => [
        { await: { taskIdentifier: task }, onFailed: [{ name: 'await', activityType: 'recordStep' }] },
      ],
      /Invalid onFailed\[0\]\.name: /,
    ],
    [
      'importTaskPipeline',
      'a number as step name',
      ({ task }) => [
        { await: { taskIdentifier: task }, onSucceeded: [{ name: 7, activityType: 'recordStep' }] },
      ],
      /Invalid onSucceeded\[0\]\.name: /,
    ],
    [
      'importTaskPipeline',
      'a step both an activity and a workflow',
      ({ task }) => [
        {
          await: { taskIdentifier: task },
          onSucceeded: [{ activityType: 'recordStep', workflowType: 'recordingStepWorkflow' }],
        },
      ],
      /Invalid onSucceeded\[0\]: /,
    ],
    [
      'importTaskPipeline',
      'a deadline beside await instead of in it',
      ({ task }) => [{ await: { taskIdentifier: task }, deadline: '1 hour' }],
      /Invalid deadline: expected no such field/,
    ],
    [
      'importTaskPipeline',
      "parallel: 'true'",
      ({ task }) => [{ await: { taskIdentifier: task }, parallel: 'true' }],
      /Invalid parallel: /,
    ],
    [
      'importTaskPipeline',
      'a task id with a slash in await',
      () => [{ await: { taskIdentifier: 't-abc/def' } }],
      /Invalid await\.taskIdentifier: /,
    ],
    [
      'importTaskPipeline',
      'await as a string beside start',
      ({ start }) => [{ start, await: 'fast' }],
      /Invalid await: /,
    ],
  ];
  for (const [workflow, what, args, message] of cases) {
    const name = `${workflow}: ${what}`;
    it(name, async () => {
      const fresh = { task: knownTask(), ...caseInputs() };
      const id = workflowId(workflow);
      const handle = await fixture.temporal.client.workflow.start(workflow, {
        taskQueue: fixture.taskQueue,
        workflowId: id,
        args: args(fresh),
      });
      const failure = await failedAtOnce(handle);
      assert.equal(failure.type, FailureType.INVALID_INPUT, failure.message);
      assert.equal(failure.nonRetryable, true);
      assert.match(failure.message, message);
      const { task, start, createGraph } = fresh;
      assert.deepEqual(
        requestsAbout({ tasks: [task], graphs: [start.graphIdentifier, createGraph.graphName] }),
        [],
      );
    });
  }
});

/** The built command, as a user runs it, in `env` exactly, with at most 60 s to end by itself. */
function runCommand(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  assert.ok(existsSync(bin), 'npm test builds the command first');
  return run(process.execPath, [bin, ...args], env, { timeoutMs: 60_000 });
}

/** The command on the shared dev server (the standard Temporal variables), `env` added. */
function neptuneImport(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return runCommand(args, {
    ...process.env,
    TEMPORAL_ADDRESS: fixture.temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    ...env,
  });
}

function specFile(content: string): string {
  const file = join(scratch, `spec-${randomUUID()}.json`);
  writeFileSync(file, content);
  return file;
}

const oneLine = (ran: Ran) => assert.equal(ran.stderr.split('\n').length, 2, `one line: ${ran.stderr}`);

describe('the command line: exit 3 naming the field, nothing started', () => {
  // wait and start get --task-queue (no worker) and --detach: were the input let through, they would start
  // their workflow and return, and the test would find it.
  const detached = ['--task-queue', NO_WORKER, '--detach'];
  const commands: [what: string, args: (task: string, graph: string) => string[], message: RegExp][] = [
    ['wait: an empty task id', () => ['wait', '', ...detached], /^Invalid taskIdentifier: .*received ""\n$/],
    ['status: a whitespace-only task id', () => ['status', '   '], /^Invalid taskIdentifier: /],
    [
      'wait: a 10,002-character task id',
      () => ['wait', LONG, ...detached],
      /^Invalid taskIdentifier: .*… \(10004 characters\)\n$/,
    ],
    [
      'wait: a Unicode task id',
      () => ['wait', 't-ｔａｓｋ０１２３４５', ...detached],
      /^Invalid taskIdentifier: /,
    ],
    ['wait: a path-traversal task id', () => ['wait', '../x', ...detached], /^Invalid taskIdentifier: /],
    ['cancel: a URL-encoded task id', () => ['cancel', 't-abc%2Fdef'], /^Invalid taskIdentifier: /],
    ['status: a task id with a slash', () => ['status', 't-abc/def'], /^Invalid taskIdentifier: /],
    ['wait --deadline -5s', (task) => ['wait', task, '--deadline=-5s', ...detached], /^Invalid deadline: /],
    ['wait --deadline 0', (task) => ['wait', task, '--deadline', '0', ...detached], /^Invalid deadline: /],
    [
      'wait --deadline NaN',
      (task) => ['wait', task, '--deadline', 'NaN', ...detached],
      /^Invalid deadline: /,
    ],
    ["wait --deadline ''", (task) => ['wait', task, '--deadline', '', ...detached], /^Invalid deadline: /],
    [
      "wait --initial-interval ''",
      (task) => ['wait', task, '--initial-interval', '', ...detached],
      /^Invalid polling\.initialInterval: /,
    ],
    [
      "wait --deadline '1000000 years'",
      (task) => ['wait', task, '--deadline', '1000000 years', ...detached],
      /^Invalid deadline: /,
    ],
    [
      "wait --task-queue ''",
      (task) => ['wait', task, '--task-queue', '', '--detach'],
      /^Invalid --task-queue: /,
    ],
    [
      'wait --min-interval 10s --max-interval 1s',
      (task) => ['wait', task, '--min-interval', '10s', '--max-interval', '1s', ...detached],
      /^Invalid polling\.minInterval: .*not above polling\.maxInterval/,
    ],
    [
      'start --graph ../x',
      () => ['start', '--graph', '../x', '--source', start.source, '--role-arn', TEST_ROLE_ARN, ...detached],
      /^Invalid start\.graphIdentifier: /,
    ],
    [
      'start --deadline 2020-01-01T00:00:00Z (already past)',
      (_task, graph) => [
        ...['start', '--graph', graph, '--source', start.source, '--role-arn', TEST_ROLE_ARN],
        ...['--deadline', '2020-01-01T00:00:00Z', ...detached],
      ],
      /^Invalid deadline: /,
    ],
  ];
  for (const [what, args, message] of commands) {
    const name = `${what}: exit 3 naming the field`;
    it(name, async () => {
      const task = knownTask();
      const graph = caseInputs().start.graphIdentifier;
      const ran = await neptuneImport(args(task, graph));
      await terminateIfRunning(fixture.temporal.client, `neptune-import-${task}`);
      assert.equal(ran.code, 3, ran.stderr);
      assert.match(ran.stderr, message);
      oneLine(ran);
      await assertNotStarted(fixture.temporal.client, `neptune-import-${task}`);
      assert.deepEqual(requestsAbout({ tasks: [task], graphs: [graph] }), []);
    });
  }

  const json = (value: unknown) => JSON.stringify(value);
  const specs: [what: string, content: (task: string, graph: string) => string, message: RegExp][] = [
    ['an empty file', () => '', /^Invalid --spec: expected a JSON file/],
    ['a whitespace-only file', () => ' \n\t\n', /^Invalid --spec: expected a JSON file/],
    ['an array', () => '[]', /^Invalid input: /],
    ['a task id alone', (task) => json(task), /^Invalid input: /],
    [
      'duplicate step names',
      (task) =>
        json({
          await: { taskIdentifier: task },
          onSucceeded: [
            { name: 'publish', activityType: 'recordStep' },
            { name: 'publish', workflowType: 'recordingStepWorkflow' },
          ],
        }),
      /^Invalid onSucceeded\[1\]\.name: /,
    ],
    [
      'the reserved step name await',
      (task) =>
        json({
          await: { taskIdentifier: task },
          onSucceeded: [{ name: 'await', activityType: 'recordStep' }],
        }),
      /^Invalid onSucceeded\[0\]\.name: /,
    ],
    [
      'a step both an activity and a workflow',
      (task) =>
        json({
          await: { taskIdentifier: task },
          onFailed: [{ activityType: 'recordStep', workflowType: 'recordingStepWorkflow' }],
        }),
      /^Invalid onFailed\[0\]: /,
    ],
    [
      'a deadline beside await',
      (task) => json({ await: { taskIdentifier: task }, deadline: '1 hour' }),
      /^Invalid deadline: expected no such field/,
    ],
    [
      'polling min > max',
      (task) =>
        json({
          await: { taskIdentifier: task, polling: { minInterval: '1 hour', maxInterval: '1 minute' } },
        }),
      /^Invalid await\.polling\.minInterval: /,
    ],
    [
      'a path-traversal task id',
      (task) => json({ await: { taskIdentifier: `../${task}` } }),
      /^Invalid await\.taskIdentifier: /,
    ],
    [
      "a deadline of 'NaN'",
      (task) => json({ await: { taskIdentifier: task, deadline: 'NaN' } }),
      /^Invalid await\.deadline: /,
    ],
    [
      "a step list of 'page'",
      (task) => json({ await: { taskIdentifier: task }, onFailed: 'page' }),
      /^Invalid onFailed: /,
    ],
    [
      'await as a string beside start',
      (_task, graph) => json({ start: { ...start, graphIdentifier: graph }, await: 'fast' }),
      /^Invalid await: /,
    ],
    [
      'a misspelt start field (fromat)',
      (_task, graph) => json({ start: { ...start, graphIdentifier: graph, fromat: 'CSV' }, await: {} }),
      /^Invalid start\.fromat: /,
    ],
  ];
  for (const [what, content, message] of specs) {
    const name = `pipeline --spec with ${what}: exit 3 naming the field`;
    it(name, async () => {
      const id = workflowId('spec');
      const task = knownTask();
      const graph = caseInputs().start.graphIdentifier;
      const ran = await neptuneImport([
        ...['pipeline', '--spec', specFile(content(task, graph)), '--workflow-id', id],
        ...['--task-queue', NO_WORKER, '--detach'],
      ]);
      await terminateIfRunning(fixture.temporal.client, id);
      assert.equal(ran.code, 3, ran.stderr);
      assert.match(ran.stderr, message);
      oneLine(ran);
      await assertNotStarted(fixture.temporal.client, id);
      assert.deepEqual(requestsAbout({ tasks: [task], graphs: [graph] }), []);
    });
  }

  it('pipeline --spec of a file that does not exist → exit 3 naming --spec', async () => {
    const id = workflowId('spec');
    const ran = await neptuneImport([
      'pipeline',
      '--spec',
      join(scratch, 'missing.json'),
      '--workflow-id',
      id,
    ]);
    assert.equal(ran.code, 3, ran.stderr);
    assert.match(ran.stderr, /^Invalid --spec: expected a readable file/);
    await assertNotStarted(fixture.temporal.client, id);
  });
});

describe('the command line: an unreachable Temporal is named in one line, in bounded time', () => {
  /** A port nothing listens on: taken, then freed. */
  async function closedPort(): Promise<number> {
    const server = createTcpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  /** Something that answers HTTP/2 on `address`, but is not Temporal (a proxy, another service). */
  async function notTemporal<T>(use: (address: string) => Promise<T>): Promise<T> {
    const server = createHttp2Server((_request, response) => {
      response.statusCode = 404;
      response.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      return await use(`127.0.0.1:${(server.address() as { port: number }).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  const addresses: [what: string, at: <T>(use: (address: string) => Promise<T>) => Promise<T>][] = [
    ['a port nothing listens on', async (use) => use(`127.0.0.1:${await closedPort()}`)],
    ['a host name that does not resolve', (use) => use('temporal.invalid:7233')],
    ['a URL instead of host:port', (use) => use('http://127.0.0.1:7233')],
    ['an HTTP/2 server that is not Temporal', notTemporal],
  ];
  for (const [what, at] of addresses) {
    const name = `wait, with ${what}: exit 1, one line naming the address`;
    it(name, async () => {
      const task = knownTask();
      await at(async (address) => {
        const ran = await neptuneImport(['wait', task, '--detach'], { TEMPORAL_ADDRESS: address });
        assert.equal(ran.killed, false, 'the command ended by itself');
        assert.equal(ran.code, 1, ran.stderr);
        oneLine(ran);
        assert.ok(ran.stderr.startsWith(`Cannot reach Temporal at ${address} `), ran.stderr);
      });
      assert.deepEqual(requestsAbout({ tasks: [task] }), []);
    });
  }

  it('worker, with a port nothing listens on: exit 1, one line naming the address', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const ran = await neptuneImport(['worker', '--task-queue', NO_WORKER], { TEMPORAL_ADDRESS: address });
    assert.equal(ran.killed, false, 'the command ended by itself');
    assert.equal(ran.code, 1, ran.stderr);
    oneLine(ran);
    assert.ok(ran.stderr.startsWith(`Cannot reach Temporal at ${address} `), ran.stderr);
  });
});

describe('the command line without AWS configuration: a clear error, no request', () => {
  /** The shared dev server, the emulator as endpoint, and nothing else of AWS: no region, no credentials. */
  const noAws = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
    return {
      ...env,
      TEMPORAL_ADDRESS: fixture.temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      AWS_ENDPOINT_URL_NEPTUNE_GRAPH: fixture.emulator.endpoint,
      AWS_CONFIG_FILE: join(scratch, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      // On Node 20 the AWS SDK prints a notice about Node versions to stderr: not this library's output.
      NODE_NO_WARNINGS: '1',
    };
  };

  it('cancel --cancel-import without a region: exit 3, NeptuneConfigurationError naming the region', async () => {
    const task = knownTask();
    const ran = await runCommand(['cancel', task, '--cancel-import'], {
      ...noAws(),
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    });
    assert.equal(ran.code, 3, ran.stderr);
    assert.match(ran.stderr, /CancelImportTask failed: NeptuneConfigurationError: .*[Rr]egion/);
    oneLine(ran);
    assert.deepEqual(requestsAbout({ tasks: [task] }), []);
  });

  it('cancel --cancel-import without credentials: exit 1, NeptuneCredentialsUnavailable, no request', async () => {
    const task = knownTask();
    const ran = await runCommand(['cancel', task, '--cancel-import'], {
      ...noAws(),
      AWS_REGION: 'us-east-1',
    });
    assert.equal(ran.killed, false, 'the command ended by itself');
    assert.equal(ran.code, 1, ran.stderr);
    assert.match(ran.stderr, /CancelImportTask failed: NeptuneCredentialsUnavailable: /);
    oneLine(ran);
    assert.deepEqual(requestsAbout({ tasks: [task] }), []);
  });
});

describe('a namespace without the search attributes', () => {
  const namespace = `bad-input-${randomUUID().slice(0, 8)}`;
  let client: Client;
  let taskQueue = '';
  let stopWorker: (() => Promise<void>) | undefined;
  let ready: Promise<void> | undefined;

  /** Registered once on the shared dev server, with a worker of its own; the first case waits for it. */
  function registered(): Promise<void> {
    return (ready ??= (async () => {
      await fixture.temporal.client.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs('1 day'),
      });
      client = new Client({ connection: fixture.temporal.client.connection, namespace });
      await eventually(
        () =>
          client.workflow.count().then(
            () => true,
            () => false,
          ),
        'the new namespace answers',
      );
      const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
        namespace,
      });
      assert.equal(
        customAttributes?.['NeptuneImportTaskId'],
        undefined,
        'the namespace lacks the attributes',
      );
      taskQueue = fixture.temporal.taskQueue();
      const worker = await fixture.temporal.createWorker({
        taskQueue,
        namespace,
        neptune: { client: emulatorClient(fixture.emulator) },
      });
      const running = worker.run();
      stopWorker = async () => {
        worker.shutdown();
        await running;
      };
    })());
  }
  after(async () => stopWorker?.());

  it('startAwaitImportTask is refused, naming NeptuneImportTaskId; nothing starts', async () => {
    await registered();
    const id = workflowId('namespace');
    const task = knownTask();
    await assert.rejects(
      startAwaitImportTask(
        client,
        { taskIdentifier: task, polling: FAST_POLLING },
        { taskQueue, workflowId: id },
      ),
      (error: Error) => {
        assert.match(
          `${error.message}: ${(error.cause as Error | undefined)?.message}`,
          /NeptuneImportTaskId/,
        );
        return true;
      },
    );
    await assertNotStarted(client, id);
    assert.deepEqual(requestsAbout({ tasks: [task] }), []);
  });

  const name =
    'awaitImportTask by name with searchAttributes: true fails after asking the namespace, not in its workflow task';
  it(name, async () => {
    await registered();
    const task = knownTask();
    const handle = await client.workflow.start('awaitImportTask', {
      taskQueue,
      workflowId: workflowId('namespace'),
      args: [{ taskIdentifier: task, polling: FAST_POLLING, searchAttributes: true }],
    });
    // It asks the namespace (one activity) and fails; no failed workflow task, no poll, no timer.
    const failure = await failedAtOnce(handle, { asking: 'namespaceSearchAttributes' });
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.equal(failure.nonRetryable, true);
    assert.match(failure.message, /Invalid searchAttributes: .* lacks the Neptune\* search attributes/);
    assert.deepEqual(requestsAbout({ tasks: [task] }), []);
  });

  const refused =
    'wait on the command line is refused in one line naming NeptuneImportTaskId; nothing starts';
  it(refused, async () => {
    await registered();
    const task = knownTask();
    const ran = await neptuneImport(['wait', task, '--task-queue', taskQueue, '--detach'], {
      TEMPORAL_NAMESPACE: namespace,
    });
    assert.equal(ran.code, 1, ran.stdout);
    oneLine(ran);
    assert.match(ran.stderr, /NeptuneImportTaskId/);
    await assertNotStarted(client, `neptune-import-${task}`);
    assert.deepEqual(requestsAbout({ tasks: [task] }), []);
  });
});

describe('after the bad input', () => {
  it('a good wait on the same worker still succeeds', async () => {
    const taskIdentifier = knownTask();
    const handle = await startAwaitImportTask(
      fixture.temporal.client,
      { taskIdentifier, polling: FAST_POLLING },
      { taskQueue: fixture.taskQueue, workflowId: `bad-input-good-${taskIdentifier}` },
    );
    const result = await handle.result();
    assert.equal(result.task.status, 'SUCCEEDED');
  });

  it('no workflow of the bad cases, nor a child of one, is left running', async () => {
    const { client } = fixture.temporal;
    const stillRunning: string[] = [];
    for (const id of attempted.flatMap((id) => [id, `${id}/await`])) {
      const handle = client.workflow.getHandle(id);
      const description = await handle.describe().catch(() => undefined);
      if (description?.status.name === 'RUNNING') {
        stillRunning.push(id);
        await handle.terminate('bad-input test: left running');
      }
    }
    assert.deepEqual(stillRunning, []);
    let onNoWorkerQueue = 0;
    for await (const _ of client.workflow.list({
      query: `TaskQueue = '${NO_WORKER}' AND ExecutionStatus = 'Running'`,
    })) {
      onNoWorkerQueue += 1;
    }
    assert.equal(onNoWorkerQueue, 0, `workflows running on ${NO_WORKER}`);
  });

  const name = 'no import was started for the graphs of the client helper, workflow and command-line cases';
  it(name, () => {
    const imports = fixture.emulator.requests.filter(
      (r) =>
        (r.operation === 'StartImportTask' || r.operation === 'CreateGraphUsingImportTask') &&
        r.graphId !== undefined &&
        (caseGraphs.includes(r.graphId) ||
          caseGraphs.includes(String(fixture.emulator.getGraph(r.graphId)?.['name']))),
    );
    assert.deepEqual(
      imports.map((r) => `${r.operation} ${r.graphId}`),
      [],
    );
  });
});
