import type { Client } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { NEPTUNE_SEARCH_ATTRIBUTES } from '../model/search-attributes';
import { indexedValueTypeOf } from './search-attribute-types';

type SearchAttributeKey = { name: string; type: SearchAttributeType };

/** What `ensureSearchAttributes` found and did. */
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
    else if (existing === indexedValueTypeOf(key.type)) result.present.push(key.name);
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
      searchAttributes: Object.fromEntries(toCreate.map((key) => [key.name, indexedValueTypeOf(key.type)])),
    });
    result.created.push(...toCreate.map(({ name }) => name));
  } catch (error) {
    const reason = `could not be registered: ${(error as Error).message}`;
    result.missing.push(...toCreate.map(({ name }) => ({ name, reason })));
  }
  return result;
}
