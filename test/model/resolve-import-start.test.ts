import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/model/invalid-input';
import { resolveImportStart, resolveRunImportTask } from '../../src/model/resolve-import-start';
import type { ImportStartInput } from '../../src/model/run-types';

const roleArn = 'arn:aws:iam::123456789012:role/NeptuneImport';
const start = { graphIdentifier: 'g-0123456789', source: 's3://bucket/people/', roleArn };
const createGraph = { graphName: 'people', source: 's3://bucket/people/', roleArn };

function rejects(input: unknown, field: string) {
  assert.throws(
    () => resolveImportStart(input as ImportStartInput),
    (error: unknown) => error instanceof InvalidInputError && error.field === field,
  );
}

describe('resolveImportStart', () => {
  it('takes `start` as StartImportTask into its graph', () =>
    assert.deepEqual(resolveImportStart({ start }), {
      operation: 'StartImportTask',
      request: start,
      subject: 'g-0123456789',
    }));
  it('takes `createGraph` as CreateGraphUsingImportTask of its graph name', () =>
    assert.deepEqual(resolveImportStart({ createGraph }), {
      operation: 'CreateGraphUsingImportTask',
      request: createGraph,
      subject: 'people',
    }));
  it('rejects neither', () => rejects({}, 'start'));
  it('rejects both', () => rejects({ start, createGraph }, 'createGraph'));
  it('names a bad field inside `start`', () =>
    rejects({ start: { ...start, roleArn: 'admin' } }, 'start.roleArn'));
  it('names a bad field inside `createGraph`', () =>
    rejects({ createGraph: { ...createGraph, graphName: 'G' } }, 'createGraph.graphName'));
  it('names `start` itself when it is not an object', () => rejects({ start: 'g-0123456789' }, 'start'));
  it('keeps the message readable', () =>
    assert.throws(
      () => resolveImportStart({ start: { ...start, roleArn: 'admin' } }),
      /^NeptuneInvalidInput: Invalid start\.roleArn: expected an IAM role ARN .*, received "admin"$/,
    ));
});

describe('resolveRunImportTask', () => {
  it('checks the start and the settings of the wait after it', () => {
    const { start: resolved, settings } = resolveRunImportTask({ start, deadline: '2 hours' });
    assert.equal(resolved.operation, 'StartImportTask');
    assert.equal(settings.deadlineMs, 7_200_000);
  });
  it('names a bad wait setting', () =>
    assert.throws(
      () => resolveRunImportTask({ start, deadline: 'soon' as never }),
      (error: unknown) => error instanceof InvalidInputError && error.field === 'deadline',
    ));
});
