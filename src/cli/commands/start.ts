import type { RunImportTaskInput, RunImportTaskResult } from '../../model/run-types';
import { resolveImportStart } from '../../model/resolve-import-start';
import { startRunImportTask } from '../../temporal/start-run-import-task';
import { ExitCode } from '../exit-codes';
import { follow, runStatusOf } from '../follow';
import { reportOutcome } from '../outcome';
import { createProgressView, type Output } from '../progress-view';
import type { Connected } from '../temporal-connection';
import { waitInputOf, type WaitFlags } from '../wait-options';

/** A workflow id of its own for each run unless one is given: `neptune-import-<graph>-<UTC time>`. */
function defaultWorkflowId(subject: string, now: Date): string {
  return `neptune-import-${subject}-${now.toISOString().replace(/[-:]|\.\d+/g, '')}`;
}

/**
 * `neptune-import start` and `create-graph`: runs `runImportTask` (the import started exactly once, then
 * the wait) and follows it: the console page once the task is known, progress, the outcome.
 */
export async function startCommand(
  start: Pick<RunImportTaskInput, 'start' | 'createGraph'>,
  flags: WaitFlags & { workflowId?: string },
  { client }: Connected,
  output: Output,
  refreshMs: number,
): Promise<ExitCode> {
  const json = flags.json === true;
  const input: RunImportTaskInput = { ...start, ...waitInputOf(flags) };
  const { operation, subject } = resolveImportStart(input);
  const workflowId = flags.workflowId ?? defaultWorkflowId(subject, new Date());
  const handle = await startRunImportTask(client, input, { taskQueue: flags.taskQueue, workflowId });
  const view = createProgressView({ label: subject, json, output });
  view.note(`Started workflow ${handle.workflowId}: ${operation} ${subject}`);
  if (flags.detach) {
    if (json) output.stdout.write(`${JSON.stringify({ workflowId: handle.workflowId })}\n`);
    return ExitCode.OK;
  }
  let label = subject;
  const status = runStatusOf(client, handle, (run) => {
    label = run.taskIdentifier ?? subject;
    view.note(`Import task ${run.taskIdentifier} (graph ${run.graphId}): ${run.consoleUrl}`);
  });
  const followed = await follow<RunImportTaskResult>(handle, status, view, refreshMs);
  return reportOutcome(followed, { label, json, output });
}
