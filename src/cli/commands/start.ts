import type { Command } from 'commander';
import type { CreateGraphUsingImportTaskInput } from '../../model/input-validation';
import type { RunImportTaskInput, RunImportTaskResult } from '../../model/run-types';
import { resolveImportStart, resolveRunImportTask } from '../../model/resolve-import-start';
import { startRunImportTask } from '../../temporal/start-run-import-task';
import { ExitCode } from '../exit-codes';
import { follow, runStatusOf } from '../follow';
import { reportOutcome } from '../outcome';
import { createProgressView, type Output } from '../progress-view';
import type { Connected } from '../temporal-connection';
import { integer, processOutput, REFRESH_MS, withTemporal } from '../command-kit';
import { importCommand, importFields, type ImportFlags } from '../import-flags';
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

/** `start`: StartImportTask into a graph, once, then the wait. */
export function registerStart(program: Command): void {
  importCommand(program, {
    name: 'start',
    description: 'Start an import into a graph (StartImportTask) exactly once, and follow it to its end',
    example:
      'neptune-import start --graph g-0123456789 --source s3://bucket/movies/ --role-arn arn:aws:iam::123456789012:role/NeptuneImport',
    target: ['--graph <id>', 'the graph to import into (its id, g-…)'],
  }).action((flags: ImportFlags & { graph: string }) => {
    const start = { start: { graphIdentifier: flags.graph, ...importFields(flags) } };
    return withTemporal(
      (connected) => startCommand(start, flags, connected, processOutput, REFRESH_MS),
      () => resolveRunImportTask({ ...start, ...waitInputOf(flags) }),
    );
  });
}

type CreateGraphFlags = ImportFlags & {
  name: string;
  memory?: number;
  replicas?: number;
  public?: boolean;
  deletionProtection: boolean;
};

/** `create-graph`: CreateGraphUsingImportTask, once, then the wait. */
export function registerCreateGraph(program: Command): void {
  importCommand(program, {
    name: 'create-graph',
    description:
      'Create a graph loaded by an import (CreateGraphUsingImportTask) exactly once, and follow it',
    example:
      'neptune-import create-graph --name movies --source s3://bucket/movies/ --role-arn arn:aws:iam::123456789012:role/NeptuneImport --memory 128',
    target: ['--name <graph-name>', 'the new graph’s name'],
  })
    .option('--memory <m-NCUs>', 'provisioned memory (16 to 24576)', integer(16, 24_576))
    .option('--replicas <n>', 'read replicas (0 to 2)', integer(0, 2))
    .option('--public', 'reachable from the internet')
    .option('--no-deletion-protection', 'allow the graph to be deleted')
    .action((flags: CreateGraphFlags) => {
      const createGraph: CreateGraphUsingImportTaskInput = {
        graphName: flags.name,
        ...importFields(flags),
        ...(flags.memory !== undefined && { maxProvisionedMemory: flags.memory }),
        ...(flags.replicas !== undefined && { replicaCount: flags.replicas }),
        ...(flags.public && { publicConnectivity: true }),
        ...(flags.deletionProtection === false && { deletionProtection: false }),
      };
      return withTemporal(
        (connected) => startCommand({ createGraph }, flags, connected, processOutput, REFRESH_MS),
        () => resolveRunImportTask({ createGraph, ...waitInputOf(flags) }),
      );
    });
}
