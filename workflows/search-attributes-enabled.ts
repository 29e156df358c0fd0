import { isCancellation, workflowInfo } from '@temporalio/workflow';
import { readsAsToday, type InputReading } from '../src/model/input-reading';
import { NEPTUNE_IMPORT_TASK_ID, NEPTUNE_SEARCH_ATTRIBUTES } from '../src/model/search-attributes';
import { invalidInputFailure } from './failures';
import { proxyNeptuneImportActivities } from './neptune-activities';
import type { RunReading } from './input-reading';

/** Waits recorded before this version never asked: on replay they must not start now. */
const LOOK_UP_NAMESPACE_ATTRIBUTES = 'look-up-namespace-search-attributes';

/** Whether the namespace, asked through the worker, has all four attributes; undefined if it cannot say. */
async function namespaceHasAttributes(): Promise<boolean | undefined> {
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
    return undefined;
  }
}

/**
 * `searchAttributes: true` claims the namespace has the attributes; one that says it lacks them would fail
 * every workflow task that upserts them. Since 0.4.0 (`reading`) such a claim is refused as invalid input,
 * before anything starts. A namespace that cannot be asked is taken at its word.
 */
export async function refuseMissingSearchAttributes(reading: InputReading): Promise<void> {
  if (workflowInfo().typedSearchAttributes.get(NEPTUNE_IMPORT_TASK_ID) !== undefined) return;
  if (!readsAsToday(reading) || (await namespaceHasAttributes()) !== false) return;
  throw invalidInputFailure(
    `Invalid searchAttributes: expected 'auto' or false in namespace ${workflowInfo().namespace}, which ` +
      'lacks the Neptune* search attributes, received true (register them with ensureSearchAttributes or ' +
      '`temporal operator search-attribute create`)',
  );
}

/**
 * Whether a wait writes its search attributes. An attribute the namespace lacks would fail the workflow
 * task on every retry, so `'auto'` writes them only where they are known to exist: the workflow was started
 * with NeptuneImportTaskId (proof enough), or the namespace, asked through the worker, has all four with
 * their types. A wait that cannot ask runs without them: it never fails for want of attributes. For `true`,
 * see `refuseMissingSearchAttributes`.
 */
export async function searchAttributesEnabled(mode: boolean | 'auto', reading: RunReading): Promise<boolean> {
  if (mode === false) return false;
  if (mode === true) {
    await refuseMissingSearchAttributes(reading);
    return true;
  }
  if (workflowInfo().typedSearchAttributes.get(NEPTUNE_IMPORT_TASK_ID) !== undefined) return true;
  if (!reading.takes(LOOK_UP_NAMESPACE_ATTRIBUTES)) return false;
  return (await namespaceHasAttributes()) === true;
}
