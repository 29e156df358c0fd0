import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toActivityFailure } from '../../activities/activity-failure';

describe('toActivityFailure', () => {
  it('redacts the messages and the stacks of the error and its causes, even a stack read before', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const root = new Error(`signing with ${secret} failed`);
    const error = new Error(`the request failed: ${secret}`, { cause: root });
    // A stack once read keeps its text: a logger or middleware may well have read it first.
    assert.ok(error.stack?.includes(secret) && root.stack?.includes(secret));
    const failure = toActivityFailure(error, 'GetImportTask', 't-0123456789', { secrets: [secret] });
    const cause = failure.cause as Error;
    for (const text of [failure.message, cause.message, cause.stack, root.message, root.stack]) {
      assert.ok(text !== undefined && !text.includes(secret.slice(4, 12)), `a credential in ${text}`);
    }
  });
});
