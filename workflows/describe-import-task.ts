import type { ImportTaskSnapshot } from '../src/model/import-task-snapshot';
import { proxyNeptuneImportActivities } from './neptune-activities';

/** One GetImportTask through the activity, with the recommended retry policy: the smallest useful workflow. */
export async function describeImportTask(taskIdentifier: string): Promise<ImportTaskSnapshot> {
  return proxyNeptuneImportActivities().getImportTask({ taskIdentifier });
}
