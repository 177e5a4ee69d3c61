import type { EndpointAccess } from '../../access/index.ts';
import { invalid, invalidFields } from '../../errors/index.ts';
import type { Localization, Message, MessageIdentity, MessageQuery } from '../../localization/index.ts';
import { compilePayloadValidator, listCriterion } from '../../validation/index.ts';
import { answer, criteria, envelope, listOf, type RouteDoc } from '../openapi/route-doc.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';

export const LOCALIZATION_PATHS = {
  'localization.search': '/localization/messages/v1/_search',
  'localization.upsert': '/localization/messages/v1/_upsert',
  'localization.delete': '/localization/messages/v1/_delete',
} as const;

// The key parts are bounded so a stored message's key stays an index entry Postgres can hold.
const name = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const text = name(256);
const messageSchema = { type: 'object', required: ['code', 'message', 'module', 'locale'], properties: { code: text, message: name(4000), module: name(128), locale: name(16) } };
const identitySchema = { type: 'object', required: ['code', 'module', 'locale'], properties: { code: text, module: name(128), locale: name(16) } };
const writeBody = (items: Record<string, unknown>) => ({ type: 'object', required: ['tenantId', 'messages'], properties: { tenantId: text, messages: { type: 'array', minItems: 1, items } } });
const validateUpsert = compilePayloadValidator(writeBody(messageSchema));
const validateDelete = compilePayloadValidator(writeBody(identitySchema));

const searchDoc: RouteDoc = {
  summary: 'Search localization messages',
  description:
    "A tenant's messages in one locale: each code's message from the tenant, else its state, else the default (stored messages before shipped ones at each). A locale with no messages answers an empty list.",
  ...criteria(
    {
      tenantId: { type: 'string' },
      locale: { type: 'string', description: 'e.g. en_IN, hi_IN, pn_IN' },
      module: { type: 'string', description: 'Modules, comma-separated; all when absent.' },
      codes: { type: 'string', description: 'Codes, comma-separated; all when absent.' },
    },
    ['tenantId', 'locale'],
  ),
  response: answer({ messages: listOf({ $ref: '#/components/schemas/LocalizationMessage' }) }),
  schemas: { LocalizationMessage: { ...messageSchema, properties: { code: { type: 'string' }, message: { type: 'string' }, module: { type: 'string' }, locale: { type: 'string' } } } },
};

function queryOf(req: HttpRequest): MessageQuery {
  const c = criteriaOf(req);
  const tenantId = requireTenant(c.tenantId, '$.tenantId');
  if (typeof c.locale !== 'string' || c.locale === '') throw invalid('INVALID_LOCALE', '$.locale is required (e.g. en_IN)', '$.locale');
  const modules = listCriterion(c.module, 'module');
  const codes = listCriterion(c.codes, 'codes');
  return { tenantId, locale: c.locale, ...(modules ? { modules } : {}), ...(codes ? { codes } : {}) };
}

/** A write's body checked: `{tenantId, messages: [...]}`. */
function writeOf<T>(req: HttpRequest, validate: (v: unknown, path: string) => ReturnType<typeof validateUpsert>): { tenantId: string; messages: T[] } {
  const problems = validate(req.body, '$');
  if (problems.length > 0) throw invalidFields(problems);
  return req.body as unknown as { tenantId: string; messages: T[] };
}

/**
 * DIGIT's egov-localization: search (public; the query string carries the criteria, as the app
 * sends them), and upsert and delete of stored messages that override the shipped ones.
 */
export function localizationRoutes(localization: Localization, deps: { grant: (id: string) => EndpointAccess; tenantExists: (tenantId: string) => boolean }): Route[] {
  const knownTenant = (tenantId: string) => {
    if (!deps.tenantExists(tenantId)) throw invalid('INVALID_TENANT_ID', `$.tenantId names no known tenant: '${tenantId}'`, '$.tenantId');
    return tenantId;
  };
  const tenantOf = (req: HttpRequest) => [requireTenant(req.body.tenantId, '$.tenantId')];
  return [
    {
      path: LOCALIZATION_PATHS['localization.search'],
      endpoint: 'localization.search',
      access: deps.grant('localization.search'),
      doc: searchDoc,
      tenants: (req) => [queryOf(req).tenantId],
      handle: async (req) => req.respond({ messages: await localization.search(queryOf(req)) }),
    },
    {
      path: LOCALIZATION_PATHS['localization.upsert'],
      endpoint: 'localization.upsert',
      access: deps.grant('localization.upsert'),
      doc: {
        summary: 'Store localization messages',
        description: "Stores messages at a tenant; each replaces the one stored for its locale, module and code, and wins over the shipped message there. The answer is the messages stored.",
        body: envelope(writeBody(messageSchema).properties, ['tenantId', 'messages']),
        response: answer({ messages: listOf({ $ref: '#/components/schemas/LocalizationMessage' }) }),
        schemas: searchDoc.schemas,
      },
      tenants: tenantOf,
      handle: async (req) => {
        const body = writeOf<Message>(req, validateUpsert);
        return req.respond({ messages: await localization.upsert(knownTenant(body.tenantId), body.messages, req.caller?.uuid ?? 'anonymous') });
      },
    },
    {
      path: LOCALIZATION_PATHS['localization.delete'],
      endpoint: 'localization.delete',
      access: deps.grant('localization.delete'),
      doc: {
        summary: 'Delete stored localization messages',
        description: 'Removes messages stored at a tenant (the shipped ones show again). Naming a message that is not stored is no error.',
        body: envelope(writeBody(identitySchema).properties, ['tenantId', 'messages']),
        response: answer({ successful: { type: 'boolean' } }),
      },
      tenants: tenantOf,
      handle: async (req) => {
        const body = writeOf<MessageIdentity>(req, validateDelete);
        await localization.delete(knownTenant(body.tenantId), body.messages);
        return req.respond({ successful: true });
      },
    },
  ];
}
