import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toImportTaskSnapshot } from '../../src/model/import-task-snapshot';

const observedAt = new Date('2026-01-01T00:10:00Z');

describe('toImportTaskSnapshot', () => {
  it('keeps every field, as plain JSON with ISO timestamps and the derived phase', () => {
    const snapshot = toImportTaskSnapshot(
      {
        taskId: 't-0123456789',
        graphId: 'g-0123456789',
        source: 's3://bucket/x',
        format: 'CSV',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        status: 'IMPORTING',
        attemptNumber: 1,
        importOptions: { neptune: { s3ExportPath: 's3://b/e', s3ExportKmsKeyId: 'k' } },
        importTaskDetails: {
          status: 'IMPORTING',
          startTime: new Date('2026-01-01T00:00:00Z'),
          timeElapsedSeconds: 600,
          progressPercentage: 42,
          errorCount: 0,
          statementCount: 1000,
          dictionaryEntryCount: 10,
        },
      },
      observedAt,
      't-0123456789',
    );
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
    assert.equal(snapshot.phase, 'running');
    assert.equal(snapshot.unknownStatus, false);
    assert.equal(snapshot.details?.startTime, '2026-01-01T00:00:00.000Z');
    assert.equal(snapshot.details?.progressPercentage, 42);
    assert.equal(snapshot.observedAt, '2026-01-01T00:10:00.000Z');
    assert.deepEqual(snapshot.importOptions, {
      neptune: { s3ExportPath: 's3://b/e', s3ExportKmsKeyId: 'k' },
    });
  });

  it('keeps an unknown status exactly as sent and flags it', () => {
    const snapshot = toImportTaskSnapshot(
      { taskId: 't-0123456789', status: 'QUANTUM_SYNCING' },
      observedAt,
      'x',
    );
    assert.equal(snapshot.status, 'QUANTUM_SYNCING');
    assert.equal(snapshot.phase, 'unknown');
    assert.equal(snapshot.unknownStatus, true);
  });

  it('keeps an unknown importOptions member instead of dropping it', () => {
    const snapshot = toImportTaskSnapshot(
      {
        taskId: 't-0123456789',
        status: 'IMPORTING',
        importOptions: { $unknown: ['futureFormat', { level: 3 }] },
      },
      observedAt,
      'x',
    );
    assert.deepEqual(snapshot.importOptions, { unknown: { name: 'futureFormat', value: { level: 3 } } });
  });

  it('falls back to the requested task id when the answer omits it', () => {
    assert.equal(
      toImportTaskSnapshot({ status: 'SUCCEEDED' }, observedAt, 't-0123456789').taskId,
      't-0123456789',
    );
  });
});
