import type { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/**
 * A search attribute type as each Temporal interface spells it, derived from the SDK's own name
 * (`KEYWORD_LIST`), so that no table can fall behind the SDK.
 */

/** The operator service's enum value: `INDEXED_VALUE_TYPE_KEYWORD_LIST`. */
export function indexedValueTypeOf(type: SearchAttributeType): temporal.api.enums.v1.IndexedValueType {
  return temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${type}`];
}

/** The `temporal` CLI's spelling, as in `--search-attribute Name=KeywordList`. */
export function cliTypeNameOf(type: SearchAttributeType): string {
  return type
    .split('_')
    .map((word) => word[0] + word.slice(1).toLowerCase())
    .join('');
}
