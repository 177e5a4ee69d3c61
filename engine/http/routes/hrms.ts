import { authorize, type EndpointAccess } from '../../access/index.ts';
import { invalid, invalidFields, type ErrorDetail } from '../../errors/index.ts';
import { tenantsOfEmployee, type EmployeeCriteria, type EmployeeInput, type Employees } from '../../hrms/index.ts';
import { listCriterion, pageCriteria } from '../../validation/index.ts';
import { requireTenant, type HttpRequest, type Route } from '../route.ts';
import { hrmsDocs } from './hrms-docs.ts';

export const HRMS_PATHS = {
  'hrms.employee.create': '/egov-hrms/employees/_create',
  'hrms.employee.update': '/egov-hrms/employees/_update',
  'hrms.employee.search': '/egov-hrms/employees/_search',
  'hrms.employee.count': '/egov-hrms/employees/_count',
} as const;
/** The web console's count (with roles), answered by the count's grant. */
export const HRMS_EXTRA_ROUTES = ['/egov-hrms/employees/v1/_count'];

const PAGE = { defaultLimit: 200, maxLimit: 1000 };

/** The request's `Employees`: a list of objects (checked before access, which reads their tenants). */
function employeesOf(req: HttpRequest): EmployeeInput[] {
  const employees = req.body.Employees;
  if (!Array.isArray(employees) || employees.length === 0) throw invalid('INVALID_REQUEST', 'the request must carry a non-empty list of employees under "Employees"', '$.Employees');
  employees.forEach((e, i) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw invalid('INVALID_TYPE', `$.Employees[${i}] must be an employee object`, `$.Employees[${i}]`);
  });
  return employees as EmployeeInput[];
}

const at = (i: number) => `$.Employees[${i}]`;
const tenantsOfRequest = (req: HttpRequest) => [...new Set(employeesOf(req).flatMap(tenantsOfEmployee))];

/** An employee search's criteria, from the query (as DIGIT takes them) or the body: each of its type, or a 400 naming it. */
function criteriaOf(req: HttpRequest): EmployeeCriteria {
  const b: Record<string, unknown> = { ...req.query, ...req.body };
  const details: ErrorDetail[] = [];
  const ids = listCriterion(b.ids, 'ids')?.map(Number);
  if (ids?.some((n) => !Number.isSafeInteger(n))) details.push({ code: 'INVALID_SEARCH_CRITERIA', message: 'ids must list whole numbers', path: '$.ids' });
  let isActive: boolean | undefined;
  if (b.isActive !== undefined && b.isActive !== null && b.isActive !== '') {
    if (b.isActive === true || b.isActive === 'true') isActive = true;
    else if (b.isActive === false || b.isActive === 'false') isActive = false;
    else details.push({ code: 'INVALID_SEARCH_CRITERIA', message: 'isActive must be true or false', path: '$.isActive' });
  }
  const phone = b.phone === undefined || b.phone === null || b.phone === '' ? undefined : String(b.phone);
  const page = pageCriteria(b, PAGE, details);
  if (details.length > 0) throw invalidFields(details);
  return {
    tenantId: requireTenant(b.tenantId, '$.tenantId'),
    codes: listCriterion(b.codes, 'codes'),
    names: listCriterion(b.names, 'names') ?? listCriterion(b.name, 'name'),
    phone,
    roles: listCriterion(b.roles, 'roles'),
    departments: listCriterion(b.departments, 'departments'),
    designations: listCriterion(b.designations, 'designations'),
    ids,
    uuids: listCriterion(b.uuids, 'uuids'),
    employeestatuses: listCriterion(b.employeestatuses, 'employeestatuses'),
    employeetypes: listCriterion(b.employeetypes, 'employeetypes'),
    isActive,
    ...page,
  };
}

const tenantOfQuery = (req: HttpRequest) => requireTenant(req.query.tenantId ?? req.body.tenantId, '$.tenantId');

/** DIGIT's egov-hrms: employees and their users, onboarded, changed, deactivated and found. */
export function hrmsRoutes(employees: Employees, grant: (endpointId: string) => EndpointAccess): Route[] {
  const actor = (req: HttpRequest) => ({ caller: req.caller!, clientAddress: req.clientAddress });
  const count: Route['handle'] = async (req) => {
    const tenantId = tenantOfQuery(req);
    return req.respond({ EmployeCount: await employees.count(tenantId, listCriterion(req.query.roles ?? req.body.roles, 'roles')) });
  };
  return [
    {
      path: HRMS_PATHS['hrms.employee.create'],
      endpoint: 'hrms.employee.create',
      doc: hrmsDocs['hrms.employee.create'],
      access: grant('hrms.employee.create'),
      tenants: tenantsOfRequest,
      handle: async (req) => req.respond({ Employees: await employees.create(employeesOf(req), actor(req), at) }),
    },
    {
      path: HRMS_PATHS['hrms.employee.update'],
      endpoint: 'hrms.employee.update',
      doc: hrmsDocs['hrms.employee.update'],
      access: grant('hrms.employee.update'),
      tenants: tenantsOfRequest,
      handle: async (req) =>
        req.respond({ Employees: await employees.update(employeesOf(req), actor(req), at, (tenants) => authorize('hrms.employee.update', grant('hrms.employee.update'), req.caller, tenants)) }),
    },
    {
      path: HRMS_PATHS['hrms.employee.search'],
      endpoint: 'hrms.employee.search',
      doc: hrmsDocs['hrms.employee.search'],
      access: grant('hrms.employee.search'),
      tenants: (req) => [requireTenant(req.query.tenantId ?? req.body.tenantId, '$.tenantId')],
      handle: async (req) => req.respond({ Employees: await employees.search(criteriaOf(req)) }),
    },
    {
      path: HRMS_PATHS['hrms.employee.count'],
      endpoint: 'hrms.employee.count',
      doc: hrmsDocs['hrms.employee.count'],
      access: grant('hrms.employee.count'),
      tenants: (req) => [tenantOfQuery(req)],
      handle: count,
    },
    {
      path: HRMS_EXTRA_ROUTES[0]!,
      endpoint: 'hrms.employee.count',
      doc: hrmsDocs['hrms.employee.count.v1'],
      access: grant('hrms.employee.count'),
      tenants: (req) => [tenantOfQuery(req)],
      handle: count,
    },
  ];
}
