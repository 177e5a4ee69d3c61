import { engineChild, engineTable } from '../persister/index.ts';
import type { Assignment, Employee, Jurisdiction } from './employee.ts';

/**
 * Employees (DIGIT's egov-hrms). Each list is kept whole as JSON, as it was sent and enriched; a row
 * per jurisdiction and per assignment is kept beside it to find employees by boundary, department
 * and designation.
 */
export const employeeTable = engineTable<Employee>({
  table: 'seva_employee',
  primaryKey: 'uuid',
  tenantColumn: 'tenant_id',
  nulls: 'omitted',
  columns: {
    uuid: { path: 'uuid', type: 'text', notNull: true },
    id: { path: 'id', type: 'bigint', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    code: { path: 'code', type: 'text', notNull: true },
    employee_status: { path: 'employeeStatus', type: 'text' },
    employee_type: { path: 'employeeType', type: 'text', notNull: true },
    date_of_appointment: { path: 'dateOfAppointment', type: 'bigint' },
    active: { path: 'isActive', type: 'boolean', notNull: true },
    reactivate_employee: { path: 'reActivateEmployee', type: 'boolean' },
    jurisdictions: { path: 'jurisdictions', type: 'json', notNull: true },
    assignments: { path: 'assignments', type: 'json', notNull: true },
    service_history: { path: 'serviceHistory', type: 'json', notNull: true },
    education: { path: 'education', type: 'json', notNull: true },
    tests: { path: 'tests', type: 'json', notNull: true },
    documents: { path: 'documents', type: 'json', notNull: true },
    deactivation_details: { path: 'deactivationDetails', type: 'json', notNull: true },
    reactivation_details: { path: 'reactivationDetails', type: 'json', notNull: true },
    created_by: { path: 'auditDetails.createdBy', type: 'text' },
    created_date: { path: 'auditDetails.createdDate', type: 'bigint' },
    last_modified_by: { path: 'auditDetails.lastModifiedBy', type: 'text' },
    last_modified_date: { path: 'auditDetails.lastModifiedDate', type: 'bigint' },
  },
  indexes: [
    { name: 'seva_employee_tenant_id_lower_code_ukey', expressions: ['tenant_id', 'lower(code)'], unique: true },
    { name: 'seva_employee_id_idx', expressions: ['id'] },
  ],
  children: [
    engineChild<Employee, Jurisdiction>({
      table: 'seva_employee_jurisdiction',
      path: 'jurisdictions',
      primaryKey: 'id',
      parentColumn: 'employee_uuid',
      searchOnly: true,
      columns: {
        id: { path: 'id', type: 'text', notNull: true },
        employee_uuid: { parent: 'uuid', type: 'text', notNull: true },
        boundary: { path: 'boundary', type: 'text', notNull: true },
        is_active: { path: 'isActive', type: 'boolean' },
      },
      indexes: [
        { name: 'seva_employee_jurisdiction_boundary_idx', expressions: ['boundary'] },
        { name: 'seva_employee_jurisdiction_employee_idx', expressions: ['employee_uuid'] },
      ],
    }),
    engineChild<Employee, Assignment>({
      table: 'seva_employee_assignment',
      path: 'assignments',
      primaryKey: 'id',
      parentColumn: 'employee_uuid',
      searchOnly: true,
      columns: {
        id: { path: 'id', type: 'text', notNull: true },
        employee_uuid: { parent: 'uuid', type: 'text', notNull: true },
        department: { path: 'department', type: 'text', notNull: true },
        designation: { path: 'designation', type: 'text', notNull: true },
        from_date: { path: 'fromDate', type: 'bigint', notNull: true },
        to_date: { path: 'toDate', type: 'bigint' },
      },
      indexes: [{ name: 'seva_employee_assignment_employee_idx', expressions: ['employee_uuid'] }],
    }),
  ],
});
