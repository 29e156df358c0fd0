import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportTaskStatus } from '@aws-sdk/client-neptune-graph';
import {
  isTerminalPhase,
  KNOWN_IMPORT_TASK_STATUSES,
  phaseOfStatus,
  type ImportTaskPhase,
} from '../../src/model/status-model';

const expected: Record<string, ImportTaskPhase> = {
  INITIALIZING: 'running',
  EXPORTING: 'running',
  ANALYZING_DATA: 'running',
  IMPORTING: 'running',
  REPROVISIONING: 'running',
  RE_PROVISIONING: 'running',
  ROLLING_BACK: 'running',
  ERROR_ENCOUNTERED: 'running',
  ERROR_ENCOUNTERED_ROLLING_BACK: 'running',
  CANCELLING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  DELETED: 'deleted',
};

describe('status model', () => {
  for (const [status, phase] of Object.entries(expected)) {
    it(`${status} → ${phase}`, () => assert.equal(phaseOfStatus(status), phase));
  }

  it('covers every value of the SDK enum', () => {
    assert.deepEqual([...KNOWN_IMPORT_TASK_STATUSES].sort(), Object.values(ImportTaskStatus).sort());
  });

  it('maps a status it does not know to unknown, which is not terminal', () => {
    assert.equal(phaseOfStatus('QUANTUM_SYNCING'), 'unknown');
    assert.equal(isTerminalPhase('unknown'), false);
  });

  it('does not fold case: the service sends upper case, anything else is unknown', () => {
    assert.equal(phaseOfStatus('succeeded'), 'unknown');
  });

  it('treats a missing status as unknown', () => assert.equal(phaseOfStatus(undefined), 'unknown'));

  it('knows which phases are terminal', () => {
    assert.deepEqual(
      (['running', 'succeeded', 'failed', 'cancelled', 'deleted', 'unknown'] as const).filter(
        isTerminalPhase,
      ),
      ['succeeded', 'failed', 'cancelled', 'deleted'],
    );
  });
});
