/**
 * Workflow-safe entry point (`temporal-neptune-import/workflows`): deterministic code only. The worker
 * bundles this file; it imports activities as types and pure modules from `src/`.
 */
export { awaitImportTask } from './await-import-task';
export { importTaskPipeline } from './import-task-pipeline';
export { waitForImportTask, type WaitForImportTaskOptions } from './wait-for-import-task';
export { describeImportTask } from './describe-import-task';
export { statusQuery, pollNowSignal } from './messages';
export { proxyNeptuneImportActivities } from './neptune-activities';
export { RECOMMENDED_ACTIVITY_OPTIONS } from '../src/activity-options';
export { FailureType, NON_RETRYABLE_FAILURE_TYPES, WaitFailureType } from '../src/failure-types';
export { phaseOfStatus, isTerminalPhase, type ImportTaskPhase } from '../src/status-model';
export type { ImportTaskSnapshot } from '../src/import-task-snapshot';
export type {
  AwaitImportTaskInput,
  AwaitImportTaskResult,
  AwaitImportTaskCarryOver,
  ImportTaskWaitStatus,
} from '../src/wait-types';
export type { PollingOptions } from '../src/poll-schedule';
export type {
  ImportTaskPipelineInput,
  ImportTaskPipelineResult,
  PipelineStep,
  PipelineStepContext,
  PipelineStepOutcome,
} from '../src/pipeline-types';
