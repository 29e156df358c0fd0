import { Worker, type WorkerOptions } from '@temporalio/worker';
import { createNeptuneImportActivities, type NeptuneImportActivitiesOptions } from '../../activities';

/** The workflows file the worker bundles: `temporal-neptune-import/workflows`. */
export const workflowsPath = require.resolve('../../workflows');

/** Options of `createNeptuneImportWorker`: the SDK's worker options, plus how to reach Neptune. */
export interface NeptuneImportWorkerOptions extends Omit<WorkerOptions, 'activities'> {
  /** How the activities reach Neptune Analytics (a client, or settings to build one). */
  neptune?: NeptuneImportActivitiesOptions;
  /** Further activities to register beside this library's own (for pipeline steps, for example). */
  activities?: object;
}

/**
 * A worker running this library's workflows and activities. Without `workflowBundle` or `workflowsPath` it
 * bundles this package's workflows.
 */
export async function createNeptuneImportWorker(options: NeptuneImportWorkerOptions): Promise<Worker> {
  const { neptune, activities, ...workerOptions } = options;
  const hasWorkflows =
    workerOptions.workflowBundle !== undefined || workerOptions.workflowsPath !== undefined;
  return Worker.create({
    ...workerOptions,
    ...(hasWorkflows ? {} : { workflowsPath }),
    activities: { ...activities, ...createNeptuneImportActivities(neptune) },
  });
}
