import type { Client, WorkflowHandle } from '@temporalio/client';
import { resolveWaitOptions } from '../model/resolve-wait-options';
import { NEPTUNE_IMPORT_TASK_ID } from '../model/search-attributes';
import type { AwaitImportTaskInput, AwaitImportTaskResult } from '../model/wait-types';

/** The workflow id `startAwaitImportTask` and the command line use: one wait per task. */
export function awaitImportTaskWorkflowId(taskIdentifier: string): string {
  return `neptune-import-${taskIdentifier}`;
}

/** Where and under which id `startAwaitImportTask` starts the wait. */
export interface StartAwaitImportTaskOptions {
  /** The task queue of a worker that runs this library's workflows and activities. */
  taskQueue: string;
  /** Default `neptune-import-<taskIdentifier>`: one wait per task, so starting twice finds the running one. */
  workflowId?: string;
}

/**
 * Starts the `awaitImportTask` workflow. The input is checked here first (an `InvalidInputError` naming the
 * field, before anything starts), and the start carries NeptuneImportTaskId unless `searchAttributes:
 * false`, which both makes the wait findable at once and tells the workflow (in `'auto'` mode) that the
 * namespace has the attributes.
 */
export async function startAwaitImportTask(
  client: Client,
  input: AwaitImportTaskInput,
  options: StartAwaitImportTaskOptions,
): Promise<WorkflowHandle<(input: AwaitImportTaskInput) => Promise<AwaitImportTaskResult>>> {
  const { taskIdentifier } = resolveWaitOptions(input);
  return client.workflow.start('awaitImportTask', {
    taskQueue: options.taskQueue,
    workflowId: options.workflowId ?? awaitImportTaskWorkflowId(taskIdentifier),
    args: [input],
    staticSummary: `Wait for Neptune Analytics import task ${taskIdentifier}`,
    ...(input.searchAttributes !== false && {
      typedSearchAttributes: [{ key: NEPTUNE_IMPORT_TASK_ID, value: taskIdentifier }],
    }),
  });
}
