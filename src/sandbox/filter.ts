// The $filter subset the sandbox understands: eq, ne, gt, ge, lt, le, and, or, not, parentheses, `prop in (...)`,
// startswith/endswith/contains(prop,'x') and `coll/any(x:x eq 'v')`. Anything else is a 400, as Graph answers
// an unsupported query rather than ignoring it.
import { GraphError } from './graphError';

export type FilterNode =
  | { t: 'and' | 'or'; l: FilterNode; r: FilterNode }
  | { t: 'not'; e: FilterNode }
  | { t: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; prop: string; value: unknown }
  | { t: 'in'; prop: string; values: unknown[] }
  | { t: 'fn'; fn: 'startswith' | 'endswith' | 'contains'; prop: string; value: string }
  | { t: 'any'; prop: string; op: 'eq' | 'ne'; value: unknown };

type Tok = { k: 'id' | 'str' | 'num' | 'p' | 'dt'; v: string };

/** A DateTimeOffset literal, written unquoted (`activityDateTime ge 2026-11-01T00:00:00Z`), as OData has it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ('(),:'.includes(c)) {
      out.push({ k: 'p', v: c });
      i++;
      continue;
    }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw invalid(`unterminated string literal`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: 'str', v: s });
      continue;
    }
    const dt = DATE_TIME.exec(src.slice(i));
    if (dt) {
      if (!Number.isFinite(Date.parse(dt[0]))) throw invalid(`invalid date-time '${dt[0]}'`);
      out.push({ k: 'dt', v: dt[0] });
      i += dt[0].length;
      continue;
    }
    const m = /^[A-Za-z0-9_$@./+-]+/.exec(src.slice(i));
    if (!m) throw invalid(`unexpected character '${c}'`);
    out.push({ k: /^-?\d+(\.\d+)?$/.test(m[0]) ? 'num' : 'id', v: m[0] });
    i += m[0].length;
  }
  return out;
}

const invalid = (why: string) => new GraphError(400, 'BadRequest', `Invalid filter clause: ${why}.`);

/** GUESS: the service's OData parser stops deep nesting with a 400 (its default recursion limit is in the hundreds). */
const MAX_NESTING = 100;

export function parseFilter(src: string): FilterNode {
  let depth = 0,
    deepest = 0;
  for (const c of src) {
    if (c === '(') deepest = Math.max(deepest, ++depth);
    else if (c === ')') depth--;
  }
  if (deepest > MAX_NESTING) throw invalid('The recursion limit has been exceeded');
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isKw = (w: string) => peek()?.k === 'id' && peek().v.toLowerCase() === w;
  const expect = (v: string) => {
    if (peek()?.v !== v) throw invalid(`expected '${v}'`);
    p++;
  };
  const literal = (): unknown => {
    const t = toks[p++];
    if (!t) throw invalid('expected a value');
    if (t.k === 'str') return t.v;
    if (t.k === 'num') return Number(t.v);
    if (t.k === 'dt') return new Date(t.v);
    if (t.k === 'id') {
      const w = t.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
      if (/^[0-9a-f-]{36}$/i.test(t.v)) return t.v; // unquoted GUID literal
    }
    throw invalid(`unexpected '${t.v}'`);
  };
  const or = (): FilterNode => {
    let l = and();
    while (isKw('or')) {
      p++;
      l = { t: 'or', l, r: and() };
    }
    return l;
  };
  const and = (): FilterNode => {
    let l = unary();
    while (isKw('and')) {
      p++;
      l = { t: 'and', l, r: unary() };
    }
    return l;
  };
  const unary = (): FilterNode => {
    if (isKw('not')) {
      p++;
      return { t: 'not', e: unary() };
    }
    if (peek()?.v === '(') {
      p++;
      const e = or();
      expect(')');
      return e;
    }
    const t = toks[p++];
    if (!t || t.k !== 'id') throw invalid('expected a property');
    const fn = t.v.toLowerCase();
    if ((fn === 'startswith' || fn === 'endswith' || fn === 'contains') && peek()?.v === '(') {
      p++;
      const prop = toks[p++];
      expect(',');
      const value = literal();
      expect(')');
      if (!prop || prop.k !== 'id' || typeof value !== 'string') throw invalid(`bad ${fn} arguments`);
      return { t: 'fn', fn, prop: prop.v, value };
    }
    const any = /^(.+)\/any$/i.exec(t.v);
    if (any && peek()?.v === '(') {
      p++;
      const v = toks[p++];
      expect(':');
      const v2 = toks[p++];
      const op = toks[p++]?.v.toLowerCase();
      if (!v || !v2 || v2.v !== v.v || (op !== 'eq' && op !== 'ne')) throw invalid('bad any() lambda');
      const value = literal();
      expect(')');
      return { t: 'any', prop: any[1], op, value };
    }
    if (isKw('in')) {
      p++;
      expect('(');
      const values: unknown[] = [];
      if (peek()?.v !== ')') {
        values.push(literal());
        while (peek()?.v === ',') {
          p++;
          values.push(literal());
        }
      }
      expect(')');
      return { t: 'in', prop: t.v, values };
    }
    const op = toks[p++]?.v.toLowerCase();
    if (!op || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) throw invalid(`unsupported operator after '${t.v}'`);
    return { t: 'cmp', op: op as 'eq', prop: t.v, value: literal() };
  };
  const node = or();
  if (p !== toks.length) throw invalid(`unexpected '${toks[p].v}'`);
  return node;
}

