import { invalid, invalidFields } from '../errors/index.ts';
import { compilePayloadValidator } from '../validation/index.ts';
import type { MdmsCriteria } from './mdms.ts';

const validateCriteria = compilePayloadValidator({
  type: 'object',
  properties: {
    tenantId: { type: ['string', 'null'] },
    moduleDetails: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['moduleName'],
        properties: {
          moduleName: { type: 'string', minLength: 1 },
          masterDetails: {
            type: ['array', 'null'],
            items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, filter: { type: ['string', 'null'] } } },
          },
        },
      },
    },
  },
});

/**
 * DIGIT's `MdmsCriteria` as a request carries it, checked: `{tenantId, moduleDetails: [{moduleName,
 * masterDetails: [{name, filter?}]}]}`; the tenant may come from the query (`tenantId`) instead.
 */
export function readMdmsCriteria(raw: unknown, queryTenant: unknown): MdmsCriteria {
  const path = '$.MdmsCriteria';
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('INVALID_REQUEST', 'the request must carry MdmsCriteria as an object', path);
  const problems = validateCriteria(raw, path);
  if (problems.length > 0) throw invalidFields(problems);
  const c = raw as { tenantId?: string | null; moduleDetails?: MdmsCriteria['moduleDetails'] | null };
  const tenantId = c.tenantId || (typeof queryTenant === 'string' ? queryTenant : '');
  if (!tenantId) throw invalid('INVALID_TENANT_ID', 'MdmsCriteria.tenantId is required', `${path}.tenantId`);
  const moduleDetails = (c.moduleDetails ?? []).map((m) => ({ moduleName: m.moduleName, masterDetails: (m.masterDetails ?? []).map((d) => ({ name: d.name, ...(d.filter ? { filter: d.filter } : {}) })) }));
  return { tenantId, moduleDetails };
}
