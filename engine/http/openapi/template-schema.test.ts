import { describe, expect, it } from 'vitest';
import { knownVars, templateSchema } from './template-schema.ts';

describe('templateSchema', () => {
  it('types each rule by what its operation answers, literals as written, variables as known', () => {
    const vars = knownVars({ total: { type: 'number' }, byType: { type: 'object', additionalProperties: { type: 'number' } }, rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } } });
    const schema = templateSchema(
      {
        label: { cat: ['Rs ', { var: 'total' }] },
        total: { var: 'total' },
        salary: { var: 'byType.SALARY' },
        first: { var: 'rows.0.n' },
        half: { quotient: [{ var: 'total' }, 2] },
        paid: { '==': [{ var: 'total' }, 0] },
        unknown: { var: 'nothing.here' },
        either: { if: [true, 1, 'a'] },
        fixed: 'WS',
        count: 3,
        none: null,
        list: [{ var: 'total' }],
      },
      vars,
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        label: { type: 'string' },
        total: { type: 'number' },
        salary: { type: 'number' },
        first: { type: 'integer' },
        half: { type: 'number' },
        paid: { type: 'boolean' },
        unknown: {},
        either: {},
        fixed: { type: 'string' },
        count: { type: 'integer' },
        none: { type: 'null' },
        list: { type: 'array', items: { type: 'number' } },
      },
      required: ['label', 'total', 'salary', 'first', 'half', 'paid', 'unknown', 'either', 'fixed', 'count', 'none', 'list'],
    });
  });

  it('reads an object with several keys, or an unknown operation, as data', () => {
    expect(templateSchema({ nope: [1] })).toEqual({ type: 'object', properties: { nope: { type: 'array', items: { type: 'integer' } } }, required: ['nope'] });
  });
});
