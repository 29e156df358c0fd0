/**
 * `temporal-neptune-import`, for Node: the activities, the Neptune client factory and error classification,
 * the worker, the plugin, the client helpers, and the workflow-safe model.
 */
export * from './model';
export * from '../activities';
export { createNeptuneGraphClient, type NeptuneClientSettings } from './neptune/create-client';
export {
  classifyNeptuneError,
  type ErrorClassification,
  type NeptuneErrorDetails,
  type ClassificationContext,
} from './neptune/classify-error';
export { createNeptuneImportWorker, workflowsPath, type NeptuneImportWorkerOptions } from './temporal/worker';
export { neptuneImportPlugin } from './temporal/plugin';
export { installMetricsRuntime, NEPTUNE_IMPORT_HISTOGRAM_BUCKETS } from './temporal/metrics-runtime';
export {
  startAwaitImportTask,
  awaitImportTaskWorkflowId,
  type StartAwaitImportTaskOptions,
} from './temporal/start-await-import-task';
export { startRunImportTask, type StartRunImportTaskOptions } from './temporal/start-run-import-task';
export {
  ensureSearchAttributes,
  type EnsureSearchAttributesResult,
} from './temporal/ensure-search-attributes';
