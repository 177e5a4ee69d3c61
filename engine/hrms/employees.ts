import { randomBytes, randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import { conflict, invalid, invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import { nextSequenceValue } from '../idgen/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { countRecords, findRecord, inFilters, insertRecord, searchRecords, updateRecord, exactFilters, type Filter, type Matching } from '../persister/index.ts';
import { escapeLike, type Db } from '../store/index.ts';
import { stateTenantOf } from '../tenancy/index.ts';
import {
  checkRoleChange,
  createUser,
  findUserByUuid,
  recordRoleChange,
  revokeUserSessions,
  searchUsers,
  updateUser,
  userTable,
  usersByUuid,
  type RoleGrant,
  type RoleGrantRule,
  type User,
  type UserChecks,
  type UserInput,
} from '../users/index.ts';
import { compilePayloadValidator } from '../validation/index.ts';
import { checkEmployeeCodes } from './checks.ts';
import { EMPLOYEE_CODE_ID, EMPLOYEE_INPUT_SCHEMA, EMPLOYEE_LISTS, type AuditDetails, type Employee, type EmployeeInput, type EmployeeItem } from './employee.ts';
import { employeeTable } from './table.ts';
import { employeeView, type EmployeeView } from './view.ts';

export interface EmployeeDeps {
  db: Db;
  clock: Clock;
  mdms: () => Mdms;
  idgen: IdGenerator;
  checks: UserChecks;
  /** Who may grant which roles where (the user routes' matrix, users/grants.ts). */
  roleGrants: readonly RoleGrantRule[];
  timeZone: string;
}

/** Who makes a change, and from where (for the sign-in audit). */
export interface Actor {
  caller: User;
  clientAddress?: string;
}

export interface EmployeeCriteria {
  tenantId: string;
  codes?: string[];
  names?: string[];
  phone?: string;
  roles?: string[];
  departments?: string[];
  designations?: string[];
  ids?: number[];
  uuids?: string[];
  employeestatuses?: string[];
  employeetypes?: string[];
  isActive?: boolean;
  offset: number;
  limit: number;
}

export interface EmployeeCount {
  totalEmployee: string;
  activeEmployee: string;
  inactiveEmployee: string;
}

const validateEmployee = compilePayloadValidator(EMPLOYEE_INPUT_SCHEMA);
const POSITION_SEQUENCE = 'seva_employee_position';

/** The tenants an employee in a request acts in: its own, its jurisdictions' and where its user's roles are. */
export function tenantsOfEmployee(input: unknown): string[] {
  const e = (input && typeof input === 'object' ? input : {}) as Record<string, any>;
  const tenants = new Set<string>();
  const add = (t: unknown) => typeof t === 'string' && t !== '' && tenants.add(t);
  add(e.tenantId);
  if (Array.isArray(e.jurisdictions)) for (const j of e.jurisdictions) add(j?.boundary);
  if (Array.isArray(e.user?.roles)) for (const r of e.user.roles) add(r?.tenantId);
  return [...tenants];
}

const rolesOf = (input: EmployeeInput): RoleGrant[] => input.user.roles.map((r) => ({ code: r.code, tenantId: r.tenantId }));

/** DIGIT's egov-hrms over Seva's users: an employee and its user are written in one transaction. */
export class Employees {
  constructor(private readonly deps: EmployeeDeps) {}

  /** Shape, masters, tenants and the caller's right to grant the roles, for every employee, before anything is written. */
  private check(inputs: EmployeeInput[], at: (i: number) => string): void {
    const details: ErrorDetail[] = [];
    inputs.forEach((input, i) => {
      const found = validateEmployee(input, at(i));
      if (found.length > 0) details.push(...found);
      else details.push(...checkEmployeeCodes(input, at(i), this.deps.mdms(), this.deps.checks, this.deps.clock.now()));
    });
    if (details.length > 0) throw invalidFields(details);
  }

  /** Creates each employee and its user; if any fails, none is created. */
  async create(inputs: EmployeeInput[], actor: Actor, at: (i: number) => string): Promise<EmployeeView[]> {
    this.check(inputs, at);
    const changes = inputs.map((input, i) => checkRoleChange(actor.caller, [], rolesOf(input), this.deps.roleGrants, `${at(i)}.user.roles`));
    const now = this.deps.clock.now();
    const created = await this.deps.db.transaction().execute(async (trx) => {
      const out: { employee: Employee; user: User }[] = [];
      for (const [i, input] of inputs.entries()) {
        const code = input.code || (await this.deps.idgen.generate(trx, { tenantId: input.tenantId, idName: EMPLOYEE_CODE_ID }))[0]!;
        const userTenant = stateTenantOf(input.tenantId);
        await this.refuseDuplicates(trx, at(i), code, input.user.mobileNumber, userTenant);
        // DIGIT's state-level user accounts: the user lives at the state, where clients sign in.
        const user = await createUser(trx, this.userInputOf(input, code, userTenant, true, input.user.password ?? randomBytes(18).toString('base64url')), actor.caller.uuid, now, this.deps.checks);
        await recordRoleChange(trx, user, changes[i]!, actor.caller.uuid, actor.clientAddress);
        const audit = { createdBy: actor.caller.uuid, createdDate: now };
        const employee: Employee = {
          id: user.id,
          uuid: user.uuid,
          code,
          tenantId: input.tenantId,
          ...(input.employeeStatus ? { employeeStatus: input.employeeStatus } : {}),
          employeeType: input.employeeType,
          ...(typeof input.dateOfAppointment === 'number' ? { dateOfAppointment: input.dateOfAppointment } : {}),
          isActive: true,
          ...(await this.lists(trx, input, at(i), undefined, audit)),
          auditDetails: { ...audit, lastModifiedBy: actor.caller.uuid, lastModifiedDate: now },
        };
        await insertRecord(trx, employeeTable, employee);
        out.push({ employee, user });
      }
      return out;
    });
    return created.map(({ employee, user }) => employeeView(employee, user, this.deps.timeZone));
  }

  /**
   * Changes each employee and its user. `authorizeExisting` is asked about the tenants each works
   * in now (changing an employee needs the grant there too, not only where it will work).
   * Deactivating one ends its user's sessions at once.
   */
  async update(inputs: EmployeeInput[], actor: Actor, at: (i: number) => string, authorizeExisting: (tenants: string[]) => void): Promise<EmployeeView[]> {
    this.check(inputs, at);
    const { db, clock } = this.deps;
    const now = clock.now();
    const plans: { input: EmployeeInput; stored: Employee; user: User; isActive: boolean; change: ReturnType<typeof checkRoleChange>; path: string }[] = [];
    for (const [i, input] of inputs.entries()) {
      const path = at(i);
      const missing = (['id', 'uuid', 'code'] as const).filter((f) => input[f] === undefined || input[f] === null || input[f] === '');
      if (missing.length > 0) throw invalidFields(missing.map((f) => ({ code: `ERR_HRMS_UPDATE_NULL_${f.toUpperCase()}`, message: `${path}.${f} is required to change an employee`, path: `${path}.${f}` })));
      const stored = await findRecord(db, employeeTable, { uuid: input.uuid! });
      const user = stored && (await findUserByUuid(db, stored.uuid));
      if (!stored || !user || stored.id !== input.id) throw notFound('ERR_HRMS_UPDATE_EMPLOYEE_NOT_EXIST_CODE', `no employee with uuid ${input.uuid} and id ${input.id} (${path})`);
      authorizeExisting([...new Set([...tenantsOfEmployee(stored), ...user.roles.map((r) => r.tenantId)])]);
      if (input.code !== stored.code) throw invalid('ERR_HRMS_UPDATE_EMPLOYEE_CODE_CHANGE', `${path}.code: an employee's code cannot change (it is ${stored.code})`, `${path}.code`);
      if (input.tenantId !== stored.tenantId) throw invalid('ERR_HRMS_UPDATE_TENANT_CHANGE', `${path}.tenantId: an employee's tenant cannot change (it is ${stored.tenantId})`, `${path}.tenantId`);
      const isActive = input.isActive ?? stored.isActive;
      checkActivation(input, stored, isActive, path, now, this.deps.timeZone);
      const change = checkRoleChange(actor.caller, user.roles, rolesOf(input), this.deps.roleGrants, `${path}.user.roles`);
      plans.push({ input, stored, user, isActive, change, path });
    }
    const updated = await db.transaction().execute(async (trx) => {
      const out: { employee: Employee; user: User }[] = [];
      for (const { input, stored, user, isActive, change, path } of plans) {
        await this.refuseDuplicates(trx, path, undefined, input.user.mobileNumber, user.tenantId, user.uuid);
        // A password is changed through the user's own flows, not here (egov-user's update ignores it too).
        const changedUser = await updateUser(trx, { ...this.userInputOf(input, stored.code, user.tenantId, isActive), uuid: user.uuid }, actor.caller.uuid, now, this.deps.checks);
        await recordRoleChange(trx, changedUser, change, actor.caller.uuid, actor.clientAddress);
        // A deactivated employee's tokens stop working now, not when they expire.
        if (!isActive) await revokeUserSessions(trx, user.uuid);
        const employee: Employee = {
          ...stored,
          employeeStatus: input.employeeStatus ?? undefined,
          employeeType: input.employeeType,
          dateOfAppointment: input.dateOfAppointment ?? undefined,
          isActive,
          reActivateEmployee: input.reActivateEmployee ?? undefined,
          ...(await this.lists(trx, input, path, stored, { createdBy: actor.caller.uuid, createdDate: now }, { lastModifiedBy: actor.caller.uuid, lastModifiedDate: now })),
          auditDetails: { ...stored.auditDetails, lastModifiedBy: actor.caller.uuid, lastModifiedDate: now },
        };
        await updateRecord(trx, employeeTable, employee);
        out.push({ employee, user: changedUser });
      }
      return out;
    });
    return updated.map(({ employee, user }) => employeeView(employee, user, this.deps.timeZone));
  }

  /** DIGIT refuses a second user with the same name, or a second employee with the same mobile number. */
  private async refuseDuplicates(db: Db, path: string, code: string | undefined, mobileNumber: string, tenantId: string, self?: string): Promise<void> {
    if (code) {
      const named = await searchUsers(db, { tenantId, userName: code, limit: 5 });
      if (named.some((u) => u.tenantId === tenantId)) throw conflict('ERR_HRMS_USER_EXIST_USERNAME', `a user named '${code}' already exists at ${tenantId} (${path}.code)`, `${path}.code`);
    }
    const sameMobile = await searchUsers(db, { tenantId, mobileNumber, userType: 'EMPLOYEE', limit: 5 });
    if (sameMobile.some((u) => u.uuid !== self)) {
      throw conflict(self ? 'ERR_HRMS_UPDATE_EXISTING_MOBNO' : 'ERR_HRMS_USER_EXIST_MOB', `another employee already has the mobile number ${mobileNumber} (${path}.user.mobileNumber)`, `${path}.user.mobileNumber`);
    }
  }

  /** The user behind an employee: named by its code, an employee, at the state. */
  private userInputOf(input: EmployeeInput, code: string, tenantId: string, active: boolean, password?: string): UserInput {
    const { password: _sent, ...user } = input.user;
    return { ...user, userName: code, type: 'EMPLOYEE', tenantId, active, ...(password ? { password } : {}) };
  }

  /**
   * The employee's lists as the request gives them, each item with an id and audit details: a new
   * item (no id) gets both; a stored one keeps its creation and, if changed, gets `changed`.
   * Deactivation and reactivation history is only ever added to: stored entries are kept as stored.
   */
  private async lists(db: Db, input: EmployeeInput, path: string, stored: Employee | undefined, created: AuditDetails, changed: AuditDetails = {}): Promise<Pick<Employee, (typeof EMPLOYEE_LISTS)[number]>> {
    const result: Record<string, EmployeeItem[]> = {};
    for (const list of EMPLOYEE_LISTS) {
      const before = new Map(((stored?.[list] ?? []) as EmployeeItem[]).map((item) => [item.id, item]));
      const history = list === 'deactivationDetails' || list === 'reactivationDetails';
      const sent = (input[list] ?? []) as Partial<EmployeeItem>[];
      const items: EmployeeItem[] = history ? [...before.values()] : [];
      for (const [i, raw] of sent.entries()) {
        const item = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)) as Partial<EmployeeItem>;
        const old = item.id ? before.get(item.id) : undefined;
        if (item.id && !old) throw invalid('ERR_HRMS_UPDATE_UNKNOWN_ITEM', `${path}.${list}[${i}].id '${item.id}' is not one of this employee's ${list}; leave the id out to add one`, `${path}.${list}[${i}].id`);
        if (history && old) continue;
        const { auditDetails: _client, ...fields } = item;
        const defaults = defaultsOf(list, fields, input.tenantId);
        const enriched = { ...defaults, ...fields, id: old?.id ?? randomUUID() } as EmployeeItem;
        if (list === 'assignments' && typeof enriched.position !== 'number') enriched.position = await nextSequenceValue(db, POSITION_SEQUENCE);
        enriched.auditDetails = old ? { ...old.auditDetails, ...(sameItem(old, enriched) ? {} : changed) } : { ...created };
        items.push(enriched);
      }
      result[list] = items;
    }
    return result as unknown as Pick<Employee, (typeof EMPLOYEE_LISTS)[number]>;
  }

  /** DIGIT's employee search: by the employee's fields, its assignments, and its user's (phone, names, roles). */
  async search(c: EmployeeCriteria): Promise<EmployeeView[]> {
    const { db } = this.deps;
    let uuids = c.uuids;
    if (c.phone || c.names?.length || c.roles?.length) {
      const matching = await this.userUuids(c);
      uuids = uuids ? uuids.filter((u) => matching.includes(u)) : matching;
      if (uuids.length === 0) return [];
    }
    const employees = await searchRecords(db, employeeTable, {
      ...this.scope(c.tenantId),
      filters: [
        ...this.scope(c.tenantId).filters,
        ...(c.codes ? [{ fields: ['code'], match: 'in' as const, caseInsensitive: true, values: c.codes }] : []),
        ...inFilters({ id: c.ids, uuid: uuids, employeeStatus: c.employeestatuses, employeeType: c.employeetypes, 'assignments.department': c.departments, 'assignments.designation': c.designations }),
        ...exactFilters({ isActive: c.isActive }),
      ],
      sort: [['id', 'asc']],
      page: { offset: c.offset, limit: c.limit },
    });
    const users = await usersByUuid(db, employees.map((e) => e.uuid));
    return employees.map((e) => employeeView(e, users.get(e.uuid), this.deps.timeZone));
  }

  /** DIGIT's counts of a tenant's employees, active and not, as text. */
  async count(tenantId: string, roles?: string[]): Promise<EmployeeCount> {
    const scope = this.scope(tenantId);
    let uuids: string[] | undefined;
    if (roles?.length) uuids = await this.userUuids({ tenantId, roles });
    if (uuids?.length === 0) return { totalEmployee: '0', activeEmployee: '0', inactiveEmployee: '0' };
    const count = (isActive: boolean) => countRecords(this.deps.db, employeeTable, { ...scope, filters: [...scope.filters, ...exactFilters({ isActive }), ...inFilters({ uuid: uuids })] });
    const [active, inactive] = [await count(true), await count(false)];
    return { totalEmployee: String(active + inactive), activeEmployee: String(active), inactiveEmployee: String(inactive) };
  }

  /**
   * Which employees a tenant sees: a GP, those it onboarded and those with a jurisdiction over it
   * (never another GP's); a state, every employee within it.
   */
  private scope(tenantId: string): Matching {
    if (tenantId.includes('.')) return { filters: [{ fields: ['tenantId', 'jurisdictions.boundary'], match: 'exact', values: [tenantId] } satisfies Filter] };
    return { tenant: { id: tenantId, scope: 'within' }, filters: [] };
  }

  /** Uuids of users matching an employee search's user criteria (each given one must hold). */
  private async userUuids(c: Pick<EmployeeCriteria, 'tenantId' | 'phone' | 'names' | 'roles'>): Promise<string[]> {
    const state = stateTenantOf(c.tenantId);
    const roles = c.roles ?? [];
    const names = (c.names ?? []).map((n) => `%${escapeLike(n.toLowerCase())}%`);
    const users = await searchRecords(this.deps.db, userTable, {
      tenant: { id: state, scope: 'within' },
      filters: [...exactFilters({ mobileNumber: c.phone || undefined, type: 'EMPLOYEE' })],
      also: (eb) =>
        eb.and([
          names.length ? sql<boolean>`(${sql.join(names.map((n) => sql`lower(name) like ${n}`), sql` or `)})` : sql<boolean>`true`,
          // A role counts where it is held at the tenant searched, within it, or at its state (which covers it).
          roles.length
            ? sql<boolean>`exists (select 1 from jsonb_array_elements(roles) as r where r->>'code' in (${sql.join(roles)}) and (r->>'tenantId' = ${c.tenantId} or starts_with(r->>'tenantId', ${`${c.tenantId}.`}) or r->>'tenantId' = ${state}))`
            : sql<boolean>`true`,
        ]),
    });
    return users.map((u) => u.uuid);
  }
}

