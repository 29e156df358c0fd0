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
