/**
 * What the strict reading (new workflows, client helpers, the command line) refuses that waits started
 * before 0.3.0 accepted, and that the lenient reading, kept for their replays, still accepts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/model/invalid-input';
import { planPipelineSteps } from '../../src/model/pipeline-plan';
import { resolveRunImportTask } from '../../src/model/resolve-import-start';
import { resolveWaitOptions } from '../../src/model/resolve-wait-options';

const task = 't-0123456789';
const start = {
  graphIdentifier: 'g-0123456789',
  source: 's3://bucket/data/',
  roleArn: 'arn:aws:iam::123456789012:role/NeptuneImport',
};

const cases: Array<[what: string, resolve: (lenient: boolean) => unknown, field: string]> = [
  [
    'a misspelt wait option',
    (lenient) => resolveWaitOptions({ taskIdentifier: task, deadLine: '1h' } as never, { lenient }),
    'deadLine',
  ],
  [
    'a misspelt polling option',
    (lenient) =>
      resolveWaitOptions({ taskIdentifier: task, polling: { maxIntervall: '1m' } } as never, { lenient }),
    'polling.maxIntervall',
  ],
  [
    "cancelImportOnCancel: 'true'",
    (lenient) =>
      resolveWaitOptions({ taskIdentifier: task, cancelImportOnCancel: 'true' } as never, { lenient }),
    'cancelImportOnCancel',
  ],
  [
    'returnOnAnyTerminal: 1',
    (lenient) => resolveWaitOptions({ taskIdentifier: task, returnOnAnyTerminal: 1 } as never, { lenient }),
    'returnOnAnyTerminal',
  ],
  [
    'a misspelt runImportTask option',
    (lenient) => resolveRunImportTask({ start, pollling: {} } as never, { lenient }),
    'pollling',
  ],
  [
    'a misspelt pipeline field',
    (lenient) =>
      planPipelineSteps({ await: { taskIdentifier: task }, onSucceded: [] } as never, 'p', { lenient }),
    'onSucceded',
  ],
  [
    "parallel: 'yes'",
    (lenient) =>
      planPipelineSteps({ await: { taskIdentifier: task }, parallel: 'yes' } as never, 'p', { lenient }),
    'parallel',
  ],
  [
    'a step both an activity and a workflow',
    (lenient) =>
      planPipelineSteps(
        { await: { taskIdentifier: task }, onSucceeded: [{ activityType: 'a', workflowType: 'w' }] },
        'p',
        { lenient },
      ),
    'onSucceeded[0]',
  ],
  [
    'an empty activity type',
    (lenient) =>
      planPipelineSteps({ await: { taskIdentifier: task }, onSucceeded: [{ activityType: '' }] }, 'p', {
        lenient,
      }),
    'onSucceeded[0].activityType',
  ],
  [
    'a step field of another kind',
    (lenient) =>
      planPipelineSteps(
        {
          await: { taskIdentifier: task },
          onFailed: [{ activityType: 'a', workflowExecutionTimeout: '1h' }],
        } as never,
        'p',
        { lenient },
      ),
    'onFailed[0].workflowExecutionTimeout',
  ],
  [
    'step args that are not a list',
    (lenient) =>
      planPipelineSteps(
        { await: { taskIdentifier: task }, onFailed: [{ activityType: 'a', args: 'x' }] } as never,
        'p',
        { lenient },
      ),
    'onFailed[0].args',
  ],
];

describe('the strict reading of inputs', () => {
  for (const [what, resolve, field] of cases) {
    it(`refuses ${what}, naming ${field}; the lenient reading of old waits does not`, () => {
      assert.throws(
        () => resolve(false),
        (error: unknown) => error instanceof InvalidInputError && error.field === field,
      );
      assert.doesNotThrow(() => resolve(true));
    });
  }
});
