import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes a wait upserts, so that the Temporal Web UI and visibility queries such as
 * `NeptuneImportStatus = 'IMPORTING'` list running imports. Pure definitions: workflows import them.
 */
export const NEPTUNE_IMPORT_TASK_ID = defineSearchAttributeKey(
  'NeptuneImportTaskId',
  SearchAttributeType.KEYWORD,
);
/** Keyword: the graph the task imports into. */
export const NEPTUNE_GRAPH_ID = defineSearchAttributeKey('NeptuneGraphId', SearchAttributeType.KEYWORD);
/** Keyword: the task's status exactly as the service sent it. */
export const NEPTUNE_IMPORT_STATUS = defineSearchAttributeKey(
  'NeptuneImportStatus',
  SearchAttributeType.KEYWORD,
);
/** Int: `progressPercentage`, rounded. */
export const NEPTUNE_IMPORT_PROGRESS = defineSearchAttributeKey(
  'NeptuneImportProgress',
  SearchAttributeType.INT,
);

/** All four, for registering them (`ensureSearchAttributes`, `--search-attribute`). */
export const NEPTUNE_SEARCH_ATTRIBUTES = [
  NEPTUNE_IMPORT_TASK_ID,
  NEPTUNE_GRAPH_ID,
  NEPTUNE_IMPORT_STATUS,
  NEPTUNE_IMPORT_PROGRESS,
] as const;
