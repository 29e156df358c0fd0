import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { awaitImportTaskWorkflowId, startAwaitImportTask } from '../../temporal/start-await-import-task';
import type { AwaitImportTaskResult } from '../../model/wait-types';
import { ExitCode } from '../exit-codes';
import { follow, waitStatusOf } from '../follow';
import { reportOutcome } from '../outcome';
import { createProgressView, type Output } from '../progress-view';
import type { Connected } from '../temporal-connection';
import { waitInputOf, type WaitFlags } from '../wait-options';

/**
 * `neptune-import wait <task>`: starts (or joins) the durable wait for a task and follows it. Ctrl-C only
 * stops following: the wait goes on in Temporal.
 */
export async function waitCommand(
  taskIdentifier: string,
  flags: WaitFlags,
  { client }: Connected,
  output: Output,
  refreshMs: number,
): Promise<ExitCode> {
  const json = flags.json === true;
  const view = createProgressView({ label: taskIdentifier, json, output });
  const input = { ...waitInputOf(flags), taskIdentifier };
  let handle: WorkflowHandle;
  try {
    handle = await startAwaitImportTask(client, input, { taskQueue: flags.taskQueue });
    view.note(`Started workflow ${handle.workflowId} to wait for ${taskIdentifier}`);
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    handle = client.workflow.getHandle(awaitImportTaskWorkflowId(taskIdentifier));
    view.note(`Following the wait already running as workflow ${handle.workflowId}`);
  }
  if (flags.detach) {
    if (json) output.stdout.write(`${JSON.stringify({ workflowId: handle.workflowId })}\n`);
    return ExitCode.OK;
  }
  const followed = await follow<AwaitImportTaskResult>(handle, waitStatusOf(handle), view, refreshMs);
  return reportOutcome(followed, { label: taskIdentifier, json, output });
}
