/**
 * A wait started by the previous version's workers and finished by this version's: the new worker replays
 * the old run's start, then goes live. What the run hands on (its continue-as-new input) must follow the
 * reading the run started with, though its patch, not found while replaying, would now be taken.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleWorkflowCode } from '@temporalio/worker';
import webpack from 'webpack';
import type { AwaitImportTaskResult } from '../../src/model/wait-types';
import { emulatorClient } from '../helpers/emulator';
import { eventually } from '../helpers/failures';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';

const fixture = useTemporalAndEmulator({ timeScale: 600 });

/** This library's workflows as 0.3.0 read their input (see test/fixtures/old-code). */
async function bundleAs030(): Promise<string> {
  const oldReading = require.resolve('../fixtures/old-code/input-reading-0.3.0');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../helpers/test-workflows'),
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        new webpack.NormalModuleReplacementPlugin(
          /^\.\/input-reading$/,
          (resource: { context: string; request: string }) => {
            if (/[\\/]workflows$/.test(resource.context)) resource.request = oldReading;
          },
        ),
      ],
    }),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  return code;
}

describe('a wait started before an upgrade and finished after it', () => {
  it('hands on an input the new reading takes: a 400-day deadline, clamped, and the wait succeeds', async () => {
    const taskQueue = fixture.temporal.taskQueue();
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 9000 });
    // The old worker's only poll is held up, so that the run's next step falls to the new worker.
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'latency',
      latencyMs: 3000,
      count: 1,
    });
    const old = await fixture.temporal.createWorker({
      taskQueue,
      workflowBundle: { code: await bundleAs030() },
      neptune: { client: emulatorClient(fixture.emulator) },
    });
    const handle = await fixture.temporal.client.workflow.start('awaitImportTask', {
      taskQueue,
      workflowId: `upgrade-${taskId}`,
      // Valid in 0.3.0; refused by 0.4.0's reading, whose ceiling is 366 days.
      args: [{ taskIdentifier: taskId, polling: FAST_POLLING, deadline: '400 days', maxPollsPerRun: 1 }],
    });
    await old.runUntil(() =>
      eventually(() => fixture.emulator.countRequests({ taskId }) >= 1, 'the old worker polled'),
    );
    const current = await fixture.temporal.createWorker({
      taskQueue,
      neptune: { client: emulatorClient(fixture.emulator) },
    });
    const result: AwaitImportTaskResult = await current.runUntil(
      handle.result() as Promise<AwaitImportTaskResult>,
    );
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.ok(result.runs >= 2, 'it continued as new on the new worker');
  });
});
