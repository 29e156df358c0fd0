import type { Client, WorkflowHandle } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { resolveWaitOptions } from './resolve-wait-options';
import { NEPTUNE_IMPORT_TASK_ID, NEPTUNE_SEARCH_ATTRIBUTES } from './search-attributes';
import type { AwaitImportTaskInput, AwaitImportTaskResult } from './wait-types';

type SearchAttributeKey = { name: string; type: SearchAttributeType };

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
const INDEXED_VALUE_TYPES: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.TEXT]: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DOUBLE]: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** The workflow id `startAwaitImportTask` and the command line use: one wait per task. */
export function awaitImportTaskWorkflowId(taskIdentifier: string): string {
  return `neptune-import-${taskIdentifier}`;
}

export interface EnsureSearchAttributesResult {
  /** Already registered with the right type. */
  present: string[];
  /** Registered by this call. */
  created: string[];
  /** Missing and not created (creation off or refused), each with why. */
  missing: { name: string; reason: string }[];
}

/**
 * Checks that a namespace has this library's search attributes (or `keys`) and registers what is missing,
 * where the server allows it (a self-hosted or dev server; Temporal Cloud registers them through its own
 * API, so there they are named in `missing`).
 */
export async function ensureSearchAttributes(
  client: Client,
  options: { namespace?: string; create?: boolean; keys?: readonly SearchAttributeKey[] } = {},
): Promise<EnsureSearchAttributesResult> {
  const namespace = options.namespace ?? client.options.namespace;
  const keys = options.keys ?? NEPTUNE_SEARCH_ATTRIBUTES;
  const operator = client.connection.operatorService;
  const { customAttributes } = await operator.listSearchAttributes({ namespace });
  const result: EnsureSearchAttributesResult = { present: [], created: [], missing: [] };
  const toCreate: SearchAttributeKey[] = [];
  for (const key of keys) {
    const existing = customAttributes?.[key.name];
    if (existing === undefined) toCreate.push(key);
    else if (existing === INDEXED_VALUE_TYPES[key.type]) result.present.push(key.name);
    else
      result.missing.push({ name: key.name, reason: `registered with another type (${String(existing)})` });
  }
  if (toCreate.length === 0) return result;
  if (options.create === false) {
    result.missing.push(...toCreate.map(({ name }) => ({ name, reason: 'not registered' })));
    return result;
  }
  try {
    await operator.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(toCreate.map((key) => [key.name, INDEXED_VALUE_TYPES[key.type]])),
    });
    result.created.push(...toCreate.map(({ name }) => name));
  } catch (error) {
    const reason = `could not be registered: ${(error as Error).message}`;
    result.missing.push(...toCreate.map(({ name }) => ({ name, reason })));
  }
  return result;
}

export interface StartAwaitImportTaskOptions {
  taskQueue: string;
  /** Default `neptune-import-<taskIdentifier>`: one wait per task, so starting twice finds the running one. */
  workflowId?: string;
}

/**
 * Starts the `awaitImportTask` workflow. The input is checked here first, and the start carries
 * NeptuneImportTaskId unless `searchAttributes: false`, which both makes the wait findable at once and
 * tells the workflow (in `'auto'` mode) that the namespace has the attributes.
 */
export async function startAwaitImportTask(
  client: Client,
  input: AwaitImportTaskInput,
  options: StartAwaitImportTaskOptions,
): Promise<WorkflowHandle<(input: AwaitImportTaskInput) => Promise<AwaitImportTaskResult>>> {
  const { taskIdentifier } = resolveWaitOptions(input);
  return client.workflow.start('awaitImportTask', {
    taskQueue: options.taskQueue,
    workflowId: options.workflowId ?? awaitImportTaskWorkflowId(taskIdentifier),
    args: [input],
    staticSummary: `Wait for Neptune Analytics import task ${taskIdentifier}`,
    ...(input.searchAttributes !== false && {
      typedSearchAttributes: [{ key: NEPTUNE_IMPORT_TASK_ID, value: taskIdentifier }],
    }),
  });
}
