import fc from 'fast-check';
import { Late, RawJson, withOwnKey, writeJson, type FuzzRequest, type TokenChoice } from './request.ts';

type Path = (string | number)[];

const deepArray = (depth: number) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = (depth: number) => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Values of the wrong kind, too big, too deep, or shaped to trip a parser. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', 'x', 0, -1, 1.5, true, false, {}, [], [null], [[]], { a: null }, 'null', 'undefined', 'true'),
  fc.constantFrom(
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('1e-400'),
    new RawJson('-0'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('-123456789012345678901234567890.123456789'),
    new RawJson(String(2n ** 64n)),
    new RawJson(String(2n ** 63n)),
    2 ** 53 + 2,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    1e10,
    8.64e15 + 1,
    -(2 ** 53) + 1,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    0.1,
    1e21,
  ),
  fc.constantFrom('1e400', '-1e400', '99999999999999999999999', '18446744073709551616', '-1', 'NaN', 'Infinity', '0x10', '1,2', ' 12 ', '1.005', '१२३'),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\uffff', 'नमस्ते', '👩‍👩‍👧', '\u202e', '%s%n', "'; drop table x; --", '../../etc/passwd', '{{7*7}}', '${x}', '\\'),
  fc.constantFrom('[?(@.code', '[?(@.__proto__)]', `[?(${'('.repeat(3000)}@.code${')'.repeat(3000)})]`, `[?(@.code in ${'['.repeat(3000)}${']'.repeat(3000)})]`, '$.[?(@.constructor.name=="Object")]', '[*].__proto__', '('.repeat(5000), '['.repeat(5000), '{'.repeat(5000)),
  fc.constantFrom('2026-13-45', '31/02/2026', '01/01/2026 - 31/01/2026', '01/01/2026-31/01/2026', '99/99/9999 - 99/99/9999', '01/01/275760 - 31/01/275760', '2026-04-01T00:00:00Z'),
  fc.constantFrom(33, 100, 2_000).map(deepArray),
  fc.constantFrom(33, 2_000, 100_000).map(deepObject),
  fc.constantFrom(3_000, 70_000, 400_000).map((n) => 'x'.repeat(n)),
  // Text that does not compress: too long for an index entry unless something bounds it.
  fc.constantFrom(1_000, 3_000, 20_000).map((n) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('')),
  fc.constantFrom(
    withOwnKey({}, '__proto__', { polluted: true, isAdmin: true }),
    withOwnKey({ tenantId: 'pb.lodhipur' }, '__proto__', { tenantId: 'pb.bhadson' }),
    { constructor: { prototype: { polluted: true } } },
    { prototype: { polluted: true } },
    withOwnKey({}, '__proto__', null),
  ),
);

const incompressible = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');

/** Text where text is expected, but more than a column or an index holds, or what no text column stores. */
const oddText = fc.constantFrom(Array.from({ length: 70_000 }, (_, i) => i).join(','), incompressible(700), incompressible(3_000), incompressible(20_000), 'x'.repeat(70_000), '\u0000', 'a\ud800', '', ' ', '0', '-1', '1e400', 'NaN', '31/02/2026', 'नमस्ते', "x' or '1'='1");
/** Numbers where numbers are expected, at the edges of what columns, dates and doubles hold. */
const oddNumber = fc.constantFrom<unknown>(2 ** 31, -(2 ** 31) - 1, 2 ** 32, 1e10, 8.64e15 + 1, -9e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1.5, -1, 0, 1e-7, 0.005, new RawJson('1e400'), new RawJson(String(2n ** 64n)), '123', '12.345');

const oddKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'a.b', '$where', 'k'.repeat(2000), '\u0000'];
const oddTenants = ['pb.bhadson', 'pb', 'pb.nowhere', '', 'PB.LODHIPUR', ' pb.lodhipur', 'pb.lodhipur.x', 'pb..x', '*', '%', "pb.lodhipur'", 'pb.lodhipur\u0000'];

/** Every place in a value a mutation may touch: [] is the value itself. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (out.length > 400 || value instanceof RawJson || value instanceof Late) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

function clone(value: unknown): unknown {
  if (value instanceof RawJson || value instanceof Late) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (value && typeof value === 'object') {
    let copy: Record<string, unknown> = {};
    for (const k of Object.keys(value)) copy = withOwnKey(copy, k, clone((value as Record<string, unknown>)[k]));
    return copy;
  }
  return value;
}

/** The value with the node at `path` replaced by what `change` makes of it (undefined deletes it). */
function edit(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = edit(copy[head as number], rest, change);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const obj = value as Record<string, unknown>;
  const next = edit(obj[head as string], rest, change);
  let copy: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (k !== head) copy = withOwnKey(copy, k, obj[k]);
  return next === undefined && rest.length === 0 ? copy : withOwnKey(copy, head as string, next);
}

