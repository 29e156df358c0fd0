export {
  createNeptuneImportActivities,
  type NeptuneImportActivities,
  type NeptuneImportActivitiesOptions,
  type GetImportTaskInput,
  type CancelImportTaskInput,
  type CancelImportTaskResult,
} from './create-activities';
export type { StartImportTaskResult } from './start-import';
export { DEFAULT_UNKNOWN_ERROR_ATTEMPTS } from './activity-failure';
