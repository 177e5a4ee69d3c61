import { describe, expect, it } from 'vitest';
import type { Route } from '../route.ts';
import { openApiDocument } from './document.ts';
import { routeRequestSchemas } from './request-schemas.ts';
import { envelope, ref } from './route-doc.ts';

const route = (path: string, doc?: Route['doc']): Route => ({ path, endpoint: `POST ${path}`, access: { mode: 'roles', roles: ['GP_ADMIN'] }, tenants: () => [], handle: async () => ({}), doc });

describe('routeRequestSchemas', () => {
  it("gives each route's body and query whole, the shared and the route's own schemas put in place of their references", () => {
    const [thing] = routeRequestSchemas([
      route('/thing/_create', {
        summary: 'Create a thing',
        body: envelope({ thing: ref('Thing') }, ['thing']),
        query: [{ name: 'tenantId', schema: ref('TenantId') }],
        response: { type: 'object' },
        schemas: { Thing: { type: 'object', properties: { audit: ref('AuditDetails') } }, TenantId: { type: 'string' } },
      }),
    ]);
    expect(thing!.body).toMatchObject({ type: 'object', required: ['thing'], properties: { RequestInfo: { type: 'object', properties: { authToken: {} } }, thing: { properties: { audit: { properties: { createdTime: {} } } } } } });
    expect(JSON.stringify(thing)).not.toContain('$ref');
    expect(thing!.query).toEqual([{ name: 'tenantId', schema: { type: 'string' } }]);
  });

  it('has no body for a route that declares no contract, which the document still lists', () => {
    const bare = route('/bare/_search');
    expect(routeRequestSchemas([bare])[0]).toMatchObject({ path: '/bare/_search', body: undefined, query: [] });
    const doc = openApiDocument([bare], [], { title: 't', description: 'd' });
    expect(doc.paths['/bare/_search']!.post).toMatchObject({ summary: 'POST /bare/_search', security: expect.arrayContaining([{ bearer: [] }]) });
  });

  it('refuses two different schemas under one name, and a reference to a schema nobody declares', () => {
    const doc = (schemas: Record<string, Record<string, unknown>>) => ({ summary: 's', response: { type: 'object' }, schemas });
    expect(() => routeRequestSchemas([route('/a', doc({ X: { type: 'string' } })), route('/b', doc({ X: { type: 'integer' } }))])).toThrow(/two different schemas are named X/);
    expect(() => routeRequestSchemas([route('/c', { summary: 's', body: ref('Missing'), response: {} })])).toThrow(/no schema named Missing/);
  });
});
