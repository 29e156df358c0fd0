/** Node-side entry point: activities, the Neptune client factory, the worker helper and the pure model. */
export * from '../activities';
export { createNeptuneGraphClient, type NeptuneClientSettings } from './neptune-client';
export { createNeptuneImportWorker, workflowsPath, type NeptuneImportWorkerOptions } from './worker';
export { neptuneImportPlugin } from './plugin';
export { RECOMMENDED_ACTIVITY_OPTIONS } from './activity-options';
export { FailureType, NON_RETRYABLE_FAILURE_TYPES, WaitFailureType } from './failure-types';
export {
  classifyNeptuneError,
  type ErrorClassification,
  type NeptuneErrorDetails,
  type ClassificationContext,
} from './classify-error';
export {
  phaseOfStatus,
  isTerminalPhase,
  KNOWN_IMPORT_TASK_STATUSES,
  PROSE_IMPORT_TASK_STATUSES,
  type ImportTaskPhase,
} from './status-model';
export type { ImportTaskSnapshot, ImportTaskProgress, ImportTaskImportOptions } from './import-task-snapshot';
export {
  TASK_IDENTIFIER_PATTERN,
  InvalidInputError,
  validateTaskIdentifier,
  validateStartImportTaskInput,
  type StartImportTaskInput,
} from './input-validation';
export {
  NEPTUNE_SEARCH_ATTRIBUTES,
  NEPTUNE_IMPORT_TASK_ID,
  NEPTUNE_GRAPH_ID,
  NEPTUNE_IMPORT_STATUS,
  NEPTUNE_IMPORT_PROGRESS,
} from './search-attributes';
export {
  startAwaitImportTask,
  awaitImportTaskWorkflowId,
  ensureSearchAttributes,
  type StartAwaitImportTaskOptions,
  type EnsureSearchAttributesResult,
} from './client';

export type { AwaitImportTaskInput, AwaitImportTaskResult, ImportTaskWaitStatus } from './wait-types';
export type {
  ImportTaskPipelineInput,
  ImportTaskPipelineResult,
  PipelineStep,
  PipelineStepContext,
  PipelineStepOutcome,
} from './pipeline-types';
export { DEFAULT_POLL_SCHEDULE, resolvePollSchedule, type PollingOptions } from './poll-schedule';
