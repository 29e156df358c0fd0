import type { ImportTaskWaitStatus } from '../../model/wait-types';
import type { AwaitImportTaskResult } from '../../model/wait-types';
import { ExitCode } from '../exit-codes';
import { findWait } from '../find-wait';
import { follow } from '../follow';
import { reportOutcome } from '../outcome';
import { describeStatus, type Output } from '../progress-view';
import type { Connected } from '../temporal-connection';

/** `neptune-import status <task>`: a running wait's status (its query), or a finished one's outcome. */
export async function statusCommand(
  taskIdentifier: string,
  flags: { json?: boolean },
  { client }: Connected,
  output: Output,
): Promise<ExitCode> {
  const json = flags.json === true;
  const handle = await findWait(client, taskIdentifier);
  if (!handle) {
    output.stderr.write(`No wait for import task ${taskIdentifier} was found\n`);
    return ExitCode.PERMANENT;
  }
  const { status: execution } = await handle.describe();
  if (execution.name === 'RUNNING') {
    const status = await handle.query<ImportTaskWaitStatus>('status');
    output.stdout.write(
      json
        ? `${JSON.stringify({ workflowId: handle.workflowId, running: true, ...status }, null, 2)}\n`
        : `${taskIdentifier}: ${describeStatus(status, Date.now())} (workflow ${handle.workflowId})\n`,
    );
    return ExitCode.OK;
  }
  const silent = { update() {}, note() {}, stop() {} };
  return reportOutcome(await follow<AwaitImportTaskResult>(handle, async () => undefined, silent, 60_000), {
    label: taskIdentifier,
    json,
    output,
  });
}
