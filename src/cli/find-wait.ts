import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { awaitImportTaskWorkflowId } from '../temporal/start-await-import-task';
import { validateTaskIdentifier } from '../model/input-validation';

/**
 * The wait for a task, found by visibility (NeptuneImportTaskId): a running one first, else the newest.
 * The handle names no run, so a wait that continues as new is still followed. Undefined when there is none.
 * The task id is checked first: it is spliced into the query.
 */
export async function findWait(client: Client, taskIdentifier: string): Promise<WorkflowHandle | undefined> {
  validateTaskIdentifier(taskIdentifier);
  const ofTask = `NeptuneImportTaskId = '${taskIdentifier}' AND WorkflowType = 'awaitImportTask'`;
  for (const query of [`${ofTask} AND ExecutionStatus = 'Running'`, ofTask]) {
    for await (const execution of client.workflow.list({ query })) {
      return client.workflow.getHandle(execution.workflowId);
    }
  }
  // A wait that writes no search attributes is found only under the command line's own id.
  const own = client.workflow.getHandle(awaitImportTaskWorkflowId(taskIdentifier));
  try {
    await own.describe();
    return own;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}
