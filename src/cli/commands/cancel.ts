import {
  CancelImportTaskCommand,
  ConflictException,
  type NeptuneGraphClient,
} from '@aws-sdk/client-neptune-graph';
import { validateTaskIdentifier } from '../../model/input-validation';
import { classifyNeptuneError } from '../../neptune/classify-error';
import { createNeptuneGraphClient } from '../../neptune/create-client';
import { redactCredentials } from '../../neptune/redact-credentials';
import type { Command } from 'commander';
import { finish, processOutput, subcommand, withTemporal } from '../command-kit';
import { ExitCode } from '../exit-codes';
import { findWait } from '../find-wait';
import type { Output } from '../progress-view';
import type { Connected } from '../temporal-connection';

/**
 * `neptune-import cancel <task>`: cancels the wait (the import goes on, unless the wait was started with
 * cancelImportOnCancel). `--cancel-import` also asks Neptune Analytics to cancel the import itself, with the
 * standard AWS configuration, as the worker would.
 */
export async function cancelCommand(
  taskIdentifier: string,
  flags: { cancelImport?: boolean },
  { client }: Connected,
  output: Output,
): Promise<ExitCode> {
  validateTaskIdentifier(taskIdentifier);
  if (flags.cancelImport) {
    let neptune: NeptuneGraphClient | undefined;
    try {
      neptune = createNeptuneGraphClient();
      const answer = await neptune.send(new CancelImportTaskCommand({ taskIdentifier }));
      output.stdout.write(`${taskIdentifier}: CancelImportTask answered ${answer.status}\n`);
    } catch (error) {
      if (!(error instanceof ConflictException)) {
        const { type, retryable, details } = classifyNeptuneError(error);
        const said = redactCredentials(details.message || details.errorName);
        output.stderr.write(`${taskIdentifier}: CancelImportTask failed: ${type}: ${said}\n`);
        return retryable ? ExitCode.OTHER : ExitCode.PERMANENT;
      }
      output.stdout.write(`${taskIdentifier}: the import had already ended\n`);
    } finally {
      neptune?.destroy();
    }
  }
  const handle = await findWait(client, taskIdentifier);
  if (!handle) {
    output.stderr.write(`No wait for import task ${taskIdentifier} was found\n`);
    return flags.cancelImport ? ExitCode.OK : ExitCode.PERMANENT;
  }
  // A wait started by a run or a pipeline is cancelled through its parent, which then ends cancelled too.
  const { parentExecution } = await handle.describe();
  const target = parentExecution?.workflowId ? client.workflow.getHandle(parentExecution.workflowId) : handle;
  await target.cancel();
  output.stdout.write(`${taskIdentifier}: cancelled the wait, workflow ${target.workflowId}\n`);
  return ExitCode.OK;
}

/** `cancel <task>`. */
export function registerCancel(program: Command): void {
  finish(
    subcommand(
      program,
      'cancel',
      'Cancel the wait for an import task; with --cancel-import, cancel the import itself too',
      'neptune-import cancel t-0a1b2c3d4e --cancel-import',
    )
      .argument('<task>', 'import task id')
      .option('--cancel-import', 'also call CancelImportTask (standard AWS configuration)'),
  ).action((task: string, flags: { cancelImport?: boolean }) =>
    withTemporal(
      (connected) => cancelCommand(task, flags, connected, processOutput),
      () => validateTaskIdentifier(task),
    ),
  );
}