function setTenants(value: unknown, tenant: string): unknown {
  if (Array.isArray(value)) return value.map((v) => setTenants(v, tenant));
  if (value && typeof value === 'object' && !(value instanceof RawJson) && !(value instanceof Late)) {
    let copy: Record<string, unknown> = {};
    for (const k of Object.keys(value)) copy = withOwnKey(copy, k, k === 'tenantId' ? tenant : setTenants((value as Record<string, unknown>)[k], tenant));
    return copy;
  }
  return value;
}

type Mutation = (r: FuzzRequest) => FuzzRequest;

const at = (pick: number, r: FuzzRequest) => {
  const paths = pathsOf(r.body);
  return paths[pick % paths.length]!;
};
const name = (p: Path) => `$${p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

/** A leaf of the body replaced by an extreme of its own kind (text by text, a number by a number). */
const leafMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), oddText, oddNumber).map(([pick, text, number]): Mutation => (r) => {
  const leaves = pathsOf(r.body).filter((p) => {
    const v = p.reduce<unknown>((x, s) => (x as any)?.[s], r.body);
    return typeof v === 'string' || typeof v === 'number';
  });
  if (leaves.length === 0) return r;
  const p = leaves[pick % leaves.length]!;
  return { ...r, body: edit(r.body, p, (v) => (typeof v === 'string' ? text : number)), notes: [...r.notes, `extreme of its kind at ${name(p)}`] };
});

/** Changes at one place in the body. */
const nodeMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((pick): Mutation => (r) => {
    const p = at(pick, r);
    return p.length === 0 ? r : { ...r, body: edit(r.body, p, () => undefined), notes: [...r.notes, `deleted ${name(p)}`] };
  }),
  fc.nat().map((pick): Mutation => (r) => {
    const p = at(pick, r);
    return { ...r, body: edit(r.body, p, () => null), notes: [...r.notes, `null at ${name(p)}`] };
  }),
  fc.tuple(fc.nat(), oddValue).map(([pick, v]): Mutation => (r) => {
    const p = at(pick, r);
    return { ...r, body: edit(r.body, p, () => v), notes: [...r.notes, `odd value at ${name(p)}`] };
  }),
  fc.nat().map((pick): Mutation => (r) => {
    const p = at(pick, r);
    return { ...r, body: edit(r.body, p, (n) => [n]), notes: [...r.notes, `wrapped ${name(p)} in a list`] };
  }),
  fc.nat().map((pick): Mutation => (r) => {
    const p = at(pick, r);
    const unwrap = (n: unknown) => (Array.isArray(n) ? (n[0] ?? {}) : n && typeof n === 'object' && !(n instanceof RawJson) && !(n instanceof Late) ? Object.values(n) : { value: n });
    return { ...r, body: edit(r.body, p, unwrap), notes: [...r.notes, `list/object swapped at ${name(p)}`] };
  }),
  fc.tuple(fc.nat(), fc.constantFrom(null, undefined, 0, '', [], 'x'), fc.nat({ max: 3 })).map(([pick, element, where]): Mutation => (r) => {
    const paths = pathsOf(r.body).filter((p) => Array.isArray(p.reduce<unknown>((v, s) => (v as any)?.[s], r.body)));
    const p = paths.length ? paths[pick % paths.length]! : at(pick, r);
    const add = (n: unknown) => {
      const list = Array.isArray(n) ? [...n] : [n];
      list.splice(Math.min(where, list.length), 0, element === undefined ? null : element);
      return list;
    };
    return { ...r, body: edit(r.body, p, add), notes: [...r.notes, `element ${JSON.stringify(element ?? null)} in list at ${name(p)}`] };
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...oddKeys), oddValue).map(([pick, key, v]): Mutation => (r) => {
    const paths = pathsOf(r.body).filter((p) => {
      const n = p.reduce<unknown>((x, s) => (x as any)?.[s], r.body);
      return n && typeof n === 'object' && !Array.isArray(n) && !(n instanceof RawJson) && !(n instanceof Late);
    });
    if (paths.length === 0) return r;
    const p = paths[pick % paths.length]!;
    return { ...r, body: edit(r.body, p, (n) => withOwnKey(n as Record<string, unknown>, key, v)), notes: [...r.notes, `key ${JSON.stringify(key.slice(0, 20))} at ${name(p)}`] };
  }),
  fc.tuple(fc.nat(), fc.constantFrom(50, 500, 3000)).map(([pick, wanted]): Mutation => (r) => {
    const p = at(pick, r);
    // No more copies than make a body somewhat over the server's 1 MB limit.
    const copy = (n: unknown) => Array.from({ length: Math.max(1, Math.min(wanted, Math.floor(1_500_000 / writeJson(n).length))) }, () => n);
    return { ...r, body: edit(r.body, p, copy), notes: [...r.notes, `up to ${wanted} copies at ${name(p)}`] };
  }),
  fc.constantFrom(...oddTenants).map((t): Mutation => (r) => ({ ...r, body: setTenants(r.body, t), query: r.query.map(([k, v]) => [k, k === 'tenantId' ? t : v]), notes: [...r.notes, `tenant ${JSON.stringify(t)}`] })),
);

const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);

/** The whole body replaced by text that is not the JSON object a route reads. */
const bodyMutation: fc.Arbitrary<Mutation> = fc
  .constantFrom<string | Uint8Array>(
    '',
    ' ',
    'null',
    'true',
    '1',
    '1e400',
    '"x"',
    '[]',
    '[null]',
    '[{}]',
    'not json',
    '{',
    '{"a":}',
    '{"RequestInfo":',
    "{'a': 1}",
    '{"a":1,}',
    '\ufeff{}',
    '{}garbage',
    '\u0000',
    '<?xml version="1.0"?><a/>',
    'a=b&c=d',
    '{"tenantId":"pb.lodhipur","tenantId":{"x":1}}',
    '{"__proto__":{"tenantId":"pb.bhadson"}}',
    `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    '['.repeat(300_000),
    `{"a":"${'\\u0000'.repeat(10)}"}`,
    `{"a":"\\ud800"}`,
    `{"a":${'9'.repeat(5000)}}`,
    invalidUtf8,
  )
  .map((text): Mutation => (r) => ({ ...r, rawBody: text, notes: [...r.notes, `body replaced (${typeof text === 'string' ? JSON.stringify(text.slice(0, 30)) : 'bytes'})`] }));

