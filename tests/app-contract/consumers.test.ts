import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../harness.ts';
import { expectModel, expectOk } from './app-client.ts';
import { connectionBody, connectionRoundTrip, propertyBody, propertyRoundTrip } from './bodies.ts';
import { list, nonEmptyList, obj, opt } from './expect-model.ts';
import { CONSUMERS, GP, GP_NAME, NOW, openDay, seedConsumer, type Day } from './day.ts';
import * as M from './models.ts';

/**
 * Consumers as the app registers, finds and edits them: property then connection create with the
 * app's full bodies (providers/consumer_details_provider.dart), the search screen
 * (search_connection_provider.dart), the household register (household_register_provider.dart),
 * and the edit screen deactivating a consumer.
 */
describe.each(backends())('the app registers and finds consumers (%s)', (backend) => {
  let day: Day;
  beforeAll(async () => {
    day = await openDay(backend);
  });
  afterAll(async () => {
    await day?.close();
  });

  const connections: Record<string, Record<string, any>> = {};
  /** The consumer the app-shaped create made, or one seeded in a shape Seva takes when it refused. */
  const consumer = async (key: keyof typeof CONSUMERS) => (connections[key] ??= await seedConsumer(day, CONSUMERS[key]));
  const search = (query: Record<string, string>) => day.app.post('ws-services/wc/_search', { query, body: {}, requestInfo: day.ri('_search', true) });

  let propertyId: string | null = null;
  it('property create: property-services/property/_create with the app\'s whole Property (consumer_details_repo.dart addProperty)', async () => {
    const res = await day.app.post('property-services/property/_create', { body: { Property: propertyBody(CONSUMERS.arrears, GP, GP_NAME) }, requestInfo: day.ri('_create') });
    expectOk(res);
    // consumer_details_provider.dart: `result1['Properties'].first!['propertyId']`.
    expectModel(res.body, obj({ Properties: nonEmptyList(obj({ propertyId: 'string' })) }));
    propertyId = res.body.Properties[0].propertyId;
  });

  it('connection create: ws-services/wc/_create, non-metered with opening arrears and penalty (consumer_details_repo.dart addconnection)', async () => {
    const res = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: connectionBody(CONSUMERS.arrears, GP, propertyId) }, requestInfo: day.ri('_create') });
    expectOk(res);
    expectModel(res.body, obj({ WaterConnection: nonEmptyList(obj({ connectionNo: 'string' })) }));
    connections.arrears = res.body.WaterConnection[0];
    expect(connections.arrears).toMatchObject({ connectionNo: expect.stringMatching(/^WS\/1013\/2026-27\/\d+$/), oldConnectionNo: 'LDP-0101' });
  });

  it('a metered consumer: property then connection with meter id and first reading', async () => {
    const property = await day.app.post('property-services/property/_create', { body: { Property: propertyBody(CONSUMERS.metered, GP, GP_NAME) }, requestInfo: day.ri('_create') });
    expectOk(property);
    const res = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: connectionBody(CONSUMERS.metered, GP, property.body.Properties[0].propertyId) }, requestInfo: day.ri('_create') });
    expectOk(res);
    connections.metered = res.body.WaterConnection[0];
    expect(connections.metered).toMatchObject({ connectionType: 'Metered', meterId: 'MTR-2002' });
  });

  it('a consumer with an opening advance: the app sends the advance negative (water_connection.dart setText)', async () => {
    const property = await day.app.post('property-services/property/_create', { body: { Property: propertyBody(CONSUMERS.advance, GP, GP_NAME) }, requestInfo: day.ri('_create') });
    expectOk(property);
    const body = connectionBody(CONSUMERS.advance, GP, property.body.Properties[0].propertyId);
    expect(body.advance).toBe(-200);
    const res = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: body }, requestInfo: day.ri('_create') });
    expectOk(res);
    connections.advance = res.body.WaterConnection[0];
  });

  it('search by consumer number: ws-services/wc/_search {tenantId, connectionNumber} (search_connection_provider.dart)', async () => {
    const { connectionNo } = await consumer('arrears');
    const res = await search({ tenantId: GP, connectionNumber: connectionNo });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    expect(res.body.WaterConnection.map((c: any) => c.connectionNo)).toEqual([connectionNo]);
    expect(res.body.WaterConnection[0]).toMatchObject({ status: 'Active', connectionType: 'Non_Metered', connectionHolders: [expect.objectContaining({ name: 'Gurpreet Singh' })] });
  });

  it('search by mobile number: {tenantId, mobileNumber}', async () => {
    await consumer('metered');
    const res = await search({ tenantId: GP, mobileNumber: CONSUMERS.metered.mobileNumber });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    expect(res.body.WaterConnection.map((c: any) => c.connectionHolders?.[0]?.mobileNumber)).toEqual([CONSUMERS.metered.mobileNumber]);
  });

  it('fuzzy search by part of a name, any case: ws-services/wc/fuzzy/_search {tenantId, name} (search_connection_repo.dart getConnectionName)', async () => {
    const { connectionNo } = await consumer('arrears');
    const res = await day.app.post('ws-services/wc/fuzzy/_search', { query: { tenantId: GP, name: 'gurp' }, body: {}, requestInfo: day.ri('_search', true) });
    expectOk(res);
    // ws-services getWCListFuzzySearch answers the matches as waterConnectionData (WaterConnection
    // absent); the app takes either list (search_connection_provider.dart) and parses each as a WaterConnection.
    expectModel(res.body, obj({ waterConnectionData: nonEmptyList(M.WaterConnection), WaterConnection: opt(list(M.WaterConnection)), totalCount: 'int?' }));
    expect(res.body.waterConnectionData.map((c: any) => c.connectionNo)).toContain(connectionNo);
  });

  it('household register, first page with totalCount and paid/pending counts (household_register_provider.dart fetchHouseholdDetails)', async () => {
    for (const key of ['arrears', 'metered', 'advance'] as const) await consumer(key);
    const res = await search({ tenantId: GP, offset: '0', limit: '10', toDate: String(NOW), isCollectionCount: 'true', sortOrder: 'DESC', sortBy: 'connectionNumber' });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    expect(res.body.totalCount).toBe(3);
    expect(res.body.WaterConnection).toHaveLength(3);
    // The register's tabs read the counts from collectionDataCount: DIGIT counts a consumer pending
    // while it owes more than 0 (ws-services WsQueryBuilder), so only the one with arrears here.
    expectModel(res.body, obj({ collectionDataCount: obj({ collectionPending: 'int', collectionPaid: 'int' }) }));
    expect(res.body.collectionDataCount).toEqual({ collectionPending: 1, collectionPaid: 2 });
    const numbers = res.body.WaterConnection.map((c: any) => c.connectionNo);
    expect(numbers).toEqual([...numbers].sort().reverse());
  });

  it('household register, a page of one with the search box: textSearch and freeSearch', async () => {
    await consumer('metered');
    const res = await search({ tenantId: GP, offset: '0', limit: '1', toDate: String(NOW), isCollectionCount: 'true', sortOrder: 'ASC', sortBy: 'name', textSearch: 'Manjit', freeSearch: 'true' });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    expect(res.body.WaterConnection.map((c: any) => c.connectionHolders?.[0]?.name)).toEqual(['Manjit Kaur']);
    expect(res.body.totalCount).toBe(1);
  });

  it('household register, the pending tab sorted by dues: isBillPaid=false, sortBy=collectionPendingAmount', async () => {
    for (const key of ['arrears', 'metered', 'advance'] as const) await consumer(key);
    const res = await search({ tenantId: GP, offset: '0', limit: '10', toDate: String(NOW), isCollectionCount: 'true', isBillPaid: 'false', sortOrder: 'DESC', sortBy: 'collectionPendingAmount' });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    // Pending is what still owes more than 0: not the metered one without a demand, nor the one in advance.
    expect(res.body.WaterConnection.map((c: any) => c.connectionNo)).toEqual([(await consumer('arrears')).connectionNo]);
    expect(res.body.totalCount).toBe(1);
  });

  let property: Record<string, any> | undefined;
  it('edit screen: property-services/property/_search {tenantId, propertyIds} with userInfo in the body (consumer_details_repo.dart getProperty)', async () => {
    const connection = await consumer('advance');
    const res = await day.app.post('property-services/property/_search', {
      query: { tenantId: GP, propertyIds: connection.propertyId ?? '' },
      body: { userInfo: day.userInfo },
      requestInfo: day.ri('_search'),
    });
    expectOk(res);
    property = res.body.Properties?.[0];
    // consumer_details_provider.dart getProperty: `Properties.first`, then `address.locality!.code`.
    expectModel(res.body, obj({ Properties: nonEmptyList(M.Property) }));
    expect(property?.address?.locality?.code).toBe('WARD1');
  });

  it('edit screen: the demands of the consumer, billing-service/demand/_search with the token (consumer_details_repo.dart getDemandDetails)', async () => {
    const connection = await consumer('arrears');
    const res = await day.app.post('billing-service/demand/_search', {
      query: { consumerCode: connection.connectionNo, businessService: 'WS', tenantId: GP },
      body: { userInfo: day.userInfo },
      requestInfo: { ...day.ri(''), userInfo: { userInfo: day.userInfo } },
    });
    expectOk(res);
    expectModel(res.body, obj({ Demands: nonEmptyList(M.Demands) }));
    // The opening dues are their own demand, recognised by its consumerType.
    expect(res.body.Demands.map((d: any) => d.consumerType)).toContain('waterConnection-arrears');
  });

  it('edit screen: property-services/property/_update with the searched Property sent back (creationReason UPDATE)', async () => {
    expect(property, 'the property the edit screen found (property/_search above)').toBeDefined();
    const update = propertyRoundTrip(property!);
    Object.assign(update, { creationReason: 'UPDATE', source: 'WS' });
    update.address.geoLocation = { latitude: null, longitude: null };
    const res = await day.app.post('property-services/property/_update', { body: { Property: update }, requestInfo: day.ri('_update') });
    expectOk(res);
    expectModel(res.body, obj({ Properties: nonEmptyList(M.Property) }));
  });

  it('edit screen: mark a consumer inactive, ws-services/wc/_update with the searched connection sent back (consumer_details_repo.dart updateconnection)', async () => {
    const connection = await consumer('advance');
    const found = await search({ tenantId: GP, connectionNumber: connection.connectionNo });
    expectOk(found);
    const update = connectionRoundTrip(found.body.WaterConnection[0]);
    // consumer_details_provider.dart validateConsumerDetails: an inactive consumer's opening balance is cleared.
    Object.assign(update, { status: 'Inactive', paymentType: null, penalty: null, arrears: null, advance: null, processInstance: update.processInstance ?? { action: 'SUBMIT' } });
    update.additionalDetails = { ...(update.additionalDetails ?? {}), remarks: 'Moved to Ropar' };
    const res = await day.app.post('ws-services/wc/_update', { body: { WaterConnection: update }, requestInfo: day.ri('_update') });
    expectOk(res);
    const after = await search({ tenantId: GP, connectionNumber: connection.connectionNo });
    expect(after.body.WaterConnection?.[0]?.status).toBe('Inactive');
  });
});
