import { userView, type User } from '../users/index.ts';
import type { Employee } from './employee.ts';

export type EmployeeView = Record<string, unknown>;

/**
 * An employee's user as egov-hrms answers it: egov-user's, with its dates turned to epoch
 * milliseconds (HRMS parses egov-user's date texts into numbers before answering).
 */
function employeeUserView(user: User, timeZone: string): Record<string, unknown> {
  const dob = user.dob ? Date.parse(`${user.dob}T00:00:00Z`) : null;
  return {
    ...userView(user, timeZone),
    dob: Number.isFinite(dob) ? dob : null,
    createdBy: user.auditDetails?.createdBy ?? null,
    createdDate: user.auditDetails?.createdTime ?? null,
    lastModifiedBy: user.auditDetails?.lastModifiedBy ?? null,
    lastModifiedDate: user.auditDetails?.lastModifiedTime ?? null,
    password: null,
  };
}

/** An employee as DIGIT's egov-hrms answers it: every field of its Employee, absent ones null. */
export function employeeView(employee: Employee, user: User | undefined, timeZone: string): EmployeeView {
  return {
    id: employee.id,
    uuid: employee.uuid,
    code: employee.code,
    employeeStatus: employee.employeeStatus ?? null,
    employeeType: employee.employeeType,
    dateOfAppointment: employee.dateOfAppointment ?? null,
    jurisdictions: employee.jurisdictions,
    assignments: employee.assignments.map((a) => ({ toDate: null, govtOrderNumber: null, reportingTo: null, ...a })),
    serviceHistory: employee.serviceHistory,
    isActive: employee.isActive,
    education: employee.education,
    tests: employee.tests,
    tenantId: employee.tenantId,
    documents: employee.documents,
    deactivationDetails: employee.deactivationDetails,
    reactivationDetails: employee.reactivationDetails,
    auditDetails: { createdBy: null, createdDate: null, lastModifiedBy: null, lastModifiedDate: null, ...employee.auditDetails },
    reActivateEmployee: employee.reActivateEmployee ?? null,
    user: user ? employeeUserView(user, timeZone) : null,
  };
}
