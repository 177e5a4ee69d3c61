import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './harness.ts';
import { appRequestInfo, expectOk } from './app-contract/app-client.ts';
import { connectionBody, propertyBody, vendorBody, type ConsumerInput } from './app-contract/bodies.ts';
import { CONSUMERS, GP, GP_NAME, openDay, type Day } from './app-contract/day.ts';

/**
 * A GP's localities (wards): declared as egov-location.TenantBoundary master data, served at
 * DIGIT's two boundary searches, and the ward a consumer, its property or a vendor is filed under
 * checked against them.
 */
describe.each(backends())("a GP's localities (%s)", (backend) => {
  let day: Day;
  beforeAll(async () => {
    day = await openDay(backend);
  });
  afterAll(async () => {
    await day?.close();
  });

  const codes = (list: { code: string }[]) => list.map((b) => b.code);
  /** consumer_details_repo.dart getLocations: criteria in the query, a bare RequestInfo as the body. */
  const locations = (query: Record<string, string>, token: string | null = day.token) =>
    day.app.post('egov-location/location/v11/boundarys/_search', { query, requestInfo: appRequestInfo('_search', token) });

  it("egov-location answers the GP's REVENUE localities, flattened, as the consumer and vendor forms ask, with or without a token", async () => {
    for (const token of [day.token, null]) {
      const res = await locations({ hierarchyTypeCode: 'REVENUE', boundaryType: 'Locality', tenantId: GP }, token);
      expectOk(res);
      expect(res.body.TenantBoundary).toHaveLength(1);
      const [tb] = res.body.TenantBoundary;
      expect(tb).toMatchObject({ tenantId: GP, hierarchyType: { code: 'REVENUE' } });
      expect(codes(tb.boundary)).toEqual(['WARD1', 'WARD2', 'WARD3']);
      expect(tb.boundary[1]).toEqual({ code: 'WARD2', name: 'Lodhipur Khurd', label: 'Locality', latitude: null, longitude: null, area: 'AREA1', pincode: null, boundaryNum: 2, children: [] });
    }
    // The GP as mGramSeva ships one: a single ward, which the app then picks without asking.
    const bhadson = await locations({ hierarchyTypeCode: 'REVENUE', boundaryType: 'Locality', tenantId: 'pb.bhadson' });
    expect(bhadson.body.TenantBoundary.map((t: any) => codes(t.boundary))).toEqual([['WARD1']]);
    // Without a hierarchy, every tree that has localities; with codes, the ones named.
    const both = await locations({ boundaryType: 'Locality', tenantId: 'pb.bhadson', codes: 'WARD1' });
    expect(both.body.TenantBoundary.map((t: any) => t.hierarchyType.code)).toEqual(['REVENUE', 'ADMIN']);
    // The whole tree: the GP (City) with its wards below.
    const tree = await locations({ tenantId: GP, hierarchyTypeCode: 'REVENUE' });
    expect(tree.body.TenantBoundary[0].boundary.map((b: any) => [b.code, b.label, codes(b.children)])).toEqual([[GP, 'City', ['WARD1', 'WARD2', 'WARD3']]]);
    // A tenant without boundaries has none; a request without a tenant is refused at the field.
    expect((await locations({ tenantId: 'pb', boundaryType: 'Locality' })).body.TenantBoundary).toEqual([]);
    const noTenant = await locations({ boundaryType: 'Locality' });
    expect([noTenant.status, noTenant.body.Errors?.[0]?.params]).toEqual([400, ['$.tenantId']]);
  });

  it('boundary-service answers the same wards, nested under the GP when parents are asked for', async () => {
    const search = (query: Record<string, string>) => day.app.post('boundary-service/boundary-relationships/_search', { query, body: {}, requestInfo: appRequestInfo('_search', day.token) });
    const wards = await search({ tenantId: GP, hierarchyType: 'REVENUE', boundaryType: 'Locality' });
    expectOk(wards);
    expect(wards.body.TenantBoundary).toEqual([
      {
        tenantId: GP,
        hierarchyType: 'REVENUE',
        boundary: ['WARD1', 'WARD2', 'WARD3'].map((code, i) => ({ id: String(i + 2), code, boundaryType: 'Locality', children: [] })),
      },
    ]);
    const withParents = await search({ tenantId: GP, hierarchyType: 'REVENUE', codes: 'WARD3', includeParents: 'true' });
    expect(withParents.body.TenantBoundary[0].boundary).toEqual([{ id: '1', code: GP, boundaryType: 'City', children: [{ id: '4', code: 'WARD3', boundaryType: 'Locality', children: [] }] }]);
    const unknown = await search({ tenantId: GP, hierarchyType: 'ELECTION' });
    expect([unknown.status, unknown.body.Errors?.[0]?.code]).toEqual([400, 'HIERARCHY_DEFINITION_DOES_NOT_EXIST_ERR']);
  });

  const consumer: ConsumerInput = { ...CONSUMERS.arrears, name: 'Manpreet Kaur', mobileNumber: '9812377701', oldConnectionNo: 'LOC-1' };

  it("a consumer in the app's shape with a ward the GP does not have is refused at that field; one in a ward of the GP is taken", async () => {
    const property = (locality: string) => {
      const body = propertyBody(consumer, GP, GP_NAME);
      return { ...body, address: { ...body.address, locality: { ...body.address.locality, code: locality } } };
    };
    const badProperty = await day.app.post('property-services/property/_create', { body: { Property: property('WARD9') }, requestInfo: day.ri('_create') });
    expect([badProperty.status, badProperty.body.Errors?.map((e: any) => [e.code, e.params])]).toEqual([400, [['INVALID_LOCALITY', ['$.Property.address.locality.code']]]]);
    const madeProperty = await day.app.post('property-services/property/_create', { body: { Property: property('WARD2') }, requestInfo: day.ri('_create') });
    expectOk(madeProperty);
    const propertyId = madeProperty.body.Properties[0].propertyId;

    const connection = (locality: string) => {
      const body = connectionBody(consumer, GP, propertyId);
      return { ...body, additionalDetails: { ...body.additionalDetails, locality } };
    };
    // Another GP's ward code is no ward of this one, nor is the GP's own code (its City).
    for (const locality of ['WARD9', 'ward2', GP]) {
      const res = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: connection(locality) }, requestInfo: day.ri('_create') });
      expect([res.status, res.body.Errors?.map((e: any) => [e.code, e.params])], locality).toEqual([400, [['INVALID_LOCALITY', ['$.WaterConnection.additionalDetails.locality']]]]);
    }
    const made = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: connection('WARD2') }, requestInfo: day.ri('_create') });
    expectOk(made);
    expect(made.body.WaterConnection[0].additionalDetails.locality).toBe('WARD2');
    // The register filters by ward.
    const inWard = await day.app.post('ws-services/wc/_search', { query: { tenantId: GP, locality: 'WARD2' }, body: {}, requestInfo: day.ri('_search', true) });
    expect(inWard.body.WaterConnection.map((c: any) => c.connectionNo)).toEqual([made.body.WaterConnection[0].connectionNo]);
  });

  it("a vendor is filed under one of the GP's wards (expenses_details_provider.dart createVendor takes the first)", async () => {
    const bad = await day.app.post('vendor/v1/_create', { body: vendorBody(GP, 'Ward Nine Traders', '9812377702', 'WARD9'), requestInfo: day.ri('_create', true) });
    expect([bad.status, bad.body.Errors?.map((e: any) => [e.code, e.params])]).toEqual([400, [['INVALID_LOCALITY', ['$.vendor.address.locality.code']]]]);
    const made = await day.app.post('vendor/v1/_create', { body: vendorBody(GP, 'Ward One Traders', '9812377703', 'WARD1'), requestInfo: day.ri('_create', true) });
    expectOk(made);
  });
});
