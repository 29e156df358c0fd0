import type { Client } from '@temporalio/client';
import { eventually } from './failures';

/** Waits until a visibility query finds exactly one wait for this task that SUCCEEDED. */
export async function foundBySucceededStatus(client: Client, taskId: string): Promise<void> {
  await eventually(async () => {
    let found = 0;
    for await (const _ of client.workflow.list({
      query: `NeptuneImportTaskId = '${taskId}' AND NeptuneImportStatus = 'SUCCEEDED'`,
    })) {
      found += 1;
    }
    return found === 1;
  }, `the wait for ${taskId} is found by NeptuneImportStatus = 'SUCCEEDED'`);
}
