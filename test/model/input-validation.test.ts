import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeReceived, InvalidInputError } from '../../src/model/invalid-input';
import {
  validateCreateGraphUsingImportTaskInput,
  validateGraphIdentifier,
  validateStartImportTaskInput,
  validateTaskIdentifier,
} from '../../src/model/input-validation';

const validStart = {
  graphIdentifier: 'g-0123456789',
  source: 's3://bucket/data/',
  roleArn: 'arn:aws:iam::123456789012:role/NeptuneImport',
};

function rejects(fn: () => unknown, field: string, receivedPart?: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InvalidInputError);
    assert.equal(error.name, 'NeptuneInvalidInput');
    assert.equal(error.field, field);
    assert.match(error.message, new RegExp(`Invalid ${field.replace(/\./g, '\\.')}`));
    if (receivedPart) assert.ok(error.message.includes(receivedPart), error.message);
    return true;
  });
}

describe('validateTaskIdentifier', () => {
  it('accepts the service format', () =>
    assert.equal(validateTaskIdentifier('t-0a1b2c3d4e'), 't-0a1b2c3d4e'));
  for (const bad of ['t-0A1B2C3D4E', 't-123', 'g-0123456789', ' t-0123456789', 't-0123456789/x', '']) {
    it(`rejects ${JSON.stringify(bad)}, naming the field and the value`, () =>
      rejects(() => validateTaskIdentifier(bad), 'taskIdentifier', JSON.stringify(bad)));
  }
  it('rejects a non-string', () => rejects(() => validateTaskIdentifier(42), 'taskIdentifier', '42'));
});

describe('describeReceived', () => {
  it('escapes control characters', () => {
    assert.equal(describeReceived('a\nb\u0007\u009b'), '"a\\nb\\u0007\\u009b"');
  });
  it('truncates long values and says how long they were', () => {
    const text = describeReceived('x'.repeat(500));
    assert.ok(text.length < 120, text);
    assert.match(text, /… \(502 characters\)$/);
  });
  for (const [value, kind] of [
    [{ secret: 1 }, 'an object'],
    [['secret'], 'an array'],
    [() => 'secret', 'a function'],
    [10n, 'a bigint'],
  ] as const) {
    it(`names ${kind} without printing it`, () => assert.equal(describeReceived(value), kind));
  }
});

describe('validateGraphIdentifier', () => {
  it('accepts an id', () => assert.equal(validateGraphIdentifier('g-0123456789'), 'g-0123456789'));
  it('rejects a slash', () => rejects(() => validateGraphIdentifier('g-1/../x'), 'graphIdentifier'));
  it('rejects empty', () => rejects(() => validateGraphIdentifier(''), 'graphIdentifier'));
});

describe('validateStartImportTaskInput', () => {
  it('accepts and normalises a valid request', () => {
    assert.deepEqual(validateStartImportTaskInput({ ...validStart, format: 'CSV', failOnError: true }), {
      ...validStart,
      format: 'CSV',
      failOnError: true,
    });
  });
  it('rejects a source that is not an S3 URI or Neptune ARN', () =>
    rejects(() => validateStartImportTaskInput({ ...validStart, source: 'bucket/data' }), 'source'));
  it('rejects a malformed role ARN', () =>
    rejects(() => validateStartImportTaskInput({ ...validStart, roleArn: 'NeptuneImport' }), 'roleArn'));
  it('rejects an unknown format', () =>
    rejects(() => validateStartImportTaskInput({ ...validStart, format: 'XML' }), 'format', '"XML"'));
  it('rejects parquetType without PARQUET', () =>
    rejects(
      () => validateStartImportTaskInput({ ...validStart, format: 'CSV', parquetType: 'COLUMNAR' }),
      'parquetType',
    ));
  it('rejects importOptions without an S3 export path', () =>
    rejects(
      () =>
        validateStartImportTaskInput({
          ...validStart,
          importOptions: { neptune: { s3ExportKmsKeyId: 'k' } },
        }),
      'importOptions.neptune.s3ExportPath',
    ));
  it('rejects a bad graph identifier first', () =>
    rejects(
      () => validateStartImportTaskInput({ ...validStart, graphIdentifier: undefined }),
      'graphIdentifier',
    ));
});

describe('validateCreateGraphUsingImportTaskInput', () => {
  const { graphIdentifier: _graph, ...importFields } = validStart;
  const validCreate = { graphName: 'movies-2026', ...importFields };

  it('accepts and normalises a valid request, options left out staying absent', () => {
    assert.deepEqual(
      validateCreateGraphUsingImportTaskInput({
        ...validCreate,
        maxProvisionedMemory: 128,
        replicaCount: 0,
        tags: { team: 'graphs' },
        vectorSearchConfiguration: { dimension: 384 },
      }),
      {
        ...validCreate,
        maxProvisionedMemory: 128,
        replicaCount: 0,
        tags: { team: 'graphs' },
        vectorSearchConfiguration: { dimension: 384 },
      },
    );
    assert.deepEqual(Object.keys(validateCreateGraphUsingImportTaskInput(validCreate)).sort(), [
      'graphName',
      'roleArn',
      'source',
    ]);
  });
  for (const graphName of [
    'g-0123456789',
    'Movies',
    '1movies',
    'movies--2026',
    'movies-',
    'x'.repeat(64),
    7,
  ]) {
    it(`rejects the graph name ${JSON.stringify(graphName)}`, () =>
      rejects(() => validateCreateGraphUsingImportTaskInput({ ...validCreate, graphName }), 'graphName'));
  }
  const bad: [string, Record<string, unknown>][] = [
    ['maxProvisionedMemory', { maxProvisionedMemory: 8 }],
    ['maxProvisionedMemory', { maxProvisionedMemory: 128.5 }],
    ['minProvisionedMemory', { minProvisionedMemory: 256, maxProvisionedMemory: 128 }],
    ['replicaCount', { replicaCount: 3 }],
    ['publicConnectivity', { publicConnectivity: 'yes' }],
    ['deletionProtection', { deletionProtection: 1 }],
    ['kmsKeyIdentifier', { kmsKeyIdentifier: '' }],
    ['vectorSearchConfiguration.dimension', { vectorSearchConfiguration: { dimension: 0 } }],
    ['vectorSearchConfiguration.dimension', { vectorSearchConfiguration: {} }],
    ['tags', { tags: ['team'] }],
    ['tags.team', { tags: { team: 42 } }],
    ['source', { source: 'bucket/data' }],
    ['roleArn', { roleArn: 'NeptuneImport' }],
  ];
  for (const [field, extra] of bad) {
    it(`rejects ${JSON.stringify(extra)}, naming ${field}`, () =>
      rejects(() => validateCreateGraphUsingImportTaskInput({ ...validCreate, ...extra }), field));
  }
});
