import { WorkflowIdReusePolicy, type Client, type WorkflowHandle } from '@temporalio/client';
import { resolveRunImportTask } from '../model/resolve-import-start';
import type { RunImportTaskInput, RunImportTaskResult } from '../model/run-types';

/** Where and under which id `startRunImportTask` starts the import. */
export interface StartRunImportTaskOptions {
  /** The task queue of a worker that runs this library's workflows and activities. */
  taskQueue: string;
  /**
   * The import's business key, e.g. `load-movies-2026-11-29`. A second start under an id whose run
   * succeeded is refused, so that a rerun never imports twice; after a failed run it starts again.
   */
  workflowId: string;
}

/**
 * Starts the `runImportTask` workflow: the import (StartImportTask or CreateGraphUsingImportTask), exactly
 * once, then the wait. The input is checked here first: an `InvalidInputError` naming the field, before
 * anything starts.
 */
export async function startRunImportTask(
  client: Client,
  input: RunImportTaskInput,
  options: StartRunImportTaskOptions,
): Promise<WorkflowHandle<(input: RunImportTaskInput) => Promise<RunImportTaskResult>>> {
  const { operation, subject } = resolveRunImportTask(input).start;
  return client.workflow.start('runImportTask', {
    taskQueue: options.taskQueue,
    workflowId: options.workflowId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    args: [input],
    staticSummary: `Neptune Analytics import: ${operation} ${subject}`,
  });
}
