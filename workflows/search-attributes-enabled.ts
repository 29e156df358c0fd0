import { isCancellation, patched, workflowInfo } from '@temporalio/workflow';
import { NEPTUNE_IMPORT_TASK_ID, NEPTUNE_SEARCH_ATTRIBUTES } from '../src/model/search-attributes';
import { proxyNeptuneImportActivities } from './neptune-activities';

/** Waits recorded before this version never asked: on replay they must not start now. */
const LOOK_UP_NAMESPACE_ATTRIBUTES = 'look-up-namespace-search-attributes';

/**
 * Whether a wait writes its search attributes. An attribute the namespace lacks would fail the workflow
 * task on every retry, so `'auto'` writes them only where they are known to exist: the workflow was started
 * with NeptuneImportTaskId (proof enough), or the namespace, asked through the worker, has all four with
 * their types. A wait that cannot ask runs without them: it never fails for want of attributes.
 */
export async function searchAttributesEnabled(mode: boolean | 'auto'): Promise<boolean> {
  if (mode !== 'auto') return mode;
  if (workflowInfo().typedSearchAttributes.get(NEPTUNE_IMPORT_TASK_ID) !== undefined) return true;
  if (!patched(LOOK_UP_NAMESPACE_ATTRIBUTES)) return false;
  const { namespaceSearchAttributes } = proxyNeptuneImportActivities({
    summary: 'Does this namespace have the Neptune* search attributes?',
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', maximumAttempts: 3 },
  });
  try {
    const attributes = await namespaceSearchAttributes();
    return NEPTUNE_SEARCH_ATTRIBUTES.every(({ name, type }) => attributes[name] === type);
  } catch (error) {
    if (isCancellation(error)) throw error;
    return false;
  }
}
