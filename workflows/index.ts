/**
 * `temporal-neptune-import/workflows`: what runs in the workflow sandbox. The worker bundles this file; it
 * imports activities as types only, and the workflow-safe model from `src/model`.
 */
export * from '../src/model';
export { awaitImportTask } from './await-import-task';
export { importTaskPipeline } from './import-task-pipeline';
export { runImportTask } from './run-import-task';
export { waitForImportTask, type WaitForImportTaskOptions } from './wait-for-import-task';
export { describeImportTask } from './describe-import-task';
export { statusQuery, runStatusQuery, pollNowSignal } from './messages';
export { proxyNeptuneImportActivities } from './neptune-activities';
