/**
 * What a person sees in the Temporal Web UI, in a real headless browser: Debian's chromium driven by
 * playwright-core (no browser download), against a dev server with its UI, the emulator and a worker.
 *
 * Screenshots go to a temporary folder; `npm run screenshots` writes them to docs/ instead.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PipelineStepContext } from '../../src/model/pipeline-types';
import type { PollingOptions } from '../../src/model/poll-schedule';
import { startDevServer, type DevServer } from '../../src/testing/dev-server/start-dev-server';
import { NeptuneEmulator } from '../../src/testing/emulator';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { createNeptuneImportWorker } from '../../src/temporal/worker';
import { emulatorClient } from '../helpers/emulator';
import { testWorkflows } from '../helpers/environment';
import { eventually } from '../helpers/failures';

/** Debian's package: `.ci/run` installs it where it is missing. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = process.env.NEPTUNE_IMPORT_SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'web-ui-'));
const TASK_QUEUE = 'web-ui-browser';
const POLLING: PollingOptions = { initialInterval: '1s', minInterval: '1s', maxInterval: '2s' };

interface Stack {
  server: DevServer;
  emulator: NeptuneEmulator;
  client: Client;
  clientConnection: Connection;
  workerConnection: NativeConnection;
  worker: Worker;
  running: Promise<void>;
  browser: Browser;
}
let stack: Stack;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  const server = await startDevServer({ ui: true });
  const emulator = await NeptuneEmulator.start({ port: 0, timeScale: 60 });
  const clientConnection = await Connection.connect({ address: server.address });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const worker = await createNeptuneImportWorker({
    connection: workerConnection,
    taskQueue: TASK_QUEUE,
    ...testWorkflows(),
    neptune: { client: emulatorClient(emulator) },
    activities: {
      async publishGraph(context: PipelineStepContext) {
        return `published ${context.task.graphId ?? ''}`;
      },
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  stack = {
    server,
    emulator,
    client: new Client({ connection: clientConnection }),
    clientConnection,
    workerConnection,
    worker,
    running: worker.run(),
    browser,
  };
});

after(async () => {
  if (!stack) return;
  await stack.browser.close();
  stack.worker.shutdown();
  await stack.running;
  await Promise.all([stack.clientConnection.close(), stack.workerConnection.close()]);
  await Promise.all([stack.emulator.close(), stack.server.stop()]);
});

async function openPage(path: string): Promise<Page> {
  const page = await stack.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${stack.server.uiUrl}${path}`);
  return page;
}

const workflowPath = (workflowId: string) =>
  `/namespaces/default/workflows/${encodeURIComponent(workflowId)}`;

describe('the Web UI, in a real browser', () => {
  it('shows a running wait: its summary, current details, and the polls and timers in its timeline', async () => {
    // IMPORTING from the start, for ten hours of emulated time: progress shows within seconds.
    const taskId = stack.emulator.addTask({
      timeline: [
        { status: 'IMPORTING', seconds: 36_000, progress: { from: 0, to: 100 } },
        { status: 'SUCCEEDED' },
      ],
    });
    const handle = await startAwaitImportTask(
      stack.client,
      { taskIdentifier: taskId, polling: POLLING },
      { taskQueue: TASK_QUEUE },
    );
    await eventually(
      () => stack.emulator.countRequests({ operation: 'GetImportTask', taskId }) >= 3,
      'three polls',
    );
    const page = await openPage(workflowPath(handle.workflowId));
    await page.getByText('Running', { exact: true }).first().waitFor();
    await page.getByText('awaitImportTask').first().waitFor();
    // The timeline: each poll's activity summary and each timer's.
    await page
      .getByText(new RegExp(`GetImportTask ${taskId} — IMPORTING \\d+%`))
      .first()
      .waitFor();
    await page
      .getByText(/next poll in \d+ s/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'web-ui-running-wait.png') });

    // The summary and the current details (status, progress bar, next poll), as the wait sets them. The UI
    // renders both as Markdown in frames of their own.
    await page.getByRole('tab', { name: 'User Metadata' }).click();
    let shown = '';
    await eventually(async () => {
      shown = (
        await Promise.all(
          page.frames().map((f) =>
            f
              .locator('body')
              .innerText()
              .catch(() => ''),
          ),
        )
      ).join('\n');
      return (
        shown.includes(`Wait for Neptune Analytics import task ${taskId}`) &&
        shown.includes(`Neptune import task ${taskId}: IMPORTING`)
      );
    }, 'the summary and current details are shown');
    assert.match(shown, new RegExp(`Wait for Neptune Analytics import task ${taskId}`));
    assert.match(shown, new RegExp(`Neptune import task ${taskId}: IMPORTING`));
    assert.match(shown, /\d+%/);
    assert.match(shown, /next poll\s+\S+ \(in \d+ s\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'web-ui-wait-details.png') });
    await page.close();

    // The workflow list, filtered by the wait's search attribute.
    const query = encodeURIComponent(
      `NeptuneImportStatus = "IMPORTING" AND NeptuneImportTaskId = "${taskId}"`,
    );
    const list = await openPage(`/namespaces/default/workflows?query=${query}`);
    await eventually(
      async () => {
        await list.reload();
        return list
          .getByText(handle.workflowId)
          .first()
          .waitFor({ timeout: 5000 })
          .then(() => true)
          .catch(() => false);
      },
      'the list filtered by NeptuneImportStatus shows the wait',
      60_000,
    ).catch(async (error: unknown) => {
      await list.screenshot({ path: join(SCREENSHOTS, 'web-ui-list-failed.png') });
      throw error;
    });
    await list.close();
    await handle.terminate('seen in the browser');
  });

  it('shows a finished pipeline with its wait and its step', async () => {
    const taskId = stack.emulator.addTask({ timeline: 'succeeds', durationSeconds: 180 });
    const workflowId = `pipeline-${taskId}`;
    const handle = await stack.client.workflow.start('importTaskPipeline', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [
        {
          await: { taskIdentifier: taskId, polling: POLLING },
          onSucceeded: [{ name: 'publish', activityType: 'publishGraph' }],
        },
      ],
    });
    await handle.result();
    const page = await openPage(workflowPath(workflowId));
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await page.getByText('importTaskPipeline').first().waitFor();
    await page
      .getByText(/publishGraph/)
      .first()
      .waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'web-ui-finished-pipeline.png') });
    // Its wait, a child workflow.
    await page.getByRole('tab', { name: /Relationships/ }).click();
    await page.getByText(`${workflowId}/await`).first().waitFor();
    await page.close();
  });
});
