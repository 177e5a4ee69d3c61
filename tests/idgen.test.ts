import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { IdGenerator } from '../engine/idgen/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

describe.each(backends())('ID generation (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  const clock = new ManualClock(Date.parse('2026-03-31T18:29:00Z')); // 31 March, 23:59 IST

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('1,000 ids generated concurrently for one format and tenant are all different', async () => {
    const seva = server.seva;
    const { Mdms } = await import('../engine/mdms/index.ts');
    const mdms = new Mdms(seva.registry.masters);
    const idgen = new IdGenerator(() => mdms, clock, 'Asia/Kolkata');
    const ids = await Promise.all(
      Array.from({ length: 1000 }, () => seva.database.db.transaction().execute((trx) => idgen.generate(trx, { tenantId: 'pb.lodhipur', idName: 'waterservice.connection.id' }))),
    );
    const flat = ids.flat();
    expect(flat).toHaveLength(1000);
    expect(new Set(flat).size).toBe(1000);
    expect(flat.every((id) => /^WS\/1013\/2025-26\/\d{6}$/.test(id))).toBe(true);
    const numbers = flat.map((id) => Number(id.split('/')[3])).sort((a, b) => a - b);
    expect(numbers[0]).toBe(1);
    expect(numbers[999]).toBe(1000);
  });

  it('keeps one sequence per tenant, and the financial year turns on 1 April', async () => {
    const admin = await server.token('admin', 'admin-secret-1', 'pb');
    const before = await server.post('/egov-idgen/id/_generate', { RequestInfo: requestInfo(admin), idRequests: [{ idName: 'waterservice.connection.id', tenantId: 'pb.bhadson', count: 2 }] });
    expect(before.status).toBe(200);
    expect(before.body.idResponses).toEqual([{ id: 'WS/1014/2025-26/000001' }, { id: 'WS/1014/2025-26/000002' }]);
    clock.advance(60_000); // 00:00 IST on 1 April 2026
    const after = await server.post('/egov-idgen/id/_generate', { RequestInfo: requestInfo(admin), idRequests: [{ idName: 'waterservice.connection.id', tenantId: 'pb.bhadson' }] });
    expect(after.body.idResponses).toEqual([{ id: 'WS/1014/2026-27/000003' }]);
  });

  it('refuses an unknown idname and callers without the grant', async () => {
    const admin = await server.token('admin', 'admin-secret-1', 'pb');
    const unknown = await server.post('/egov-idgen/id/_generate', { RequestInfo: requestInfo(admin), idRequests: [{ idName: 'nope', tenantId: 'pb.bhadson' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.Errors[0].code).toBe('ID_NOT_FOUND');
    const anonymous = await server.post('/egov-idgen/id/_generate', { idRequests: [{ idName: 'waterservice.connection.id', tenantId: 'pb.bhadson' }] });
    expect(anonymous.status).toBe(401);
  });
});
