import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Context } from '@temporalio/activity';
import type { temporal as proto } from '@temporalio/proto';
import { GracefulShutdownPeriodExpiredError, type Worker } from '@temporalio/worker';
import { FailureType, WaitFailureType } from '../../src/model/failure-types';
import type {
  ImportTaskPipelineInput,
  ImportTaskPipelineResult,
  PipelineStepContext,
} from '../../src/model/pipeline-types';
import { importTaskPipeline, receivedQuery, signalReceiverWorkflow } from '../helpers/test-workflows';
import { recordedPatches } from '../helpers/patches';
import { PATCHES_OF_050 } from '../../workflows/input-reading';
import { emulatorClient, TEST_ROLE_ARN } from '../helpers/emulator';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';
import { eventually, workflowFailure } from '../helpers/failures';

const TIME_SCALE = 600;

const fixture = useTemporalAndEmulator({ timeScale: TIME_SCALE });

/** Each activity step counts its own runs, by step id: the measure of "exactly once". */
const stepRuns = new Map<string, number>();
const stepActivities = {
  async recordStep(context: PipelineStepContext, label: string): Promise<string> {
    stepRuns.set(context.stepId, (stepRuns.get(context.stepId) ?? 0) + 1);
    return `${label}:${context.task.status}:${Context.current().info.activityId}`;
  },
  async failingStep(): Promise<never> {
    throw new Error('the downstream system is down');
  },
};

function createWorker(taskQueue: string, options: { shutdownForceTime?: number } = {}): Promise<Worker> {
  return fixture.temporal.createWorker({
    taskQueue,
    neptune: { client: emulatorClient(fixture.emulator) },
    activities: stepActivities,
    ...options,
  });
}

async function withWorker<T>(taskQueue: string, fn: () => Promise<T>): Promise<T> {
  const worker = await createWorker(taskQueue);
  return worker.runUntil(fn);
}

let pipelineCount = 0;
const pipelineId = () => `pipeline-${Date.now().toString(36)}-${++pipelineCount}`;

type RunPipeline = (input: ImportTaskPipelineInput, workflowId?: string) => Promise<ImportTaskPipelineResult>;

