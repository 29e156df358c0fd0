import type { Command } from 'commander';
import { validateTaskIdentifier } from '../../model/input-validation';
import type { ImportTaskWaitStatus } from '../../model/wait-types';
import { finish, processOutput, subcommand, withTemporal } from '../command-kit';
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

/** `status <task>`. */
export function registerStatus(program: Command): void {
  finish(
    subcommand(
      program,
      'status',
      "A wait's status (its status query), or how a finished wait ended",
      'neptune-import status t-0a1b2c3d4e --json',
    )
      .argument('<task>', 'import task id')
      .option('--json', 'print the status or result object, and nothing else, on stdout'),
  ).action((task: string, flags: { json?: boolean }) =>
    withTemporal(
      (connected) => statusCommand(task, flags, connected, processOutput),
      () => validateTaskIdentifier(task),
    ),
  );
}
