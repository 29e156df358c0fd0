import { CancelImportTaskCommand, ConflictException } from '@aws-sdk/client-neptune-graph';
import { createNeptuneGraphClient } from '../../neptune/create-client';
import { redactCredentials } from '../../neptune/redact-credentials';
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
  if (flags.cancelImport) {
    const neptune = createNeptuneGraphClient();
    try {
      const answer = await neptune.send(new CancelImportTaskCommand({ taskIdentifier }));
      output.stdout.write(`${taskIdentifier}: CancelImportTask answered ${answer.status}\n`);
    } catch (error) {
      if (!(error instanceof ConflictException)) {
        output.stderr.write(
          `${taskIdentifier}: CancelImportTask failed: ${redactCredentials(String(error))}\n`,
        );
        return ExitCode.PERMANENT;
      }
      output.stdout.write(`${taskIdentifier}: the import had already ended\n`);
    } finally {
      neptune.destroy();
    }
  }
  const handle = await findWait(client, taskIdentifier);
  if (!handle) {
    output.stderr.write(`No wait for import task ${taskIdentifier} was found\n`);
    return flags.cancelImport ? ExitCode.OK : ExitCode.PERMANENT;
  }
  await handle.cancel();
  output.stdout.write(`${taskIdentifier}: cancelled the wait, workflow ${handle.workflowId}\n`);
  return ExitCode.OK;
}
