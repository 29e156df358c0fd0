import { Context } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';

/** A namespace found without the attributes is asked again after this long: they may be registered meanwhile. */
const ABSENT_RECHECK_MS = 60_000;

const INDEXED_VALUE_TYPE_PREFIX = 'INDEXED_VALUE_TYPE_';

/** Search attribute name → type, spelled as the SDK's `SearchAttributeType` (`KEYWORD`, `INT`, …). */
export type NamespaceSearchAttributes = Record<string, string>;

/**
 * `namespaceSearchAttributes`: the custom search attributes of the namespace the calling workflow runs in,
 * through the worker's own connection. A wait started without NeptuneImportTaskId (by name, by another
 * workflow, by `temporal workflow start`) asks once per run, so that it writes its attributes where the
 * namespace has them and never where it lacks them. Answers are kept per worker (per factory); an answer
 * without this library's attributes only for a minute.
 */
export function namespaceSearchAttributesActivity() {
  const known = new Map<string, { attributes: NamespaceSearchAttributes; askedAt: number }>();
  return async function namespaceSearchAttributes(): Promise<NamespaceSearchAttributes> {
    const context = Context.current();
    const namespace = context.info.workflowNamespace ?? context.client.options.namespace;
    const cached = known.get(namespace);
    if (
      cached &&
      (Object.keys(cached.attributes).length > 0 || Date.now() - cached.askedAt < ABSENT_RECHECK_MS)
    ) {
      return cached.attributes;
    }
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
