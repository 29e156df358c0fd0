/**
 * Every workflow's input resolution, fed arbitrary JSON: each input either resolves or is refused with an
 * InvalidInputError naming a field (which the workflows turn into a failed workflow). Anything else thrown
 * would fail the workflow task, and the workflow would retry it forever.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/model/invalid-input';
import { POLLING_FIELDS } from '../../src/model/poll-schedule';
import { planPipelineSteps } from '../../src/model/pipeline-plan';
import { resolveRunImportTask } from '../../src/model/resolve-import-start';
import {
  readableStrictly,
  resolveWaitOptions,
  WAIT_SETTING_FIELDS,
  type ResolvedWaitOptions,
} from '../../src/model/resolve-wait-options';
import { MAX_DURATION_MS } from '../../src/model/durations';
import type { AwaitImportTaskInput } from '../../src/model/wait-types';
import type { ImportTaskPipelineInput } from '../../src/model/pipeline-types';
import type { RunImportTaskInput } from '../../src/model/run-types';

const RUNS = 2000;

/** What an old reading meant, with durations above today's ceiling as the ceiling ("never" either way). */
function withinCeiling(resolved: ResolvedWaitOptions): ResolvedWaitOptions {
  const cap = (ms: number) => Math.min(ms, MAX_DURATION_MS);
  return {
    ...resolved,
    ...(resolved.deadlineMs !== undefined && { deadlineMs: cap(resolved.deadlineMs) }),
    notFoundGracePeriodMs: cap(resolved.notFoundGracePeriodMs),
    cancelConfirmTimeoutMs: cap(resolved.cancelConfirmTimeoutMs),
    schedule: {
      ...resolved.schedule,
      initialIntervalMs: cap(resolved.schedule.initialIntervalMs),
      minIntervalMs: cap(resolved.schedule.minIntervalMs),
      maxIntervalMs: cap(resolved.schedule.maxIntervalMs),
    },
  };
}

/** Any JSON value where a field is expected, and once in a while a value that fits it. */
const value = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.constantFrom('t-0123456789', '10 minutes', '1s', 0, -1, 1e300, NaN, true, 'auto', ''),
);
/** Objects with the inputs' own field names (and unknown ones), holding anything. */
const objectOf = (fields: readonly string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 8 })), value, { maxKeys: 6 });

const WAIT_FIELDS = ['taskIdentifier', ...WAIT_SETTING_FIELDS];
const STEP_FIELDS = [
  'name',
  'args',
  'activityType',
  'workflowType',
  'signalName',
  'workflowId',
  'taskQueue',
  'retry',
];

const waitInput = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  objectOf(WAIT_FIELDS),
  fc.record({ taskIdentifier: fc.constant('t-0123456789'), polling: objectOf(POLLING_FIELDS) }),
);
const start = fc.oneof(value, objectOf(['graphIdentifier', 'source', 'roleArn', 'format', 'failOnError']));
const runInput = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ start, polling: fc.oneof(value, objectOf(POLLING_FIELDS)) }, { requiredKeys: [] }),
  objectOf([...WAIT_FIELDS, 'start', 'createGraph']),
);
const step = fc.oneof(value, objectOf(STEP_FIELDS));
const pipelineInput = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      await: fc.oneof(value, objectOf(WAIT_FIELDS)),
      onSucceeded: fc.oneof(value, fc.array(step, { maxLength: 4 })),
      onFailed: fc.oneof(value, fc.array(step, { maxLength: 4 })),
      parallel: value,
      start,
    },
    { requiredKeys: [] },
  ),
);

/** Resolves, or refuses with an InvalidInputError naming a field; anything else fails the property. */
function resolvesOrRefuses(resolve: () => unknown): boolean {
  try {
    resolve();
    return true;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    assert.ok(error.field.length > 0, error.message);
    return true;
  }
}

describe('input resolution of every workflow, on arbitrary JSON', () => {
  for (const lenient of [false, true]) {
    const reading = lenient ? 'as before 0.3.0 (replays)' : 'strictly';
    it(`awaitImportTask's input, read ${reading}`, () => {
      fc.assert(
        fc.property(waitInput, (input) =>
          resolvesOrRefuses(() => resolveWaitOptions(input as AwaitImportTaskInput, { lenient })),
        ),
        { numRuns: RUNS },
      );
    });

    it(`runImportTask's input, read ${reading}`, () => {
      fc.assert(
        fc.property(runInput, (input) =>
          resolvesOrRefuses(() => resolveRunImportTask(input as RunImportTaskInput, { lenient })),
        ),
        { numRuns: RUNS },
      );
    });

    it(`importTaskPipeline's input, read ${reading}`, () => {
      fc.assert(
        fc.property(pipelineInput, (input) =>
          resolvesOrRefuses(() =>
            planPipelineSteps(input as ImportTaskPipelineInput, 'pipeline-1', { lenient, anyName: lenient }),
          ),
        ),
        { numRuns: RUNS },
      );
    });
  }

  for (const [name, reading] of [
    ['leniently (before 0.3.0)', { lenient: true, before040: true }],
    ['as 0.3.0 did', { before040: true }],
  ] as const) {
    it(`a wait input read ${name}, made readableStrictly, means the same to today's reading`, () => {
      fc.assert(
        fc.property(waitInput, (input) => {
          let old: ResolvedWaitOptions;
          try {
            old = resolveWaitOptions(input as AwaitImportTaskInput, reading);
          } catch {
            return true; // refused either way: nothing is handed on
          }
          const rewritten = readableStrictly(input as AwaitImportTaskInput);
          assert.deepEqual(resolveWaitOptions(rewritten), withinCeiling(old));
          return true;
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('can fail: a resolution that throws a plain Error is caught', () => {
    assert.throws(
      () =>
        fc.assert(
          fc.property(fc.constant(null), () => resolvesOrRefuses(() => JSON.parse('{'))),
          { numRuns: 1 },
        ),
      /Property failed/,
    );
  });
});
