import type { JsonSchema } from '../../kind.ts';

export const ruleSetSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/rule-set.schema.json',
  title: 'Rule set definition',
  description:
    'Named json-logic rules computing a value (charges, a penalty, a check) from their input and master data, with examples that `seva test` runs.',
  type: 'object',
  additionalProperties: false,
  required: ['rules', 'result'],
  properties: {
    rules: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Unique name; services, jobs and other rule users refer to it.' },
    description: { type: 'string' },
    let: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      description: 'Named steps, evaluated in order; each is a json-logic rule, and later steps and the result read it with {"var": name}.',
    },
    result: { description: 'The value of the rule set: a json-logic rule, or a value (object, list) whose parts may be rules.' },
    examples: {
      type: 'array',
      items: {
        title: 'Rule example definition',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'input'],
        properties: {
          name: { type: 'string' },
          now: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?$', description: "The example's time, a local date or date-time in the engine's time zone (default 2026-04-01)." },
          masters: {
            type: 'object',
            description: 'Master data for this example only, by tenant then `module.master`: replaces the shipped records of those masters.',
            additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
          },
          input: { type: 'object', description: 'The data the rules read.' },
          expect: { description: 'The expected result; numbers compare as exact decimals (100 equals "100.00").' },
          expectError: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Instead of a result: the error code the rules must fail with.' },
        },
        oneOf: [{ required: ['expect'] }, { required: ['expectError'] }],
      },
    },
  },
};
