import { type ActivityOptions, proxyActivities } from '@temporalio/workflow';
import type { NeptuneImportActivities } from '../activities';
import { RECOMMENDED_ACTIVITY_OPTIONS } from '../src/model/activity-options';

/**
 * This library's activities, proxied with `RECOMMENDED_ACTIVITY_OPTIONS`; `overrides` replace single options
 * (a `retry` given here replaces the whole retry policy). The one place workflows of this library proxy them.
 */
export function proxyNeptuneImportActivities(overrides: ActivityOptions = {}) {
  return proxyActivities<NeptuneImportActivities>({ ...RECOMMENDED_ACTIVITY_OPTIONS, ...overrides });
}
