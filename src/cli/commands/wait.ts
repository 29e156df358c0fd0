import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { awaitImportTaskWorkflowId, startAwaitImportTask } from '../../temporal/start-await-import-task';
import type { AwaitImportTaskResult } from '../../model/wait-types';
import { ExitCode } from '../exit-codes';
import { follow, waitStatusOf } from '../follow';
import { reportOutcome } from '../outcome';
import { createProgressView, type Output } from '../progress-view';
import type { Connected } from '../temporal-connection';
import type { Command } from 'commander';
import { resolveWaitOptions } from '../../model/resolve-wait-options';
import { finish, processOutput, REFRESH_MS, subcommand, withTemporal } from '../command-kit';
import { addWaitFlags, waitInputOf, type WaitFlags } from '../wait-options';

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

/** `wait <task>`: start or join the durable wait, and follow it. */
export function registerWait(program: Command): void {
  finish(
    addWaitFlags(
      subcommand(
        program,
        'wait',
        'Start (or join) the durable wait for an import task and follow it until it ends',
        'neptune-import wait t-0a1b2c3d4e --deadline "12 hours"',
      ).argument('<task>', 'import task id, t- followed by 10 of [a-z0-9]'),
    ),
  ).action((task: string, flags: WaitFlags) =>
    withTemporal(
      (connected) => waitCommand(task, flags, connected, processOutput, REFRESH_MS),
      () => resolveWaitOptions({ ...waitInputOf(flags), taskIdentifier: task }),
    ),
  );
}
