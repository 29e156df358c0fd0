import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, SearchAttributeType } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import type { temporal as proto } from '@temporalio/proto';
import { ensureSearchAttributes } from '../../src/temporal/ensure-search-attributes';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { NEPTUNE_SEARCH_ATTRIBUTES } from '../../src/model/search-attributes';
import type { AwaitImportTaskResult } from '../../src/model/wait-types';
import { awaitImportTask, importTaskPipeline } from '../../workflows';
import { locateTemporalCli } from '../../src/testing/dev-server/locate-temporal-cli';
import { emulatorClient } from '../helpers/emulator';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';
import { eventually } from '../helpers/failures';
import { foundBySucceededStatus } from '../helpers/visibility';

const TIME_SCALE = 600;

const fixture = useRunningWorker({ emulator: { timeScale: TIME_SCALE } });

async function countVisible(query: string): Promise<number> {
  let count = 0;
  for await (const _ of fixture.temporal.client.workflow.list({ query })) count += 1;
  return count;
}

function summaryOf(event: proto.api.history.v1.IHistoryEvent): string | undefined {
  const payload = event.userMetadata?.summary;
  return payload ? defaultPayloadConverter.fromPayload<string>(payload) : undefined;
}

async function historyOf(workflowId: string) {
  return (await fixture.temporal.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

/** Upserts of this library's attributes (a patch's own TemporalChangeVersion upsert is the SDK's). */
async function neptuneUpserts(workflowId: string) {
  return (await historyOf(workflowId)).filter((e) =>
    Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).some(
      (name) => name.startsWith('Neptune'),
    ),
  );
}

describe('what the Web UI shows of a wait', () => {
  it('search attributes list running and finished imports to a visibility query', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 4800 });
    const handle = await startAwaitImportTask(
      fixture.temporal.client,
      { taskIdentifier: taskId, polling: FAST_POLLING },
      { taskQueue: fixture.taskQueue },
    );
    assert.equal(handle.workflowId, `neptune-import-${taskId}`);
    await eventually(
      async () =>
        (await countVisible(`NeptuneImportTaskId = '${taskId}' AND NeptuneImportStatus = 'IMPORTING'`)) === 1,
      'the running import is listed as IMPORTING',
    );
    const result = await handle.result();
    await eventually(
      async () =>
        (await countVisible(
          `NeptuneImportTaskId = '${taskId}' AND NeptuneImportStatus = 'SUCCEEDED' AND NeptuneImportProgress = 100 AND NeptuneGraphId = '${result.task.graphId}'`,
        )) === 1,
      'the finished import is listed as SUCCEEDED at 100%',
    );
  });

  it('current details, activity summaries and timer summaries describe the wait', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 36_000 });
    const handle = await startAwaitImportTask(
      fixture.temporal.client,
      { taskIdentifier: taskId, polling: FAST_POLLING },
      { taskQueue: fixture.taskQueue, workflowId: `details-${taskId}` },
    );
    await eventually(
      () => fixture.emulator.countRequests({ operation: 'GetImportTask', taskId }) >= 3,
      'three polls',
    );
    const metadata = await handle.query<proto.api.sdk.v1.IWorkflowMetadata>('__temporal_workflow_metadata');
    const details = metadata.currentDetails ?? '';
    assert.match(details, new RegExp(`Neptune import task \`${taskId}\``));
    assert.match(details, /\| statements \| /);
    assert.match(details, /\| dictionary entries \| /);
    assert.match(details, /\| next poll \| .* \(in [^)]*\): (backing off|aimed|the first)/);
    assert.match(details, /\| polls \| \d+ \(run 1\) \|/);
    await handle.terminate('seen enough');

    const events = await historyOf(handle.workflowId);
    const activitySummaries = events.filter((e) => e.activityTaskScheduledEventAttributes).map(summaryOf);
    assert.equal(activitySummaries[0], `GetImportTask ${taskId}`);
    assert.ok(
      activitySummaries
        .slice(1)
        .every((s) => new RegExp(`^GetImportTask ${taskId} — [A-Z_]+( \\d+%)?$`).test(s ?? '')),
      activitySummaries.join(', '),
    );
    const timerSummaries = events.filter((e) => e.timerStartedEventAttributes).map(summaryOf);
    assert.ok(
      timerSummaries.length > 0 && timerSummaries.every((s) => /^next poll in \d/.test(s ?? '')),
      timerSummaries.join(', '),
    );
  });

  it('search attributes are upserted only when the status or progress changed', async () => {
    const taskId = fixture.emulator.addTask({
      timeline: [
        { status: 'IMPORTING', seconds: 3600, progress: { from: 40, to: 40 } },
        { status: 'SUCCEEDED' },
      ],
    });
    const handle = await startAwaitImportTask(
      fixture.temporal.client,
      { taskIdentifier: taskId, polling: FAST_POLLING },
      { taskQueue: fixture.taskQueue },
    );
    const result = await handle.result();
    const upserts = await neptuneUpserts(handle.workflowId);
    // IMPORTING 40% once, SUCCEEDED 100% once, however many polls saw the stall.
    assert.equal(upserts.length, 2, `${upserts.length} upserts for ${result.polls} polls`);
    assert.ok(result.polls > 3, `${result.polls} polls`);
  });
});

