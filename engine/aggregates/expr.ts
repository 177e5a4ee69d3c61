import { sql, type RawBuilder } from 'kysely';
import { SevaError } from '../errors/index.ts';

/** What names in a condition or expression stand for in SQL. */
export interface ExprScope {
  /** `{"var": name}`: a field of the source (or a measure, in a row's `having`). */
  field(name: string): RawBuilder<unknown>;
  /** `{"row": name}`: a field of the current row. */
  row?(name: string): RawBuilder<unknown>;
  /** `{"param": name}`: a request parameter, bound. */
  param(name: string): unknown;
}

type Sql = RawBuilder<unknown>;

const literal = (v: unknown): Sql => (v === null ? sql`NULL` : typeof v === 'boolean' ? (v ? sql`TRUE` : sql`FALSE`) : sql`${v}`);
const bound = (v: unknown): Sql => (v === null || v === undefined ? sql`NULL` : Array.isArray(v) ? sql`(${sql.join(v.map((x) => sql`${x}`))})` : sql`${v}`);

/**
 * A json-logic condition or expression as parameterised SQL: every value is bound, every name is
 * resolved by the scope (definitions were checked, so an unknown name here is the engine's bug).
 */
export function toSql(expr: unknown, scope: ExprScope): Sql {
  if (expr === null || typeof expr !== 'object') return literal(expr);
  if (Array.isArray(expr)) return sql`(${sql.join(expr.map((e) => toSql(e, scope)))})`;
  const [op, raw] = Object.entries(expr)[0]!;
  const args = Array.isArray(raw) ? raw : [raw];
  const all = () => args.map((a) => toSql(a, scope));
  switch (op) {
    case 'var':
      return scope.field(String(raw));
    case 'row':
      if (!scope.row) throw new SevaError('internal', 'AGGREGATE_NO_ROW', `{"row": ${JSON.stringify(raw)}} is read where there is no row`);
      return scope.row(String(raw));
    case 'param':
      return bound(scope.param(String(raw)));
    case 'and':
    case 'or':
      return args.length === 0 ? (op === 'and' ? sql`TRUE` : sql`FALSE`) : sql`(${sql.join(all(), sql.raw(` ${op.toUpperCase()} `))})`;
    case '!':
      return sql`(NOT ${toSql(args[0], scope)})`;
    case '==':
    case '!=': {
      const [a, b] = args;
      if (a === null || b === null) return sql`(${toSql(a === null ? b : a, scope)} IS ${sql.raw(op === '==' ? '' : 'NOT ')}NULL)`;
      return sql`(${toSql(a, scope)} ${sql.raw(op === '==' ? '=' : '<>')} ${toSql(b, scope)})`;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const parts = all();
      // json-logic's between: {"<=": [a, x, b]} is a <= x <= b.
      if (parts.length === 3) return sql`(${parts[0]} ${sql.raw(op)} ${parts[1]} AND ${parts[1]} ${sql.raw(op)} ${parts[2]})`;
      return sql`(${parts[0]} ${sql.raw(op)} ${parts[1]})`;
    }
    case 'in': {
      const [needle, list] = args;
      const values = Array.isArray(list) ? list.map((v) => toSql(v, scope)) : undefined;
      if (values) return values.length === 0 ? sql`FALSE` : sql`(${toSql(needle, scope)} IN (${sql.join(values)}))`;
      const resolved = list && typeof list === 'object' && 'param' in list ? scope.param(String((list as { param: unknown }).param)) : undefined;
      if (Array.isArray(resolved)) return resolved.length === 0 ? sql`FALSE` : sql`(${toSql(needle, scope)} IN (${sql.join(resolved.map((v) => sql`${v}`))}))`;
      return sql`(${toSql(needle, scope)} = ${toSql(list, scope)})`;
    }
    case '+':
    case '*':
      return sql`(${sql.join(all(), sql.raw(` ${op} `))})`;
    case '-':
      return args.length === 1 ? sql`(- ${toSql(args[0], scope)})` : sql`(${toSql(args[0], scope)} - ${toSql(args[1], scope)})`;
    case 'if': {
      const parts = all();
      let out: Sql = parts.length % 2 === 1 ? parts[parts.length - 1]! : sql`NULL`;
      for (let i = parts.length - (parts.length % 2 === 1 ? 3 : 2); i >= 0; i -= 2) out = sql`(CASE WHEN ${parts[i]} THEN ${parts[i + 1]} ELSE ${out} END)`;
      return out;
    }
    default:
      throw new SevaError('internal', 'AGGREGATE_UNKNOWN_OPERATION', `operation '${op}' cannot be compiled to SQL`);
  }
}