/** Content types a client may send by mistake. */
const contentTypeMutation: fc.Arbitrary<Mutation> = fc
  .constantFrom<string | null>(null, 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'multipart/form-data', 'application/json; charset=latin1', 'application/json; charset=utf-16', '*/*', 'garbage', 'application/json, text/plain')
  .map((type): Mutation => (r) => ({ ...r, contentType: type, notes: [...r.notes, `content-type ${type}`] }));

const queryKeys = ['tenantId', 'limit', 'offset', 'fromDate', 'toDate', 'sortBy', 'sortOrder', 'consumerCode', 'businessService', 'ids', 'status', 'pageSize', 'pageNumber', 'count', '__proto__', 'constructor', 'prototype', 'access_token', 'paymentStartDate', 'monthStartDate', 'name'];
const queryValues = ['', '-1', '0', '1e400', '99999999999999999999999', '18446744073709551616', '9007199254740993', 'NaN', 'abc', '%25', '1,2,,3', 'x'.repeat(5000), '%00', '%E0%A4%A', 'pb.bhadson', '31/02/2026', '01/01/275760', '-99999999999999999', 'true', '[object Object]'];

/** A query parameter added, repeated or emptied. */
const queryMutation: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(...queryKeys), fc.constantFrom(...queryValues), fc.boolean())
  .map(([key, value, replace]): Mutation => (r) => ({
    ...r,
    query: [...(replace ? r.query.filter(([k]) => k !== key) : r.query), [key, value]],
    notes: [...r.notes, `query ${key}=${value.slice(0, 20)}`],
  }));

const tokenMutation: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom<TokenChoice>('admin', 'staff', 'otherGpStaff', 'none', 'garbage'), fc.constantFrom<FuzzRequest['tokenPlace']>('header', 'body', 'query'))
  .map(([token, place]): Mutation => (r) => ({ ...r, token, tokenPlace: place, notes: [...r.notes, `token ${token} in ${place}`] }));

const methodMutation: fc.Arbitrary<Mutation> = fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS').map((method): Mutation => (r) => ({ ...r, method, notes: [...r.notes, `method ${method}`] }));

/** Zero to three changes to a seed request, mostly inside its body. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: nodeMutation },
    { weight: 5, arbitrary: leafMutation },
    { weight: 2, arbitrary: bodyMutation },
    { weight: 1, arbitrary: contentTypeMutation },
    { weight: 2, arbitrary: queryMutation },
    { weight: 2, arbitrary: tokenMutation },
    { weight: 1, arbitrary: methodMutation },
  ),
  { minLength: 0, maxLength: 3 },
);

export const applyMutations = (seed: FuzzRequest, list: Mutation[]): FuzzRequest => list.reduce((r, m) => m(r), { ...seed, body: clone(seed.body) });
