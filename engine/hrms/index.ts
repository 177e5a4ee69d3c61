export { EMPLOYEE_CODE_ID, EMPLOYEE_INPUT_SCHEMA, EMPLOYEE_MASTERS, type Employee, type EmployeeInput } from './employee.ts';
export { Employees, tenantsOfEmployee, type Actor, type EmployeeCount, type EmployeeCriteria, type EmployeeDeps } from './employees.ts';
export { employeeTable } from './table.ts';
export type { EmployeeView } from './view.ts';
