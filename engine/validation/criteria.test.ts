import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../errors/index.ts';
import { pageCriteria } from './criteria.ts';

const limits = { defaultLimit: 10, maxLimit: 100 };

describe('pageCriteria', () => {
  it('lowers a limit above the maximum and defaults a missing one', () => {
    expect(pageCriteria({ limit: '500', offset: '20' }, limits, [])).toEqual({ offset: 20, limit: 100 });
    expect(pageCriteria({}, limits, [])).toEqual({ offset: 0, limit: 10 });
  });

  it('reads limit=-1 as all matches, up to the declared hard maximum', () => {
    for (const limit of [-1, '-1', ' -1 ']) expect(pageCriteria({ limit }, { ...limits, allLimit: 5000 }, [])).toEqual({ offset: 0, limit: 5000 });
  });

  it('refuses limit=-1 where all is not offered, saying the most it can ask', () => {
    const details: ErrorDetail[] = [];
    pageCriteria({ limit: '-1' }, limits, details);
    expect(details).toEqual([expect.objectContaining({ code: 'INVALID_PAGINATION', path: '$.limit', message: expect.stringContaining('at most 100') })]);
  });

  it('quietly gives the maximum for limit=-1 where searches never refuse (billing)', () => {
    expect(pageCriteria({ limit: -1 }, limits)).toEqual({ offset: 0, limit: 100 });
  });

  it('still refuses other negative limits', () => {
    const details: ErrorDetail[] = [];
    pageCriteria({ limit: '-2' }, limits, details);
    expect(details.map((d) => d.code)).toEqual(['INVALID_PAGINATION']);
  });
});
