import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { cliTypeNameOf, indexedValueTypeOf } from '../../src/temporal/search-attribute-types';

const { IndexedValueType } = temporal.api.enums.v1;

describe('search attribute types, derived from the SDK name', () => {
  const expected: [SearchAttributeType, temporal.api.enums.v1.IndexedValueType, string][] = [
    [SearchAttributeType.TEXT, IndexedValueType.INDEXED_VALUE_TYPE_TEXT, 'Text'],
    [SearchAttributeType.KEYWORD, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, 'Keyword'],
    [SearchAttributeType.INT, IndexedValueType.INDEXED_VALUE_TYPE_INT, 'Int'],
    [SearchAttributeType.DOUBLE, IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE, 'Double'],
    [SearchAttributeType.BOOL, IndexedValueType.INDEXED_VALUE_TYPE_BOOL, 'Bool'],
    [SearchAttributeType.DATETIME, IndexedValueType.INDEXED_VALUE_TYPE_DATETIME, 'Datetime'],
    [SearchAttributeType.KEYWORD_LIST, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST, 'KeywordList'],
  ];
  it('covers every type the SDK has', () =>
    assert.deepEqual(expected.map(([type]) => type).sort(), Object.values(SearchAttributeType).sort()));
  for (const [type, indexed, cli] of expected) {
    it(`${type}: ${cli} on the command line, ${IndexedValueType[indexed]} for the operator service`, () => {
      assert.equal(indexedValueTypeOf(type), indexed);
      assert.equal(cliTypeNameOf(type), cli);
    });
  }
});