/** DIGIT's defaults for a new item of a list. */
function defaultsOf(list: string, item: Partial<EmployeeItem>, tenantId: string): Record<string, unknown> {
  switch (list) {
    case 'jurisdictions':
      return { tenantId: item.boundary ?? tenantId, isActive: true };
    case 'assignments':
      return { tenantid: tenantId, isHOD: false };
    case 'serviceHistory':
      return { tenantId, isCurrentPosition: false };
    case 'education':
    case 'tests':
      return { tenantId, isActive: true };
    default:
      return { tenantId };
  }
}

function sameItem(a: EmployeeItem, b: EmployeeItem): boolean {
  const { auditDetails: _a, ...x } = a;
  const { auditDetails: _b, ...y } = b;
  return JSON.stringify(x, Object.keys(x).sort()) === JSON.stringify(y, Object.keys(y).sort());
}

/**
 * Deactivation needs a new entry with a reason, effective today (DIGIT: not before today's start,
 * not after now); reactivation (`reActivateEmployee`) a new entry effective between the last
 * deactivation and now. A new deactivation entry on an employee left active is refused.
 */
function checkActivation(input: EmployeeInput, stored: Employee, isActive: boolean, path: string, now: number, timeZone: string): void {
  const known = (list: 'deactivationDetails' | 'reactivationDetails') => new Set(stored[list].map((d) => d.id));
  const fresh = <T extends { id?: string | null }>(items: T[] | null | undefined, list: 'deactivationDetails' | 'reactivationDetails') =>
    (items ?? []).map((item, i) => ({ item, i })).filter(({ item }) => !item.id || !known(list).has(item.id));
  const deactivations = fresh(input.deactivationDetails, 'deactivationDetails');
  const reactivations = fresh(input.reactivationDetails, 'reactivationDetails');
  const details: ErrorDetail[] = [];
  const todayStart = startOfDay(new TZDate(now, timeZone)).getTime();
  if (!isActive && stored.isActive && deactivations.length === 0) {
    details.push({ code: 'ERR_HRMS_DEACT_DETAILS_REQUIRED', message: `${path}.deactivationDetails: deactivating an employee needs an entry with its reasonForDeactivation and effectiveFrom`, path: `${path}.deactivationDetails` });
  }
  for (const { item, i } of deactivations) {
    const at = `${path}.deactivationDetails[${i}]`;
    if (isActive) details.push({ code: 'ERR_HRMS_INVALID_DEACT_REQUEST', message: `${at}: a deactivation entry is given but isActive is not false`, path: at });
    if (item.effectiveFrom! > now || item.effectiveFrom! < todayStart) details.push({ code: 'ERR_HRMS_UPDATE_DEACT_DETAILS_INCORRECT_EFFECTIVEFROM', message: `${at}.effectiveFrom must be today, not after now`, path: `${at}.effectiveFrom` });
  }
  if (isActive && !stored.isActive) {
    if (input.reActivateEmployee !== true || reactivations.length === 0) {
      details.push({ code: 'ERR_HRMS_REACT_DETAILS_REQUIRED', message: `${path}: reactivating an employee needs reActivateEmployee: true and a reactivationDetails entry with its reasonForReactivation and effectiveFrom`, path: `${path}.reactivationDetails` });
    }
    const lastDeactivation = Math.max(0, ...stored.deactivationDetails.map((d) => d.effectiveFrom));
    for (const { item, i } of reactivations) {
      if (item.effectiveFrom! < lastDeactivation || item.effectiveFrom! > now) {
        details.push({ code: 'ERR_HRMS_UPDATE_REACT_DETAILS_INCORRECT_EFFECTIVEFROM', message: `${path}.reactivationDetails[${i}].effectiveFrom must be between the last deactivation and now`, path: `${path}.reactivationDetails[${i}].effectiveFrom` });
      }
    }
  } else if (reactivations.length > 0) {
    details.push({ code: 'ERR_HRMS_INVALID_REACT_REQUEST', message: `${path}.reactivationDetails: only an inactive employee made active again takes a new reactivation entry`, path: `${path}.reactivationDetails` });
  }
  if (details.length > 0) throw invalidFields(details);
}
