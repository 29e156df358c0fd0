import assert from 'node:assert/strict';
import { it } from 'node:test';
import { redactCredentials } from '../../src/neptune/redact-credentials';

it('removes access key ids, signatures and session tokens from error text', () => {
  const text =
    'The Canonical String ... Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/neptune-graph/aws4_request ' +
    'Signature=' +
    'a'.repeat(64) +
    ' X-Amz-Security-Token=FQoGZXIvYXdzEJr//////////wEaDHpLjN';
  const redacted = redactCredentials(text);
  assert.ok(!redacted.includes('IOSFODNN7EXAMPLE'), redacted);
  assert.ok(!redacted.includes('a'.repeat(64)), redacted);
  assert.ok(!redacted.includes('FQoGZXIvYXdzEJr'), redacted);
  assert.match(redacted, /us-east-1\/neptune-graph/);
});

it('removes the credential values it is given, whole or as any piece of 8 characters or more', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH';
  const text =
    `secret ${secret}; the token ends ${token.slice(-12)}; a piece ${secret.slice(5, 13)}; ` +
    `short ${secret.slice(0, 7)}; the rest stays`;
  const redacted = redactCredentials(text, [secret, token]);
  for (const value of [secret, token]) {
    for (let start = 0; start + 8 <= value.length; start++) {
      assert.ok(
        !redacted.includes(value.slice(start, start + 8)),
        `${value.slice(start, start + 8)} in ${redacted}`,
      );
    }
  }
  assert.match(
    redacted,
    /^secret <redacted>; the token ends <redacted>; a piece <redacted>; short wJalrXU; the rest stays$/,
  );
});