/** Reads a property path (createdBy/user/id) from an output object, case-insensitively on each segment. */
export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const rec = cur as Record<string, unknown>;
    const key = seg in rec ? seg : Object.keys(rec).find((k) => k.toLowerCase() === seg.toLowerCase());
    cur = key === undefined ? undefined : rec[key];
  }
  return cur;
}

const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
function compare(a: unknown, op: string, b: unknown): boolean {
  // A date-time literal compares as an instant with a property holding an ISO string.
  if (b instanceof Date) return compare(typeof a === 'string' ? Date.parse(a) : null, op, b.getTime());
  const x = norm(a ?? null),
    y = norm(b);
  switch (op) {
    case 'eq':
      return x === y;
    case 'ne':
      return x !== y;
    case 'gt':
      return x !== null && y !== null && (x as number) > (y as number);
    case 'ge':
      return x !== null && y !== null && (x as number) >= (y as number);
    case 'lt':
      return x !== null && y !== null && (x as number) < (y as number);
    default:
      return x !== null && y !== null && (x as number) <= (y as number);
  }
}

/** String comparison is case-insensitive, as directory queries are. */
export function evalFilter(node: FilterNode, obj: unknown): boolean {
  switch (node.t) {
    case 'and':
      return evalFilter(node.l, obj) && evalFilter(node.r, obj);
    case 'or':
      return evalFilter(node.l, obj) || evalFilter(node.r, obj);
    case 'not':
      return !evalFilter(node.e, obj);
    case 'cmp':
      return compare(readPath(obj, node.prop), node.op, node.value);
    case 'in': {
      const v = norm(readPath(obj, node.prop));
      return node.values.some((x) => norm(x) === v);
    }
    case 'fn': {
      const v = readPath(obj, node.prop);
      if (typeof v !== 'string') return false;
      const a = v.toLowerCase(),
        b = node.value.toLowerCase();
      return node.fn === 'startswith' ? a.startsWith(b) : node.fn === 'endswith' ? a.endsWith(b) : a.includes(b);
    }
    case 'any': {
      const v = readPath(obj, node.prop);
      if (!Array.isArray(v)) return false;
      return node.op === 'eq'
        ? v.some((x) => compare(x, 'eq', node.value))
        : v.some((x) => compare(x, 'ne', node.value));
    }
  }
}

/** Values that a top-level conjunction pins `prop` to with eq (used for the PIM "filter on groupId/principalId" rule). */
export function eqValues(node: FilterNode | undefined, prop: string): string[] {
  if (!node) return [];
  if (node.t === 'and') return [...eqValues(node.l, prop), ...eqValues(node.r, prop)];
  if (node.t === 'cmp' && node.op === 'eq' && node.prop.toLowerCase() === prop.toLowerCase())
    return [String(node.value)];
  if (node.t === 'in' && node.prop.toLowerCase() === prop.toLowerCase()) return node.values.map(String);
  return [];
}

/** True when the filter uses an operator Graph treats as an advanced directory query (needs ConsistencyLevel). */
export function isAdvancedDirectoryQuery(node: FilterNode): boolean {
  switch (node.t) {
    case 'and':
    case 'or':
      return isAdvancedDirectoryQuery(node.l) || isAdvancedDirectoryQuery(node.r);
    case 'not':
      return true;
    case 'cmp':
      return node.op === 'ne';
    case 'fn':
      return node.fn !== 'startswith';
    case 'any':
      return node.op === 'ne';
    default:
      return false;
  }
}
