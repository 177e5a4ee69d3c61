import { sql, type RawBuilder } from 'kysely';
import type { DataSource } from '../billing/index.ts';
import type { CompiledPersister, MappedColumn } from '../persister/index.ts';
import { SevaError } from '../errors/index.ts';
import { withinTenant } from '../store/index.ts';

export type { DataSource };

/** A source placed in one query under its own alias prefix, so one source can appear many times. */
export interface PlacedSource {
  /** Its tables, for `FROM`: its base table, and (LEFT JOIN, so no record is lost) the others it reads. */
  from: RawBuilder<unknown>;
  /** Its tables joined onto another source's, its base table matched by `on` (and the same tenant, when both have one). */
  joinedOn(on: RawBuilder<unknown>, tenant?: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Its tenant column; none for a source read whatever the tenant (users). */
  tenant?: RawBuilder<unknown>;
  /** The condition keeping the tenant's records (a state's include its GPs'). */
  scope(tenantId: string): RawBuilder<unknown>;
  field(name: string): RawBuilder<unknown>;
  fieldNames: string[];
  fieldType(name: string): 'text' | 'number' | 'boolean';
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Columns `a.col` of the source's aliases, renamed to `<prefix>_a.col` (the text is the engine's, never a request's). */
function rename(text: string, aliases: string[], prefix: string): string {
  return aliases.reduce((t, a) => t.replace(new RegExp(`\\b${a}\\.`, 'g'), `${prefix}_${a}.`), text);
}

/**
 * The source under `prefix`. With `fields` (the fields the query reads), a joined table is left out
 * unless one of them lives there; without, every table is joined.
 */
export function place(source: DataSource, prefix: string, fields?: string[]): PlacedSource {
  const aliases = source.tables.map((t) => t.as);
  const [base, ...rest] = source.tables;
  // The tenant's table is always needed (a child table's tenant is its parent's).
  const columns = [...(fields?.map((f) => source.fields[f]?.column ?? '') ?? []), source.tenant ?? ''];
  const needed = (alias: string) => !fields || columns.some((c) => new RegExp(`\\b${alias}\\.`).test(c));
  const baseTable = `${ident(base!.table)} AS ${prefix}_${base!.as}`;
  const joins = rest
    .filter((j) => needed(j.as))
    .map((j) => ` LEFT JOIN ${ident(j.table)} AS ${prefix}_${j.as} ON ${rename(j.on![0], aliases, prefix)} = ${rename(j.on![1], aliases, prefix)}`)
    .join('');
  const tenant = source.tenant === undefined ? undefined : sql.raw(rename(source.tenant, aliases, prefix));
  return {
    from: sql.raw(baseTable + joins),
    // Several tables join as one parenthesised join, so `on` may name any of them.
    joinedOn: (on, otherTenant) => sql`JOIN ${sql.raw(joins ? `(${baseTable}${joins})` : baseTable)} ON ${on}${otherTenant && tenant ? sql` AND ${tenant} = ${otherTenant}` : sql``}`,
    tenant,
    scope: (tenantId) => (tenant ? withinTenant(tenant, tenantId) : sql`TRUE`),
    field: (name) => {
      const text = source.fields[name]!.column;
      if (fields && !fields.includes(name)) throw new SevaError('internal', 'AGGREGATE_FIELD_NOT_PLACED', `field '${name}' was read but not declared when its source was placed`);
      return sql.raw(rename(text, aliases, prefix));
    },
    fieldNames: Object.keys(source.fields),
    fieldType: (name) => source.fields[name]!.type,
  };
}

const typeOf = (c: MappedColumn): 'text' | 'number' | 'boolean' => (c.type === 'boolean' ? 'boolean' : c.type === 'text' ? 'text' : 'number');

/** The fields of a root table's columns (JSON columns are not fields), read through alias `t`. */
function rootFields(persister: CompiledPersister): DataSource['fields'] {
  const fields: DataSource['fields'] = {};
  for (const c of persister.root.columns) if (c.type !== 'json') fields[c.path.join('.')] = { column: `t.${ident(c.column)}`, type: typeOf(c) };
  return fields;
}

/**
 * A service's records as a source: the columns of its root table, by entity field path, and
 * `figures`: more fields worked out per record, as SQL over alias `t` (its billing figures).
 */
export function serviceSource(persister: CompiledPersister, figures: DataSource['fields'] = {}): DataSource {
  return { tables: [{ table: persister.root.table, as: 't' }], tenant: `t.${ident(persister.tenantColumn.column)}`, fields: { ...rootFields(persister), ...figures } };
}

/**
 * Each array a service keeps in a child table as a source, named `<service>.<array path>`: one
 * record per item, with its parent's fields and its own (an item's field wins a clash of names).
 */
export function childSources(service: string, persister: CompiledPersister): [string, DataSource][] {
  return persister.children
    .filter((child) => !child.searchOnly)
    .map((child) => {
      const fields = rootFields(persister);
      for (const c of child.columns) if (c.type !== 'json') fields[c.path.join('.')] = { column: `c.${ident(c.column)}`, type: typeOf(c) };
      const source: DataSource = {
        tables: [
          { table: child.table, as: 'c' },
          { table: persister.root.table, as: 't', on: [`t.${ident(persister.root.primaryKey.column)}`, `c.${ident(child.parentColumn)}`] },
        ],
        tenant: `t.${ident(persister.tenantColumn.column)}`,
        fields,
      };
      return [`${service}.${child.arrayPath.join('.')}`, source];
    });
}
