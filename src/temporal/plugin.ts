import { SimplePlugin } from '@temporalio/plugin';
import { createNeptuneImportActivities, type NeptuneImportActivitiesOptions } from '../../activities';

/**
 * Adds this library's activities to any worker (`Worker.create({ plugins: [neptuneImportPlugin()] })`).
 * The workflows run in your own bundle: re-export them from your workflows file with
 * `export * from 'temporal-neptune-import/workflows'` (or just the ones you use).
 *
 * Built on Temporal's experimental plugin API (`@temporalio/plugin`).
 */
export function neptuneImportPlugin(options: NeptuneImportActivitiesOptions = {}): SimplePlugin {
  return new SimplePlugin({
    name: 'temporal-neptune-import',
    activities: createNeptuneImportActivities(options),
  });
}
