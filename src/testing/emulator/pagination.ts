/** Paging for ListImportTasks: the maxResults query member and the opaque nextToken. */

import { constraintMessage, validationError } from './wire';

export const DEFAULT_MAX_RESULTS = 50;

export function encodeToken(generation: number, afterSeq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, g: generation, a: afterSeq })).toString('base64url');
}

/** The seq the page starts after; a token from before the last reset (another generation) is invalid. */
export function decodeToken(token: string, generation: number): number {
  const invalid = () => validationError(`Invalid pagination token: ${token}`, 'BAD_REQUEST');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const p = parsed as { v?: unknown; g?: unknown; a?: unknown } | null;
  if (typeof p !== 'object' || p === null || p.v !== 1 || p.g !== generation) throw invalid();
  if (typeof p.a !== 'number' || !Number.isInteger(p.a) || p.a < 0) throw invalid();
  return p.a;
}

export function parseMaxResults(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_MAX_RESULTS;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw validationError(`Invalid value for 'maxResults': expected an integer, got '${raw}'`, 'BAD_REQUEST');
  }
  if (n < 1)
    throw validationError(
      constraintMessage(raw, 'maxResults', 'Member must have value greater than or equal to 1'),
    );
  if (n > 100)
    throw validationError(
      constraintMessage(raw, 'maxResults', 'Member must have value less than or equal to 100'),
    );
  return n;
}
