import type { EmulatedOperation } from './faults';

export interface Route {
  operation: EmulatedOperation;
  /** Path labels, percent-decoded (kept raw when the encoding is broken, so validation rejects them). */
  taskIdentifier?: string;
  graphIdentifier?: string;
  query: URLSearchParams;
}

/** A label as the SDK sends it: percent-encoded (`t-abc/1` arrives as `t-abc%2F1`). */
function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // Keep the raw text so the identifier check rejects it with a ValidationException.
    return raw;
  }
}

/** Maps a method and request target to one of the emulated operations, or undefined. */
export function matchRoute(method: string | undefined, target: string | undefined): Route | undefined {
  let url: URL;
  try {
    url = new URL(target ?? '/', 'http://emulator.invalid');
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').slice(1);
  const query = url.searchParams;
  const [first, second, third, ...rest] = segments;

  if (first === 'importtasks' && segments.length === 1) {
    if (method === 'GET') return { operation: 'ListImportTasks', query };
    if (method === 'POST') return { operation: 'CreateGraphUsingImportTask', query };
    return undefined;
  }
  if (first === 'importtasks' && second !== undefined && second !== '' && segments.length === 2) {
    const taskIdentifier = decodeLabel(second);
    if (method === 'GET') return { operation: 'GetImportTask', taskIdentifier, query };
    if (method === 'DELETE') return { operation: 'CancelImportTask', taskIdentifier, query };
    return undefined;
  }
  if (first === 'graphs' && segments.length === 1 && method === 'GET')
    return { operation: 'ListGraphs', query };
  if (first === 'graphs' && second !== undefined && second !== '') {
    const graphIdentifier = decodeLabel(second);
    if (segments.length === 2 && method === 'GET') return { operation: 'GetGraph', graphIdentifier, query };
    if (third === 'importtasks' && rest.length === 0 && method === 'POST') {
      return { operation: 'StartImportTask', graphIdentifier, query };
    }
  }
  return undefined;
}
