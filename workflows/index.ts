/**
 * Workflow-safe entry point (`temporal-neptune-import/workflows`): deterministic code only. The worker
 * bundles this file; it imports activities as types and pure modules from `src/`.
 */
export { describeImportTask } from './describe-import-task';
export { proxyNeptuneImportActivities } from './neptune-activities';
export { RECOMMENDED_ACTIVITY_OPTIONS } from '../src/activity-options';
export { FailureType, NON_RETRYABLE_FAILURE_TYPES } from '../src/failure-types';
export { phaseOfStatus, isTerminalPhase, type ImportTaskPhase } from '../src/status-model';
export type { ImportTaskSnapshot } from '../src/import-task-snapshot';
