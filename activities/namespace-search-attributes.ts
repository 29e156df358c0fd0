import { Context } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';
import { NEPTUNE_SEARCH_ATTRIBUTES } from '../src/model/search-attributes';

/**
 * How long an answer is kept: a namespace without this library's attributes is asked again soon (they may
 * be registered meanwhile), one with them less often (they may be removed, and a wait that upserts a removed
 * attribute fails its workflow task).
 */
const WITHOUT_ATTRIBUTES_KEPT_MS = 60_000;
const WITH_ATTRIBUTES_KEPT_MS = 10 * 60_000;

function hasThisLibrarysAttributes(attributes: NamespaceSearchAttributes): boolean {
  return NEPTUNE_SEARCH_ATTRIBUTES.every(({ name, type }) => attributes[name] === type);
}

const INDEXED_VALUE_TYPE_PREFIX = 'INDEXED_VALUE_TYPE_';

/** Search attribute name → type, spelled as the SDK's `SearchAttributeType` (`KEYWORD`, `INT`, …). */
export type NamespaceSearchAttributes = Record<string, string>;

/**
 * `namespaceSearchAttributes`: the custom search attributes of the namespace the calling workflow runs in,
 * through the worker's own connection. A wait started without NeptuneImportTaskId (by name, by another
 * workflow, by `temporal workflow start`) asks once per run, so that it writes its attributes where the
 * namespace has them and never where it lacks them. Answers are kept per worker (per factory): for a
 * minute without this library's attributes, ten with them.
 */
export function namespaceSearchAttributesActivity() {
  const known = new Map<string, { attributes: NamespaceSearchAttributes; askedAt: number }>();
  return async function namespaceSearchAttributes(): Promise<NamespaceSearchAttributes> {
    const context = Context.current();
    const namespace = context.info.workflowNamespace ?? context.client.options.namespace;
    const cached = known.get(namespace);
    const keptMs =
      cached && hasThisLibrarysAttributes(cached.attributes)
        ? WITH_ATTRIBUTES_KEPT_MS
        : WITHOUT_ATTRIBUTES_KEPT_MS;
    if (cached && Date.now() - cached.askedAt < keptMs) return cached.attributes;
    const { customAttributes } = await context.client.connection.operatorService.listSearchAttributes({
      namespace,
    });
    const attributes = Object.fromEntries(
      Object.entries(customAttributes ?? {}).map(([name, type]) => [
        name,
        (temporal.api.enums.v1.IndexedValueType[type] ?? String(type)).replace(INDEXED_VALUE_TYPE_PREFIX, ''),
      ]),
    );
    known.set(namespace, { attributes, askedAt: Date.now() });
    return attributes;
  };
}
