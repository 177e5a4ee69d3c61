import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withinTenant, type Database } from './index.ts';

describe('tenant scope', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
    await sql`create table things (tenant_id text)`.execute(database.db);
    await sql`insert into things values ('pb'), ('pb.lodhipur'), ('pb.bhadson'), ('p_.x'), ('pbx.y'), ('hr.ambala')`.execute(database.db);
  });
  afterAll(() => database.close());

  const seen = async (tenantId: string) =>
    (await database.db.selectFrom('things').select('tenant_id').where(withinTenant('tenant_id', tenantId)).orderBy('tenant_id').execute()).map((r) => r.tenant_id);

  it('a GP reads its own rows; a state its own and its GPs', async () => {
    expect(await seen('pb.lodhipur')).toEqual(['pb.lodhipur']);
    expect(await seen('pb')).toEqual(['pb', 'pb.bhadson', 'pb.lodhipur']);
  });

  it('takes a tenant id literally inside LIKE', async () => {
    expect(await seen('p_')).toEqual(['p_.x']);
  });
});
