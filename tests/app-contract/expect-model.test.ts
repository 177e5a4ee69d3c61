import { describe, expect, it } from 'vitest';
import { either, entries, intString, list, modelMismatches, nonEmptyList, obj, oneOf, opt } from './expect-model.ts';

describe('modelMismatches: what would break the app reading a response', () => {
  const spec = obj({
    id: 'int',
    name: 'string?',
    amount: 'num?',
    roles: nonEmptyList(obj({ code: 'string' })),
    extra: opt(obj({ flag: 'bool' })),
    status: oneOf('Active', 'Inactive'),
    pending: opt(intString),
    months: opt(entries(obj({ total: 'num' }))),
    tags: opt(list('string')),
    metric: opt(either('a string or {paid, count}', 'string', obj({ paid: 'num', count: 'num' }))),
  });

  it('accepts a response the app reads, nulls where it reads with ?', () => {
    expect(modelMismatches({ id: 3, name: null, roles: [{ code: 'GP_ADMIN' }], status: 'Active', pending: '-20', months: { APR: { total: 1.5 } }, unread: [1], metric: { paid: 1, count: 2 } }, spec)).toEqual([]);
  });

  it('names every field of the wrong type, missing or out of range, with its path', () => {
    expect(
      modelMismatches({ id: 2.5, name: 7, amount: '10', roles: [], extra: { flag: 'yes' }, status: 'ACTIVE', pending: '20.5', months: { APR: { total: '1' } }, tags: 'a', metric: 12 }, spec),
    ).toEqual([
      '$.id: expected an integer, got number 2.5',
      '$.name: expected a string, got number 7',
      '$.amount: expected a number, got string "10"',
      '$.roles: expected a list with at least one item, got an empty list',
      '$.extra.flag: expected a boolean, got string "yes"',
      '$.status: expected one of ["Active","Inactive"], got string "ACTIVE"',
      '$.pending: expected a string of an integer (the app calls int.parse), got string "20.5"',
      '$.months.APR.total: expected a number, got string "1"',
      '$.tags: expected a list, got string "a"',
      '$.metric: expected a string or {paid, count}, got number 12',
    ]);
    expect(modelMismatches(undefined, spec)).toEqual(['$: expected an object, got nothing']);
    expect(modelMismatches({ roles: [{}] }, spec)).toEqual([
      '$.id: expected an integer, got nothing',
      '$.roles[0].code: expected a string, got nothing',
      '$.status: expected one of ["Active","Inactive"], got nothing',
    ]);
  });
});
