import { type ActivityOptions, proxyActivities } from '@temporalio/workflow';
import type { NeptuneImportActivities } from '../activities';
import { RECOMMENDED_ACTIVITY_OPTIONS } from '../src/activity-options';

/** This library's activities, proxied with the recommended options unless others are given. */
export function proxyNeptuneImportActivities(options: ActivityOptions = RECOMMENDED_ACTIVITY_OPTIONS) {
  return proxyActivities<NeptuneImportActivities>(options);
}