/** `fn` with a worker of its own on a task queue of its own, and `run`, which runs a pipeline there to its end. */
async function onOwnWorker<T>(fn: (run: RunPipeline, taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = fixture.temporal.taskQueue();
  const run: RunPipeline = (input, workflowId = pipelineId()) =>
    fixture.temporal.client.workflow.execute(importTaskPipeline, { taskQueue, workflowId, args: [input] });
  return withWorker(taskQueue, () => fn(run, taskQueue));
}

describe('importTaskPipeline', () => {
  it('after SUCCEEDED runs the success steps in order, each once, with the task and its step id', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    const receiverId = `receiver-${taskId}`;
    const workflowId = pipelineId();
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [
        { name: 'load-index', activityType: 'recordStep', args: ['index'] },
        { name: 'notify', workflowId: receiverId, signalName: 'stepDone', args: ['notified'] },
        { name: 'report', workflowType: 'recordingStepWorkflow', args: ['report'] },
      ],
      onFailed: [{ name: 'alert', activityType: 'recordStep', args: ['alert'] }],
    };
    const { result, received } = await onOwnWorker(async (run, taskQueue) => {
      const receiver = await fixture.temporal.client.workflow.start(signalReceiverWorkflow, {
        taskQueue,
        workflowId: receiverId,
      });
      const result = await run(input, workflowId);
      const received = await receiver.query(receivedQuery);
      await receiver.terminate();
      return { result, received };
    });
    assert.equal(result.wait.task.status, 'SUCCEEDED');
    assert.deepEqual(
      result.steps.map(({ name, stepId, kind, status }) => ({ name, stepId, kind, status })),
      [
        { name: 'load-index', stepId: `${workflowId}/load-index`, kind: 'activity', status: 'completed' },
        { name: 'notify', stepId: `${workflowId}/notify`, kind: 'signal', status: 'completed' },
        { name: 'report', stepId: `${workflowId}/report`, kind: 'childWorkflow', status: 'completed' },
      ],
    );
    assert.equal(result.steps[0]!.result, `index:SUCCEEDED:${workflowId}/load-index`);
    assert.deepEqual(result.steps[2]!.result, {
      stepId: `${workflowId}/report`,
      status: 'SUCCEEDED',
      label: 'report',
    });
    assert.deepEqual(received, [{ stepId: `${workflowId}/notify`, status: 'SUCCEEDED', label: 'notified' }]);
    assert.equal(stepRuns.get(`${workflowId}/load-index`), 1);
    // One patch, not one per change since 0.1.0 (each is a marker and a visibility write).
    assert.deepEqual(await recordedPatches(fixture.temporal.client.workflow.getHandle(workflowId)), [
      PATCHES_OF_050,
    ]);
    assert.equal(stepRuns.has(`${workflowId}/alert`), false, 'failure steps did not run');
  });

  it('after FAILED runs the failure steps, then fails with ImportTaskFailed carrying the outcomes', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'fails', durationSeconds: 600 });
    const workflowId = pipelineId();
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [{ name: 'publish', activityType: 'recordStep', args: ['publish'] }],
      onFailed: [
        { name: 'alert', activityType: 'recordStep', args: ['alert'] },
        { name: 'cleanup', activityType: 'recordStep', args: ['cleanup'] },
      ],
      parallel: true,
    };
    const failure = await onOwnWorker((run) => workflowFailure(run(input, workflowId)));
    assert.equal(failure.type, WaitFailureType.IMPORT_TASK_FAILED);
    const result = failure.details?.[1] as ImportTaskPipelineResult;
    assert.deepEqual(
      result.steps.map((step) => step.status),
      ['completed', 'completed'],
    );
    assert.equal(stepRuns.get(`${workflowId}/alert`), 1);
    assert.equal(stepRuns.get(`${workflowId}/cleanup`), 1);
    assert.equal(stepRuns.has(`${workflowId}/publish`), false);
  });

  it('a failing step stops a sequential pipeline: later steps are skipped, the pipeline fails', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const workflowId = pipelineId();
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [
        {
          name: 'breaks',
          activityType: 'failingStep',
          retry: { maximumAttempts: 2, initialInterval: '100ms' },
        },
        { name: 'after', activityType: 'recordStep', args: ['after'] },
      ],
    };
    const failure = await onOwnWorker((run) => workflowFailure(run(input, workflowId)));
    assert.equal(failure.type, WaitFailureType.PIPELINE_STEP_FAILED);
    const result = failure.details?.[0] as ImportTaskPipelineResult;
    assert.deepEqual(
      result.steps.map((step) => step.status),
      ['failed', 'skipped'],
    );
    assert.match(result.steps[0]!.error ?? '', /downstream system is down/);
    assert.equal(stepRuns.has(`${workflowId}/after`), false);
  });

  it('a worker stopped right after the terminal poll and restarted runs each step exactly once', async () => {
    const taskQueue = fixture.temporal.taskQueue();
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1200 });
    const workflowId = pipelineId();
    const receiverId = `receiver-${taskId}`;
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [
        { name: 'index', activityType: 'recordStep', args: ['index'] },
        { name: 'report', workflowType: 'recordingStepWorkflow', args: ['report'] },
        { name: 'notify', workflowId: receiverId, signalName: 'stepDone', args: ['notified'] },
      ],
    };
    const receiver = await fixture.temporal.client.workflow.start(signalReceiverWorkflow, {
      taskQueue,
      workflowId: receiverId,
    });
    const pipeline = await fixture.temporal.client.workflow.start(importTaskPipeline, {
      taskQueue,
      workflowId,
      args: [input],
    });

    // Stopped gracefully, or after 20 s by force (once, on a loaded machine, a graceful stop here did not
    // end): either way the worker is gone, and the next one must finish the pipeline, each step once.
    const first = await createWorker(taskQueue, { shutdownForceTime: 20_000 });
    const firstRun = first.run().catch((error: unknown) => {
      if (!(error instanceof GracefulShutdownPeriodExpiredError)) throw error;
    });
    const terminalAnswer = () =>
      fixture.emulator.requests.some(
        (r) => r.taskId === taskId && r.operation === 'GetImportTask' && r.answeredStatus === 'SUCCEEDED',
      );
    await eventually(terminalAnswer, 'the terminal poll was answered');
    first.shutdown();
    await firstRun;

    const result = await withWorker(taskQueue, async () => {
      const result = await pipeline.result();
      assert.equal((await receiver.query(receivedQuery)).length, 1, 'the signal step signalled once');
      await receiver.terminate();
      return result;
    });
    assert.deepEqual(
      result.steps.map((step) => step.status),
      ['completed', 'completed', 'completed'],
    );
    assert.equal(stepRuns.get(`${workflowId}/index`), 1, 'the activity step ran once');
    const reportRuns = [];
    for await (const run of fixture.temporal.client.workflow.list({
      query: `WorkflowId = '${workflowId}/report'`,
    })) {
      reportRuns.push(run);
    }
    assert.equal(reportRuns.length, 1, 'the child workflow step ran once');
  });

  it('with `start`, starts the import once, waits for it, then runs the steps', async () => {
    const graphIdentifier = `g-pipe${Date.now().toString(36).slice(-6).padStart(6, '0')}`;
    const workflowId = pipelineId();
    const input: ImportTaskPipelineInput = {
      start: { graphIdentifier, source: 's3://bucket/pipeline/', roleArn: TEST_ROLE_ARN },
      await: { polling: FAST_POLLING },
      onSucceeded: [{ name: 'publish', activityType: 'recordStep', args: ['publish'] }],
    };
    const result = await onOwnWorker((run) => run(input, workflowId));
    assert.equal(result.wait.task.status, 'SUCCEEDED');
    assert.equal(result.started?.graphId, graphIdentifier);
    assert.equal(result.started?.taskIdentifier, result.wait.task.taskId);
    assert.equal(result.steps[0]?.status, 'completed');
    assert.equal(
      fixture.emulator.requests.filter(
        (r) => r.operation === 'StartImportTask' && r.graphId === graphIdentifier,
      ).length,
      1,
    );
  });

  it('a rerun of the pipeline under the same id does not run a child workflow step again', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const workflowId = pipelineId();
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [{ name: 'report', workflowType: 'recordingStepWorkflow', args: ['report'] }],
    };
    const [firstRun, rerun] = await onOwnWorker(async (run) => [
      await run(input, workflowId),
      await run(input, workflowId),
    ]);
    assert.equal(firstRun.steps[0]!.status, 'completed');
    assert.equal(rerun.steps[0]!.status, 'already-ran');
  });

  it('a rerun runs a child-workflow step again when its earlier run failed', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const workflowId = pipelineId();
    const input = (fail: boolean): ImportTaskPipelineInput => ({
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [{ name: 'load', workflowType: 'stepWorkflowThatMayFail', args: [fail] }],
    });
    const [failed, rerun] = await onOwnWorker(async (run) => [
      await workflowFailure(run(input(true), workflowId)),
      await run(input(false), workflowId),
    ]);
    assert.equal(failed.type, WaitFailureType.PIPELINE_STEP_FAILED);
    assert.equal(rerun.steps[0]!.status, 'completed');
  });

  it('an activity step no worker registers fails at once, naming it, instead of retrying for ever', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [{ name: 'misspelt', activityType: 'recordStpe' }],
    };
    const failure = await onOwnWorker((run) => workflowFailure(run(input)));
    assert.equal(failure.type, WaitFailureType.PIPELINE_STEP_FAILED);
    const result = failure.details?.[0] as ImportTaskPipelineResult;
    assert.equal(result.steps[0]!.status, 'failed');
    assert.match(result.steps[0]!.error ?? '', /recordStpe is not registered on this Worker/);
  });

  it('an activity step on a task queue no worker polls fails after its schedule-to-start timeout', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [
        {
          name: 'unserved',
          activityType: 'recordStep',
          taskQueue: `nobody-polls-${taskId}`,
          scheduleToStartTimeout: '2 seconds',
        },
      ],
    };
    const failure = await onOwnWorker((run) => workflowFailure(run(input)));
    const result = failure.details?.[0] as ImportTaskPipelineResult;
    assert.equal(result.steps[0]!.status, 'failed');
    assert.match(result.steps[0]!.error ?? '', /timeout|timed out/i);
  });

  it('a child-workflow step no worker registers shows in the Web UI as running, with its id', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const workflowId = pipelineId();
    const input: ImportTaskPipelineInput = {
      await: { taskIdentifier: taskId, polling: FAST_POLLING },
      onSucceeded: [{ name: 'report', workflowType: 'noSuchWorkflow' }],
    };
    await onOwnWorker(async (_run, taskQueue) => {
      const handle = await fixture.temporal.client.workflow.start(importTaskPipeline, {
        taskQueue,
        workflowId,
        args: [input],
      });
      try {
        await eventually(async () => {
          const metadata = await handle.query<proto.api.sdk.v1.IWorkflowMetadata>(
            '__temporal_workflow_metadata',
          );
          return /\| report \(onSucceeded\) \| child workflow \| `noSuchWorkflow` \| running since \d{4}-/.test(
            metadata.currentDetails ?? '',
          );
        }, 'the pipeline shows its step running');
        const metadata = await handle.query<proto.api.sdk.v1.IWorkflowMetadata>(
          '__temporal_workflow_metadata',
        );
        assert.match(metadata.currentDetails ?? '', new RegExp(`\`${workflowId}/report\``));
        assert.match(metadata.currentDetails ?? '', /the import succeeded: running its steps/);
      } finally {
        // The child goes with it (its parent-close policy terminates it).
        await handle.terminate('test over');
      }
    });
  });

  for (const [what, steps] of [
    ['a step with nothing to run', [{ name: 'nothing-to-run' }]],
    ['a step named like the wait itself', [{ name: 'await', activityType: 'recordStep' }]],
    ['a null step', [null]],
    ['a step that is both an activity and a workflow', [{ activityType: 'recordStep', workflowType: 'x' }]],
    ['a step with an empty activity type', [{ activityType: '' }]],
    ['a step with a field it does not have', [{ activityType: 'recordStep', retries: 3 }]],
    ['a step with a negative timeout', [{ activityType: 'recordStep', startToCloseTimeout: -5 }]],
    ['a step with an empty task queue', [{ workflowType: 'x', taskQueue: ' ' }]],
  ] as const) {
    it(`rejects ${what} before waiting`, async () => {
      const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
      const input = {
        await: { taskIdentifier: taskId },
        onSucceeded: steps,
      } as unknown as ImportTaskPipelineInput;
      const failure = await onOwnWorker((run) => workflowFailure(run(input)));
      assert.equal(failure.type, FailureType.INVALID_INPUT);
      assert.equal(fixture.emulator.countRequests({ taskId }), 0);
    });
  }

  it('rejects a misspelt option of the wait before waiting', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    const input = { await: { taskIdentifier: taskId, deadLine: '1h' } } as unknown as ImportTaskPipelineInput;
    const failure = await onOwnWorker((run) => workflowFailure(run(input)));
    assert.equal(failure.type, FailureType.INVALID_INPUT);
    assert.match(failure.message, /Invalid await\.deadLine: expected no such field/);
    assert.equal(fixture.emulator.countRequests({ taskId }), 0);
  });
});
