import { readFileSync } from 'node:fs';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import { describeReceived, InvalidInputError, withinField } from '../../model/invalid-input';
import { planPipelineSteps } from '../../model/pipeline-plan';
import type { ImportTaskPipelineInput, ImportTaskPipelineResult } from '../../model/pipeline-types';
import { resolveImportStart } from '../../model/resolve-import-start';
import { resolveWaitOptions, resolveWaitSettings } from '../../model/resolve-wait-options';
import type { AwaitImportTaskInput } from '../../model/wait-types';
import type { Command } from 'commander';
import { finish, processOutput, REFRESH_MS, requiredOption, subcommand, withTemporal } from '../command-kit';
import { ExitCode } from '../exit-codes';
import { follow, waitStatusOf } from '../follow';
import { reportPipelineOutcome } from '../outcome';
import { createProgressView, type Output } from '../progress-view';
import type { Connected } from '../temporal-connection';
import { checkTaskQueue, DEFAULT_TASK_QUEUE } from '../wait-options';

/** Reads and checks a pipeline spec (the `importTaskPipeline` input as JSON), every field before anything starts. */
export function readPipelineSpec(file: string): ImportTaskPipelineInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      '--spec',
      describeReceived(file),
      `a readable file (${(error as Error).message})`,
    );
  }
  let spec: ImportTaskPipelineInput;
  try {
    spec = JSON.parse(text) as ImportTaskPipelineInput;
  } catch (error) {
    throw new InvalidInputError(
      '--spec',
      describeReceived(file),
      `a JSON file (${(error as Error).message})`,
    );
  }
  planPipelineSteps(spec, 'check');
  if (spec.start !== undefined || spec.createGraph !== undefined) {
    resolveImportStart(spec);
    withinField('await', () => resolveWaitSettings(spec.await ?? {}));
  } else {
    withinField('await', () => resolveWaitOptions(spec.await as AwaitImportTaskInput));
  }
  return spec;
}

interface PipelineFlags {
  spec: string;
  workflowId?: string;
  taskQueue: string;
  json?: boolean;
  detach?: boolean;
}

/** `neptune-import pipeline --spec file.json`: starts `importTaskPipeline` and follows its wait. */
export async function pipelineCommand(
  flags: PipelineFlags,
  { client }: Connected,
  output: Output,
  refreshMs: number,
): Promise<ExitCode> {
  const json = flags.json === true;
  const spec = readPipelineSpec(flags.spec);
  const workflowId =
    flags.workflowId ?? `neptune-import-pipeline-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}`;
  const handle = await client.workflow.start('importTaskPipeline', {
    taskQueue: flags.taskQueue,
    workflowId,
    args: [spec],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    staticSummary: 'Neptune Analytics import pipeline',
  });
  const view = createProgressView({ label: workflowId, json, output });
  view.note(`Started pipeline ${workflowId}`);
  if (flags.detach) {
    if (json) output.stdout.write(`${JSON.stringify({ workflowId })}\n`);
    return ExitCode.OK;
  }
  const wait = client.workflow.getHandle(`${workflowId}/await`);
  const followed = await follow<ImportTaskPipelineResult>(handle, waitStatusOf(wait), view, refreshMs);
  return reportPipelineOutcome(followed, { label: workflowId, json, output });
}

/** `pipeline --spec file.json`. */
export function registerPipeline(program: Command): void {
  finish(
    requiredOption(
      subcommand(
        program,
        'pipeline',
        'Run an import pipeline from a JSON spec (the importTaskPipeline input): wait, then its steps',
        'neptune-import pipeline --spec load-movies.json --workflow-id load-movies-2026-11-29',
      ),
      '--spec <file>',
      'the importTaskPipeline input, as JSON',
    )
      .option('--workflow-id <id>', "the pipeline's business key")
      .option('--task-queue <name>', "the workers' task queue", DEFAULT_TASK_QUEUE)
      .option('--json', 'print the result object, and nothing else, on stdout')
      .option('--detach', 'start and return at once'),
  ).action((flags: PipelineFlags) =>
    withTemporal(
      (connected) => pipelineCommand(flags, connected, processOutput, REFRESH_MS),
      () => {
        checkTaskQueue(flags.taskQueue);
        return readPipelineSpec(flags.spec);
      },
    ),
  );
}
