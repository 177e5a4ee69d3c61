import { describe, expect, it } from 'vitest';
import { readActionRequest } from './index.ts';

describe('readActionRequest', () => {
  it("reads DIGIT's process instance: assignes as objects or uuids, the state seen as a name or an object", () => {
    expect(readActionRequest({ action: 'APPROVE', comment: 'ok', assignes: [{ uuid: 'u1' }, 'u2', { uuid: 'u1' }], state: { state: 'PENDING', uuid: 'x' } }, '$.pi')).toEqual({
      action: 'APPROVE',
      comment: 'ok',
      documents: [],
      assignees: ['u1', 'u2'],
      expectedState: 'PENDING',
      path: '$.pi',
    });
    expect(readActionRequest({ action: 'X', assignees: ['u3'], state: 'S' }, '$.pi')).toMatchObject({ assignees: ['u3'], expectedState: 'S' });
    expect(readActionRequest(undefined, '$.pi')).toEqual({ documents: [], path: '$.pi' });
  });

  it('says where a malformed one is wrong', () => {
    expect(() => readActionRequest({ action: 5 }, '$.pi')).toThrow(expect.objectContaining({ code: 'INVALID_WORKFLOW', path: '$.pi.action' }));
    expect(() => readActionRequest({ action: 'A', documents: {} }, '$.pi')).toThrow(expect.objectContaining({ path: '$.pi.documents' }));
    expect(() => readActionRequest({ action: 'A', assignes: [{ name: 'x' }] }, '$.pi')).toThrow(expect.objectContaining({ code: 'INVALID_ASSIGNEE', path: '$.pi.assignes[0]' }));
  });
});
