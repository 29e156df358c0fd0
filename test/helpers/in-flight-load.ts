import assert from 'node:assert/strict';
import type { Client } from '@temporalio/client';
import type { ImportTaskPipelineInput } from '../../src/model/pipeline-types';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import type { NeptuneEmulator } from '../../src/testing/emulator';
import { FAST_POLLING } from './running-worker';

/** What the fault tests keep in flight: waits, and pipelines whose one step is a counted child workflow. */
export interface InFlightLoad {
  waits: { workflowId: string; result(): Promise<{ task: { status: string } }> }[];
  pipelines: { workflowId: string; result(): Promise<unknown> }[];
  /** The pipelines' import tasks, to see when one of them has ended. */
  pipelineTasks: Set<string>;
}

/** `waits` waits and `pipelines` pipelines on imports of `durationSeconds` emulated seconds each. */
export async function startLoad(
  client: Client,
  emulator: NeptuneEmulator,
  taskQueue: string,
  { waits = 50, pipelines = 20, durationSeconds = 1200 } = {},
): Promise<InFlightLoad> {
  const waitHandles = await Promise.all(
    Array.from({ length: waits }, async () => {
      const taskId = emulator.addTask({ timeline: 'succeeds', durationSeconds });
      return startAwaitImportTask(client, { taskIdentifier: taskId, polling: FAST_POLLING }, { taskQueue });
    }),
  );
  const pipelineTasks = new Set<string>();
  const pipelineHandles = await Promise.all(
    Array.from({ length: pipelines }, async (_, i) => {
      const taskId = emulator.addTask({ timeline: 'succeeds', durationSeconds });
      pipelineTasks.add(taskId);
      const input: ImportTaskPipelineInput = {
        await: { taskIdentifier: taskId, polling: FAST_POLLING },
        onSucceeded: [{ name: 'report', workflowType: 'recordingStepWorkflow', args: [`pipeline ${i}`] }],
      };
      return client.workflow.start('importTaskPipeline', {
        taskQueue,
        workflowId: `${taskQueue}-pipeline-${i}`,
        args: [input],
      });
    }),
  );
  return { waits: waitHandles, pipelines: pipelineHandles, pipelineTasks };
}

/** Every wait SUCCEEDED; every pipeline completed its step; each step's child workflow exists once. */
export async function assertAllEndedOnce(client: Client, load: InFlightLoad): Promise<void> {
  const results = await Promise.all(load.waits.map((handle) => handle.result()));
  assert.deepEqual(new Set(results.map((r) => r.task.status)), new Set(['SUCCEEDED']));
  for (const pipeline of load.pipelines) {
    const result = (await pipeline.result()) as { steps: { status: string }[] };
    assert.deepEqual(
      result.steps.map((s) => s.status),
      ['completed'],
      pipeline.workflowId,
    );
    let runs = 0;
    for await (const _ of client.workflow.list({ query: `WorkflowId = '${pipeline.workflowId}/report'` })) {
      runs += 1;
    }
    assert.equal(runs, 1, `${pipeline.workflowId}/report ran ${runs} times`);
  }
}
