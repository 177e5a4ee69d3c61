import type { JsonSchema } from '../../definitions/index.ts';
import { EMPLOYEE_INPUT_SCHEMA } from '../../hrms/index.ts';
import { userSchemas } from './users-docs.ts';
import { answer, envelope, listCriterion, listOf, pageParams, ref, type RouteDoc } from '../openapi/route-doc.ts';

const text = { type: 'string' };
const maybeText = { type: ['string', 'null'] };
const epoch = { type: ['integer', 'null'], description: 'Epoch milliseconds.' };
const audit: JsonSchema = { type: 'object', properties: { createdBy: maybeText, createdDate: epoch, lastModifiedBy: maybeText, lastModifiedDate: epoch } };
const item = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', properties: { id: text, tenantId: maybeText, auditDetails: audit, ...properties }, required: ['id', ...required] });

const hrmsSchemas: Record<string, JsonSchema> = {
  EmployeeInput: { ...EMPLOYEE_INPUT_SCHEMA, description: "An employee to onboard, or (with its id, uuid and code) to change. Its user's name, type and tenant are set by the service: the code, EMPLOYEE, and the state." },
  Employee: {
    type: 'object',
    description: 'An employee as egov-hrms answers it; its id and uuid are its user\'s, its code is its user\'s name.',
    properties: {
      id: { type: 'integer' },
      uuid: text,
      code: text,
      employeeStatus: maybeText,
      employeeType: text,
      dateOfAppointment: epoch,
      jurisdictions: listOf(item({ hierarchy: text, boundaryType: text, boundary: text, isActive: { type: 'boolean' } }, ['boundary'])),
      assignments: listOf(item({ position: { type: 'integer' }, department: text, designation: text, fromDate: { type: 'integer' }, toDate: epoch, govtOrderNumber: maybeText, tenantid: maybeText, reportingTo: maybeText, isHOD: { type: 'boolean' }, isCurrentAssignment: { type: 'boolean' } }, ['department', 'designation', 'fromDate', 'isCurrentAssignment'])),
      serviceHistory: listOf(item({})),
      isActive: { type: 'boolean' },
      education: listOf(item({})),
      tests: listOf(item({})),
      tenantId: text,
      documents: listOf(item({ documentName: maybeText, documentId: maybeText, referenceType: maybeText, referenceId: maybeText })),
      deactivationDetails: listOf(item({ reasonForDeactivation: text, effectiveFrom: { type: 'integer' }, orderNo: maybeText, remarks: maybeText }, ['reasonForDeactivation', 'effectiveFrom'])),
      reactivationDetails: listOf(item({ reasonForReactivation: text, effectiveFrom: { type: 'integer' }, orderNo: maybeText, remarks: maybeText }, ['reasonForReactivation', 'effectiveFrom'])),
      auditDetails: audit,
      reActivateEmployee: { type: ['boolean', 'null'] },
      user: {
        ...userSchemas.User,
        type: ['object', 'null'],
        description: "The employee's user as egov-user has it, its dates as epoch milliseconds (as egov-hrms answers them), never its password.",
        properties: { ...(userSchemas.User.properties as Record<string, JsonSchema>), dob: epoch, createdDate: epoch, lastModifiedDate: epoch, createdBy: maybeText, lastModifiedBy: maybeText, password: { type: 'null' } },
      },
    },
    required: ['id', 'uuid', 'code', 'employeeType', 'tenantId', 'isActive', 'jurisdictions', 'assignments', 'user'],
  },
};

const employeesAnswer = answer({ Employees: listOf(ref('Employee')) });
const employeesBody = envelope({ Employees: { type: 'array', minItems: 1, items: ref('EmployeeInput') } }, ['Employees']);
const countAnswer = answer({
  EmployeCount: {
    type: 'object',
    description: "DIGIT's spelling. The counts are text, as egov-hrms answers them.",
    properties: { totalEmployee: text, activeEmployee: text, inactiveEmployee: text },
    required: ['totalEmployee', 'activeEmployee', 'inactiveEmployee'],
  },
});
const searchCriteria: Record<string, JsonSchema> = {
  tenantId: text,
  codes: listCriterion(),
  names: listCriterion(),
  phone: text,
  roles: listCriterion(),
  departments: listCriterion(),
  designations: listCriterion(),
  ids: listCriterion({ type: 'integer' }),
  uuids: listCriterion(),
  employeestatuses: listCriterion(),
  employeetypes: listCriterion(),
  isActive: { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }] },
  ...pageParams({ defaultLimit: 200, maxLimit: 1000 }),
};

/** The contract of each egov-hrms route, by its endpoint id. */
export const hrmsDocs: Record<'hrms.employee.create' | 'hrms.employee.update' | 'hrms.employee.search' | 'hrms.employee.count' | 'hrms.employee.count.v1', RouteDoc> = {
  'hrms.employee.create': {
    summary: 'Onboard employees',
    description:
      'Creates each employee and its user in one transaction (a failure leaves neither). The code is generated (ID format hrms.employeecode) unless given. Needs the grant at every tenant the employee, its jurisdictions and its roles name; the role grant matrix decides which roles the caller may give.',
    body: employeesBody,
    response: employeesAnswer,
    schemas: hrmsSchemas,
  },
  'hrms.employee.update': {
    summary: 'Change, deactivate or reactivate employees',
    description:
      'Changes the employee and its user together. isActive: false with a new deactivationDetails entry (a reason from egov-hrms.DeactivationReason) makes the user inactive and ends its sessions at once; reActivateEmployee: true with a new reactivationDetails entry makes it active again.',
    body: employeesBody,
    response: employeesAnswer,
    schemas: hrmsSchemas,
  },
  'hrms.employee.search': {
    summary: 'Search employees',
    description: "Criteria come in the query string (as DIGIT's clients send them) or the body. A GP sees the employees it onboarded and those with a jurisdiction over it; a state, all within it.",
    query: Object.entries(searchCriteria).map(([name, schema]) => ({ name, schema, ...(name === 'tenantId' ? { description: 'Required, in the query string or the body.' } : {}) })),
    body: envelope(searchCriteria),
    response: employeesAnswer,
    schemas: hrmsSchemas,
  },
  'hrms.employee.count': {
    summary: 'Count employees, active and inactive',
    description: 'tenantId comes in the query string (or the body). A GP counts as its search lists.',
    query: [{ name: 'tenantId', schema: text, required: true }],
    body: envelope({ tenantId: text }),
    response: countAnswer,
  },
  'hrms.employee.count.v1': {
    summary: 'Count employees holding some roles, active and inactive',
    description: "The web console's count: as _count, of employees whose user holds one of the roles at the tenant (or its state).",
    query: [
      { name: 'tenantId', schema: text, required: true },
      { name: 'roles', schema: listCriterion() },
      { name: 'isStateLevelSearch', schema: { enum: ['true', 'false'] }, description: 'Accepted and ignored: a state tenant counts its whole state.' },
    ],
    body: envelope({ tenantId: text, roles: listCriterion() }),
    response: countAnswer,
  },
};
