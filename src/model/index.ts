/**
 * The workflow-safe model that both entry points export, from this one list: `temporal-neptune-import` (Node)
 * and `temporal-neptune-import/workflows` (the workflow sandbox). Pure: no Node, no AWS SDK, no I/O.
 */
export {
  BOUNDED_RETRY_FAILURE_TYPES,
  FailureType,
  NON_RETRYABLE_FAILURE_TYPES,
  WaitFailureType,
} from './failure-types';
export { RECOMMENDED_ACTIVITY_OPTIONS } from './activity-options';
export {
  phaseOfStatus,
  isTerminalPhase,
  KNOWN_IMPORT_TASK_STATUSES,
  type ImportTaskPhase,
} from './status-model';
export type { ImportTaskSnapshot, ImportTaskProgress, ImportTaskImportOptions } from './import-task-snapshot';
export type { StartImportTaskInput, CreateGraphUsingImportTaskInput } from './input-validation';
export type {
  ImportStartInput,
  RunImportTaskInput,
  RunImportTaskResult,
  RunImportTaskStatus,
} from './run-types';
export {
  NEPTUNE_SEARCH_ATTRIBUTES,
  NEPTUNE_IMPORT_TASK_ID,
  NEPTUNE_GRAPH_ID,
  NEPTUNE_IMPORT_STATUS,
  NEPTUNE_IMPORT_PROGRESS,
} from './search-attributes';
export type { PollingOptions } from './poll-schedule';
export { NEPTUNE_IMPORT_METRICS, WAIT_OUTCOMES, type WaitOutcome } from './metrics';
export type {
  AwaitImportTaskInput,
  AwaitImportTaskResult,
  AwaitImportTaskCarryOver,
  ImportTaskWaitStatus,
} from './wait-types';
export { InvalidInputError } from './invalid-input';
export { MAX_DURATION_MS } from './durations';
export type {
  ImportTaskPipelineInput,
  ImportTaskPipelineResult,
  PipelineStep,
  PipelineStepContext,
  PipelineStepOutcome,
} from './pipeline-types';
export {
  DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT,
  UNREGISTERED_ACTIVITY_FAILURE_TYPE,
} from './pipeline-step-options';
