import { randomInt } from 'node:crypto';
import { TASK_IDENTIFIER_PATTERN } from '../../model/input-validation';
import { mulberry32, type Random } from '../seeded-random';

export type { Random };

/** The service's task id format, kept in one place: the library's input validation. */
export const TASK_ID_PATTERN = TASK_IDENTIFIER_PATTERN;
export const GRAPH_ID_PATTERN = /^g-[a-z0-9]{10}$/;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Separate streams per purpose, so that e.g. an extra request (which draws a request id) does not
 * change the task ids or the fault dice of a seeded run.
 */
export type RandomStream = 'ids' | 'requestIds' | 'faults';

const STREAM_SALT: Record<RandomStream, number> = {
  ids: 0x1b873593,
  requestIds: 0x85ebca6b,
  faults: 0xc2b2ae35,
};

export function createRandom(seed: number | undefined, stream: RandomStream): Random {
  const base = seed ?? randomInt(0, 2 ** 32 - 1);
  return mulberry32((base ^ STREAM_SALT[stream]) >>> 0);
}

function randomChars(random: Random, count: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[Math.floor(random() * alphabet.length)] ?? '0';
  return out;
}

export function randomTaskId(random: Random): string {
  return `t-${randomChars(random, 10, ID_ALPHABET)}`;
}

export function randomGraphId(random: Random): string {
  return `g-${randomChars(random, 10, ID_ALPHABET)}`;
}

/** A version-4-shaped uuid drawn from `random` (deterministic when the emulator is seeded). */
export function randomUuid(random: Random): string {
  const hex = randomChars(random, 32, '0123456789abcdef').split('');
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
