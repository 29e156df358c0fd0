/**
 * The workflow bundle of the test run: the library's workflows, plus the small workflows that tests use as
 * pipeline steps and signal targets.
 */
import { ApplicationFailure, condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import type { PipelineStepContext } from '../../src/model/pipeline-types';
import { waitForImportTask, type WaitForImportTaskOptions } from '../../workflows';

export * from '../../workflows';

/** A child-workflow step: says which task it saw and with which argument. */
export async function recordingStepWorkflow(context: PipelineStepContext, label: string) {
  return { stepId: context.stepId, status: context.task.status, label };
}

/** A child-workflow step that fails when asked to: a rerun of its pipeline must run it again. */
export async function stepWorkflowThatMayFail(context: PipelineStepContext, fail: boolean) {
  if (fail) throw ApplicationFailure.create({ message: 'asked to fail', nonRetryable: true });
  return { stepId: context.stepId };
}

export const stepSignal = defineSignal<[PipelineStepContext, string]>('stepDone');
export const receivedQuery = defineQuery<{ stepId: string; status: string; label: string }[]>('received');

/** A signal step's target: records every signal it receives until it is terminated. */
export async function signalReceiverWorkflow(): Promise<void> {
  const received: { stepId: string; status: string; label: string }[] = [];
  setHandler(stepSignal, (context, label) => {
    received.push({ stepId: context.stepId, status: context.task.status, label });
  });
  setHandler(receivedQuery, () => received);
  await condition(() => false);
}

/** A user's own workflow that waits inline, then reports how many answers it saw. */
export async function userWorkflowWaitingInline(taskIdentifier: string, options: WaitForImportTaskOptions) {
  let answers = 0;
  const result = await waitForImportTask(taskIdentifier, { ...options, onSnapshot: () => (answers += 1) });
  return { ...result, answers };
}
