import { describe, expect, it } from 'vitest';
import { checkOrder } from './check-order.ts';
import type { AnyKind } from './kind.ts';
import { kinds } from './kinds/index.ts';

const kind = (name: string, after?: string[]) => ({ name, after }) as AnyKind;

describe('the order kinds are checked in', () => {
  it('is the list order, with each kind after those whose values it reads', () => {
    const order = checkOrder([kind('service', ['workflow', 'mdms']), kind('workflow', ['mdms']), kind('gateway'), kind('mdms')]);
    expect(order.map((k) => k.name)).toEqual(['mdms', 'workflow', 'service', 'gateway']);
  });

  it('refuses kinds that wait for each other, or for a kind that does not exist', () => {
    expect(() => checkOrder([kind('a', ['b']), kind('b', ['a'])])).toThrow('definition kinds wait for each other: a → b → a');
    expect(() => checkOrder([kind('a', ['nothing'])])).toThrow("kind 'a' waits for 'nothing', which is not a kind");
  });

  it("puts the engine's master schemas and master data first: most kinds' checks read roles and tenants from them", () => {
    expect(checkOrder(kinds).map((k) => k.name).slice(0, 2)).toEqual(['mdms-schema', 'mdms-data']);
  });
});