describe("'auto' search attributes, however the wait was started", () => {
  it('started by name, with no attributes at start', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const result = await fixture.temporal.client.workflow.execute(awaitImportTask, {
      taskQueue: fixture.taskQueue,
      workflowId: `by-name-${taskId}`,
      args: [{ taskIdentifier: taskId, polling: FAST_POLLING }],
    });
    assert.equal(result.task.status, 'SUCCEEDED');
    await foundBySucceededStatus(fixture.temporal.client, taskId);
  });

  it('started as a child workflow (the pipeline started by name, with no attributes)', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    await fixture.temporal.client.workflow.execute(importTaskPipeline, {
      taskQueue: fixture.taskQueue,
      workflowId: `as-child-${taskId}`,
      args: [{ await: { taskIdentifier: taskId, polling: FAST_POLLING } }],
    });
    await foundBySucceededStatus(fixture.temporal.client, taskId);
  });

  it('started with `temporal workflow start`', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const cli = await locateTemporalCli();
    assert.ok(cli, 'the Temporal CLI the test run uses');
    const workflowId = `cli-${taskId}`;
    execFileSync(cli.path, [
      ...['workflow', 'start', '--address', fixture.temporal.address, '--namespace', 'default'],
      ...['--type', 'awaitImportTask', '--task-queue', fixture.taskQueue, '--workflow-id', workflowId],
      ...['--input', JSON.stringify({ taskIdentifier: taskId, polling: FAST_POLLING })],
    ]);
    const result = await fixture.temporal.client.workflow
      .getHandle<typeof awaitImportTask>(workflowId)
      .result();
    assert.equal(result.task.status, 'SUCCEEDED');
    await foundBySucceededStatus(fixture.temporal.client, taskId);
  });
});

describe('ensureSearchAttributes', () => {
  it("finds this library's attributes on the test server", async () => {
    const result = await ensureSearchAttributes(fixture.temporal.client);
    assert.deepEqual(result.present.sort(), NEPTUNE_SEARCH_ATTRIBUTES.map((key) => key.name).sort());
    assert.deepEqual(result.missing, []);
  });

  it('registers what is missing, and names it when asked not to create', async () => {
    const key = { name: `NeptuneTestAttribute${Date.now()}`, type: SearchAttributeType.KEYWORD };
    const named = await ensureSearchAttributes(fixture.temporal.client, { keys: [key], create: false });
    assert.deepEqual(named.missing, [{ name: key.name, reason: 'not registered' }]);
    const created = await ensureSearchAttributes(fixture.temporal.client, { keys: [key] });
    assert.deepEqual(created.created, [key.name]);
    const again = await ensureSearchAttributes(fixture.temporal.client, { keys: [key] });
    assert.deepEqual(again.present, [key.name]);
  });
});

describe('a namespace without the search attributes', () => {
  const namespace = `no-attributes-${Date.now().toString(36)}`;
  let client: Client;

  before(async () => {
    await fixture.temporal.client.connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    client = new Client({ connection: fixture.temporal.client.connection, namespace });
    await eventually(async () => {
      try {
        await client.workflow.count();
        return true;
      } catch {
        return false;
      }
    }, 'the new namespace answers');
  });

  it('reports all four attributes missing', async () => {
    const result = await ensureSearchAttributes(client, { create: false });
    assert.equal(result.missing.length, 4);
  });

  async function runWait(
    start: (taskId: string, taskQueue: string) => Promise<{ result(): Promise<unknown> }>,
  ) {
    const nsQueue = fixture.temporal.taskQueue();
    const nsWorker = await fixture.temporal.createWorker({
      taskQueue: nsQueue,
      namespace,
      neptune: { client: emulatorClient(fixture.emulator) },
    });
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    return nsWorker.runUntil(async () => (await start(taskId, nsQueue)).result());
  }

  it('runs a wait to the end with searchAttributes: false', async () => {
    const result = await runWait((taskId, nsQueue) =>
      startAwaitImportTask(
        client,
        { taskIdentifier: taskId, polling: FAST_POLLING, searchAttributes: false },
        { taskQueue: nsQueue },
      ),
    );
    assert.equal((result as AwaitImportTaskResult).task.status, 'SUCCEEDED');
  });

  it("runs a wait to the end in 'auto' mode when started without the attributes", async () => {
    let workflowId = '';
    const result = await runWait((taskId, nsQueue) =>
      client.workflow.start(awaitImportTask, {
        taskQueue: nsQueue,
        workflowId: (workflowId = `auto-${taskId}`),
        args: [{ taskIdentifier: taskId, polling: FAST_POLLING }],
      }),
    );
    assert.equal((result as AwaitImportTaskResult).task.status, 'SUCCEEDED');
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const failedTasks = history.events?.filter((e) => e.workflowTaskFailedEventAttributes) ?? [];
    assert.equal(failedTasks.length, 0, 'no workflow task ever failed for want of the attributes');
    assert.ok(
      history.events?.some(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'namespaceSearchAttributes',
      ),
      'it asked the namespace',
    );
  });

  it('refuses at start, not later, to start a wait with attributes the namespace lacks', async () => {
    const taskId = fixture.emulator.addTask({});
    await assert.rejects(
      startAwaitImportTask(client, { taskIdentifier: taskId }, { taskQueue: fixture.temporal.taskQueue() }),
      (error: Error) => {
        assert.match(
          `${error.message}: ${(error.cause as Error | undefined)?.message}`,
          /NeptuneImportTaskId/,
        );
        return true;
      },
    );
  });
});
