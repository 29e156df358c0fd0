export {
  createNeptuneImportActivities,
  type NeptuneImportActivities,
  type NeptuneImportActivitiesOptions,
  type GetImportTaskInput,
  type StartImportTaskResult,
  type CancelImportTaskInput,
  type CancelImportTaskResult,
} from './create-activities';
