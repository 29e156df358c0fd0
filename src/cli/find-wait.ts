import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { awaitImportTaskWorkflowId } from '../temporal/start-await-import-task';

/**
 * The wait for a task: the command line's own (`neptune-import-<task>`), else the newest workflow whose
 * NeptuneImportTaskId is the task (a run's child wait, a pipeline's). Undefined when there is none.
 */
export async function findWait(client: Client, taskIdentifier: string): Promise<WorkflowHandle | undefined> {
  const own = client.workflow.getHandle(awaitImportTaskWorkflowId(taskIdentifier));
  try {
    await own.describe();
    return own;
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  for await (const execution of client.workflow.list({
    query: `NeptuneImportTaskId = '${taskIdentifier}' AND WorkflowType = 'awaitImportTask'`,
  })) {
    return client.workflow.getHandle(execution.workflowId, execution.runId);
  }
  return undefined;
}
