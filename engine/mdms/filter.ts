import { invalid } from '../errors/index.ts';

/**
 * DIGIT's MDMS filters are Jayway JSONPath fragments applied to a master's records:
 * `[?(@.active==true)]`, `$.[?(@.code=='X' && @.type in ['A','B'])]`, `[*].code`, `$.*.name`.
 * This reads that subset: a predicate and/or a projection of one field.
 */
export interface MasterFilter {
  predicate?: Expr;
  projection?: string[];
}

type Value = string | number | boolean | null | Value[];
type Expr =
  | { kind: 'or' | 'and'; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'cmp'; op: string; left: Operand; right?: Operand };
type Operand = { kind: 'path'; path: string[] } | { kind: 'literal'; value: Value };

export function parseMasterFilter(text: string): MasterFilter {
  let rest = text.trim().replace(/^\$/, '').replace(/^\./, '');
  const filter: MasterFilter = {};
  if (rest.startsWith('[?(')) {
    const end = rest.lastIndexOf(')]');
    if (end < 0) throw bad(text, "a predicate must end with ')]'");
    filter.predicate = new ExprParser(rest.slice(3, end), text).parse();
    rest = rest.slice(end + 2);
  }
  rest = rest.replace(/^\.?(\*|\[\*\])/, '');
  if (rest.length > 0) {
    if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(rest)) throw bad(text, `cannot read '${rest}'`);
    filter.projection = rest.slice(1).split('.');
  }
  return filter;
}

export function applyMasterFilter(records: Record<string, unknown>[], filter: MasterFilter): unknown[] {
  const kept = filter.predicate ? records.filter((r) => truthy(evaluate(filter.predicate!, r))) : records;
  return filter.projection ? kept.map((r) => get(r, filter.projection!)).filter((v) => v !== undefined) : kept;
}

function bad(text: string, why: string) {
  return invalid('INVALID_MDMS_FILTER', `the MDMS filter "${text}" is not understood: ${why}`);
}

/** A record's field by path: own fields only (`@.constructor` names no field of a record). */
function get(record: unknown, path: string[]): unknown {
  let v: unknown = record;
  for (const seg of path) v = v && typeof v === 'object' && Object.hasOwn(v, seg) ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

/** Parentheses, negations and lists nest at most this deep in a filter (DIGIT's filters nest two or three). */
const MAX_FILTER_NESTING = 32;

function truthy(v: unknown): boolean {
  return v !== false && v !== null && v !== undefined;
}

function evaluate(expr: Expr, record: unknown): unknown {
  switch (expr.kind) {
    case 'or':
      return truthy(evaluate(expr.left, record)) || truthy(evaluate(expr.right, record));
    case 'and':
      return truthy(evaluate(expr.left, record)) && truthy(evaluate(expr.right, record));
    case 'not':
      return !truthy(evaluate(expr.operand, record));
    case 'cmp': {
      const left = operand(expr.left, record);
      if (!expr.right) return truthy(left);
      const right = operand(expr.right, record);
      switch (expr.op) {
        case '==':
          return loosely(left, right);
        case '!=':
          return !loosely(left, right);
        case 'in':
          return Array.isArray(right) && right.some((r) => loosely(left, r));
        case 'nin':
          return Array.isArray(right) && !right.some((r) => loosely(left, r));
        case '<':
          return (left as number) < (right as number);
        case '<=':
          return (left as number) <= (right as number);
        case '>':
          return (left as number) > (right as number);
        case '>=':
          return (left as number) >= (right as number);
      }
      return false;
    }
  }
}

/** Master data written as YAML may hold `"1"` where a filter says `1`; DIGIT compares them as equal. */
function loosely(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  return typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b);
}

function operand(o: Operand, record: unknown): unknown {
  return o.kind === 'path' ? get(record, o.path) : o.value;
}

class ExprParser {
  private tokens: string[];
  private i = 0;
  private depth = 0;
  constructor(
    source: string,
    private readonly text: string,
  ) {
    this.tokens = source.match(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|&&|\|\||==|!=|<=|>=|[<>()[\],!]|@(?:\.[A-Za-z_][A-Za-z0-9_]*)+|-?\d+(?:\.\d+)?|[A-Za-z_]+/g) ?? [];
  }
  parse(): Expr {
    const e = this.or();
    if (this.i < this.tokens.length) throw bad(this.text, `unexpected '${this.tokens[this.i]}'`);
    return e;
  }
  private peek() {
    return this.tokens[this.i];
  }
  private next(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw bad(this.text, 'it ends too early');
    return t;
  }
  private or(): Expr {
    let left = this.and();
    while (this.peek() === '||') {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.unary();
    while (this.peek() === '&&') {
      this.i++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  /** Runs `parse` one level deeper, refusing a filter nested beyond reason. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FILTER_NESTING) throw bad(this.text, `it nests deeper than ${MAX_FILTER_NESTING} levels`);
    const result = parse();
    this.depth--;
    return result;
  }
  private unary(): Expr {
    if (this.peek() === '!') {
      this.i++;
      return { kind: 'not', operand: this.nested(() => this.unary()) };
    }
    if (this.peek() === '(') {
      this.i++;
      const e = this.nested(() => this.or());
      if (this.next() !== ')') throw bad(this.text, "missing ')'");
      return e;
    }
    const left = this.operand();
    const op = this.peek()?.toLowerCase();
    if (op && ['==', '!=', '<', '<=', '>', '>=', 'in', 'nin'].includes(op)) {
      this.i++;
      return { kind: 'cmp', op, left, right: this.operand() };
    }
    return { kind: 'cmp', op: 'truthy', left };
  }
  private operand(): Operand {
    const t = this.next();
    if (t.startsWith('@.')) return { kind: 'path', path: t.slice(2).split('.') };
    return { kind: 'literal', value: this.literal(t) };
  }
  private literal(t: string): Value {
    if (t === '[') {
      const items: Value[] = [];
      while (this.peek() !== ']') {
        items.push(this.nested(() => this.literal(this.next())));
        if (this.peek() === ',') this.i++;
        else if (this.peek() !== ']') throw bad(this.text, "a list needs ',' between items and ']' at its end");
      }
      this.i++;
      return items;
    }
    if (/^['"]/.test(t)) return t.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^-?\d/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    throw bad(this.text, `unexpected '${t}'`);
  }
}
