import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDefinitions } from '../engine/boot/index.ts';
import { located } from './broken-definitions.ts';
import { backends, definitionsWith, freshDatabase, requestInfo, TestServer } from './harness.ts';

// A complaint service whose schema is open at the top, in `reporter` and in each visit; its persister keeps the rest in `extra` columns.
const FIXTURE = 'tests/fixtures/open-entity';

const complaint = {
  tenantId: 'pb.lodhipur',
  description: 'No water at the ward 4 standpost since Monday',
  ward: '4',
  landmark: { near: 'Shiv temple', side: 'east' },
  reporter: { name: 'Kamla Devi', mobileNumber: '9876500001', alternateNumber: '9876500002' },
  visits: [{ visitedOn: 1767225600000, remarks: 'valve stuck', photos: ['f-1', 'f-2'] }],
};

describe.each(backends())('a client sends fields the complaint schema does not declare (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  let created: any;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, definitionsDir: definitionsWith(FIXTURE) });
    token = await server.staffToken('gp-admin-1', [{ code: 'GP_ADMIN', tenantId: 'pb.lodhipur' }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const search = async (id: string) => {
    const res = await server.post(`/test/complaint/_search?tenantId=pb.lodhipur&ids=${id}`, { RequestInfo: requestInfo(token) });
    expect(res.status).toBe(200);
    return res.body.Complaints[0];
  };

  it('a GP admin creates a complaint with undeclared fields; search returns every one of them', async () => {
    const res = await server.post('/test/complaint/_create', { RequestInfo: requestInfo(token), Complaint: complaint });
    expect(res.status).toBe(200);
    created = res.body.Complaints[0];
    const found = await search(created.id);
    expect(found.ward).toBe('4');
    expect(found.landmark).toEqual({ near: 'Shiv temple', side: 'east' });
    expect(found.reporter).toEqual({ name: 'Kamla Devi', mobileNumber: '9876500001', alternateNumber: '9876500002' });
    expect(found.visits).toEqual([{ id: created.visits[0].id, visitedOn: 1767225600000, remarks: 'valve stuck', photos: ['f-1', 'f-2'] }]);
    expect(found).toEqual(created);
  });

  it('the undeclared fields sit in the rest columns; declared ones keep their own columns', async () => {
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    const row = await server.seva.database.db.selectFrom('test_complaint').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(json(row.extra)).toEqual({ ward: '4', landmark: { near: 'Shiv temple', side: 'east' }, reporter: { alternateNumber: '9876500002' } });
    expect(row.reporter_mobilenumber).toBe('9876500001');
    const visit = await server.seva.database.db.selectFrom('test_complaint_visit').selectAll().where('complaint_id', '=', created.id).executeTakeFirstOrThrow();
    expect(json(visit.extra)).toEqual({ remarks: 'valve stuck', photos: ['f-1', 'f-2'] });
  });

  it('an update replaces them: a changed field is changed and a field left out is gone', async () => {
    const { landmark: _dropped, ...rest } = created;
    const res = await server.post('/test/complaint/_update', { RequestInfo: requestInfo(token), Complaint: { ...rest, ward: '5' } });
    expect(res.status).toBe(200);
    const found = await search(created.id);
    expect(found.ward).toBe('5');
    expect(found.landmark).toBeUndefined();
    expect(found.reporter.alternateNumber).toBe('9876500002');
  });

  it('a search by mobile number finds it, undeclared fields and all', async () => {
    const res = await server.post('/test/complaint/_search?tenantId=pb.lodhipur&mobileNumber=9876500001', { RequestInfo: requestInfo(token) });
    expect(res.body.totalCount).toBe(1);
    expect(res.body.Complaints[0]).toMatchObject({ ward: '5', visits: [{ remarks: 'valve stuck' }] });
  });
});

describe('an open schema with nowhere to keep undeclared fields is refused by validate', () => {
  it('names every open level and says how to fix it', () => {
    const root = definitionsWith(FIXTURE, [
      { file: 'persister/complaint.yaml', replace: 'rest: { column: extra }\nchildren:', with: 'children:' },
      { file: 'persister/complaint.yaml', replace: '    rest: { column: extra }\n', with: '' },
    ]);
    const result = validateDefinitions(root);
    expect(result.registry).toBeUndefined();
    expect(result.problems.map((p) => located(root, p))).toEqual([
      "services/complaint.yaml:10:5: the complaint entity admits fields its schema does not declare, and no column of table 'test_complaint' would store them: add additionalProperties: false, or give persister 'complaint' a rest column (rest: { column: <name> }) to keep them as JSON",
      "services/complaint.yaml:15:9: entity field 'reporter' admits fields its schema does not declare, and no column of table 'test_complaint' would store them: add additionalProperties: false to it, store it whole in a json column, or give persister 'complaint' a rest column (rest: { column: <name> }) to keep them as JSON",
      "services/complaint.yaml:22:11: each item of 'visits' admits fields its schema does not declare, and no column of table 'test_complaint_visit' would store them: add additionalProperties: false, or give the 'visits' child of persister 'complaint' a rest column (rest: { column: <name> }) to keep them as JSON",
    ]);
  });

  it('closing the schema instead is accepted too', () => {
    const root = definitionsWith(FIXTURE, [
      { file: 'persister/complaint.yaml', replace: 'rest: { column: extra }\nchildren:', with: 'children:' },
      { file: 'persister/complaint.yaml', replace: '    rest: { column: extra }\n', with: '' },
      { file: 'services/complaint.yaml', replace: '    type: object\n    required', with: '    type: object\n    additionalProperties: false\n    required' },
      { file: 'services/complaint.yaml', replace: '        type: object\n        properties:\n          name', with: '        type: object\n        additionalProperties: false\n        properties:\n          name' },
      { file: 'services/complaint.yaml', replace: '          type: object\n          properties:\n            id', with: '          type: object\n          additionalProperties: false\n          properties:\n            id' },
    ]);
    expect(validateDefinitions(root).problems).toEqual([]);
  });
});
