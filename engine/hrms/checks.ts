import type { ErrorDetail } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';
import type { UserChecks } from '../users/index.ts';
import { EMPLOYEE_MASTERS, type EmployeeInput } from './employee.ts';

/** The active codes of a master at a tenant (a record without `active` counts as active). */
function activeCodes(mdms: Mdms, tenantId: string, master: string): Set<string> {
  return new Set(mdms.records(tenantId, master).filter((r) => r.active !== false && r.isActive !== false).map((r) => String(r.code)));
}

/**
 * What a schema cannot say of an employee (DIGIT's EmployeeValidator): its codes are in their
 * masters, its tenants and roles exist, exactly one assignment is current and none overlap, and no
 * date lies in the future. `path` is the employee's place in the request.
 */
export function checkEmployeeCodes(e: EmployeeInput, path: string, mdms: Mdms, checks: UserChecks, now: number): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const add = (code: string, message: string, at: string) => details.push({ code, message: `${at}: ${message}`, path: at });
  const inMaster = (value: string, master: string, code: string, at: string) => {
    const codes = activeCodes(mdms, e.tenantId, master);
    if (!codes.has(value)) add(code, `'${value}' is not an active code of the ${master} master${codes.size ? ` (${[...codes].sort().join(', ')})` : ', which has no records for this tenant'}`, at);
  };
  if (!checks.tenantExists(e.tenantId)) add('INVALID_TENANT_ID', `'${e.tenantId}' is not a known tenant`, `${path}.tenantId`);
  inMaster(e.employeeType, EMPLOYEE_MASTERS.employeeType, 'ERR_HRMS_INVALID_EMP_TYPE', `${path}.employeeType`);
  if (e.employeeStatus) inMaster(e.employeeStatus, EMPLOYEE_MASTERS.employeeStatus, 'ERR_HRMS_INVALID_EMP_STATUS', `${path}.employeeStatus`);
  if (typeof e.dateOfAppointment === 'number' && e.dateOfAppointment > now) add('ERR_HRMS_INVALID_DATE_OF_APPOINTMENT', 'the date of appointment is in the future', `${path}.dateOfAppointment`);
  e.jurisdictions.forEach((j, i) => {
    if (!checks.tenantExists(j.boundary!)) add('ERR_HRMS_INVALID_JURISDICTION_BOUNDARY', `'${j.boundary}' is not a known tenant`, `${path}.jurisdictions[${i}].boundary`);
  });
  e.user.roles.forEach((r, i) => {
    if (!checks.roleExists(r.code)) add('ERR_HRMS_INVALID_ROLE', `'${r.code}' is not a known role`, `${path}.user.roles[${i}].code`);
    if (!checks.tenantExists(r.tenantId)) add('INVALID_TENANT_ID', `'${r.tenantId}' is not a known tenant`, `${path}.user.roles[${i}].tenantId`);
  });

  const current = e.assignments.filter((a) => a.isCurrentAssignment);
  if (current.length !== 1) add('ERR_HRMS_INVALID_CURRENT_ASSGN', `there must be exactly one current assignment, not ${current.length}`, `${path}.assignments`);
  const byStart = [...e.assignments].sort((a, b) => a.fromDate! - b.fromDate!);
  if (byStart.some((a, i) => i + 1 < byStart.length && typeof a.toDate === 'number' && a.toDate > byStart[i + 1]!.fromDate!)) add('ERR_HRMS_OVERLAPPING_ASSGN', 'two assignments overlap in time', `${path}.assignments`);
  e.assignments.forEach((a, i) => {
    const at = `${path}.assignments[${i}]`;
    inMaster(a.department!, EMPLOYEE_MASTERS.department, 'ERR_HRMS_INVALID_DEPT', `${at}.department`);
    inMaster(a.designation!, EMPLOYEE_MASTERS.designation, 'ERR_HRMS_INVALID_DESG', `${at}.designation`);
    const to = typeof a.toDate === 'number' ? a.toDate : undefined;
    if (a.isCurrentAssignment && to !== undefined) add('ERR_HRMS_INVALID_ASSIGNMENT_CURRENT_TO_DATE', 'the current assignment has no end (toDate)', `${at}.toDate`);
    if (!a.isCurrentAssignment && to === undefined) add('ERR_HRMS_INVALID_ASSIGNMENT_NON_CURRENT_TO_DATE', 'an assignment that is not current needs its end (toDate)', `${at}.toDate`);
    if (to !== undefined && a.fromDate! > to) add('ERR_HRMS_INVALID_ASSIGNMENT_PERIOD', 'the assignment ends before it starts', `${at}.toDate`);
    if (typeof e.dateOfAppointment === 'number' && a.fromDate! < e.dateOfAppointment) add('ERR_HRMS_INVALID_ASSIGNMENT_DATES_APPOINTMENT', 'the assignment starts before the date of appointment', `${at}.fromDate`);
  });
  (e.deactivationDetails ?? []).forEach((d, i) => {
    if (!d.id) inMaster(d.reasonForDeactivation!, EMPLOYEE_MASTERS.deactivationReason, 'ERR_HRMS_INVALID_DEACT_REASON', `${path}.deactivationDetails[${i}].reasonForDeactivation`);
  });
  return details;
}
