// OData query options as Graph applies them: $filter, $select, $expand, $top (+ $skiptoken paging), $count, $orderby.
import { GraphError, badRequest } from './graphError';
import { FilterNode, evalFilter, parseFilter, readPath } from './filter';
import type { SbCtx, SbResult } from './context';
import { withHidden, withoutHidden } from './hiddenProps';

export interface ExpandItem {
  name: string;
  select?: string[];
  expand?: ExpandItem[];
}

export interface ODataQuery {
  raw: URLSearchParams;
  filter?: FilterNode;
  filterText?: string;
  select?: string[];
  expand?: ExpandItem[];
  top?: number;
  skip: number;
  count: boolean;
  orderby?: { prop: string; desc: boolean };
  search?: string;
}

/** Splits on `sep` at parenthesis depth 0. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0,
    cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

export function parseExpand(s: string): ExpandItem[] {
  return splitTop(s, ',').map((part) => {
    const m = /^([^()]+)(?:\((.*)\))?$/.exec(part);
    if (!m) throw badRequest(`Invalid $expand '${part}'.`);
    const item: ExpandItem = { name: m[1].trim() };
    for (const opt of m[2] ? splitTop(m[2], ';') : []) {
      const eq = opt.indexOf('=');
      const k = opt.slice(0, eq).trim().toLowerCase(),
        v = opt.slice(eq + 1);
      if (k === '$select') item.select = v.split(',').map((x) => x.trim());
      else if (k === '$expand') item.expand = parseExpand(v);
      else throw badRequest(`Query option '${k}' is not supported inside $expand.`);
    }
    return item;
  });
}

const KNOWN = new Set([
  '$filter',
  '$select',
  '$expand',
  '$top',
  '$skiptoken',
  '$skip',
  '$count',
  '$orderby',
  '$search',
  '$format',
  'api-version',
]);

export function parseQuery(raw: URLSearchParams): ODataQuery {
  const q: ODataQuery = { raw, skip: 0, count: false };
  for (const [k0, v] of raw) {
    const k = k0.startsWith('$') ? k0.toLowerCase() : `$${k0.toLowerCase()}`; // Graph accepts options without `$`
    if (!KNOWN.has(k)) continue;
    if (k === '$filter') {
      q.filterText = v;
      q.filter = parseFilter(v);
    } else if (k === '$select')
      q.select = v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    else if (k === '$expand') q.expand = parseExpand(v);
    else if (k === '$top') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid value '${v}' for $top.`);
      q.top = n;
    } else if (k === '$skiptoken') q.skip = decodeSkipToken(v);
    else if (k === '$count') q.count = v.toLowerCase() === 'true';
    else if (k === '$orderby') {
      const [prop, dir] = v.trim().split(/\s+/);
      q.orderby = { prop, desc: dir?.toLowerCase() === 'desc' };
    } else if (k === '$search') q.search = v;
  }
  return q;
}

function decodeSkipToken(v: string): number {
  try {
    const o = JSON.parse(Buffer.from(v, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o.o === 'number' && o.o >= 0) return o.o;
  } catch {
    /* fall through */
  }
  throw new GraphError(400, 'BadRequest', 'The $skiptoken is invalid or expired.');
}

/** $select: the named properties only. Graph refuses a property its type does not define; in polymorphic sets
 *  (items carrying @odata.type, e.g. members: users and groups) a property of another derived type is just absent. */
export function applySelect(obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select?.length || select.includes('*')) return obj;
  const out: Record<string, unknown> = {};
  const polymorphic = obj['@odata.type'] !== undefined;
  if (polymorphic) out['@odata.type'] = obj['@odata.type'];
  for (const s of select) {
    const key = Object.keys(obj).find((k) => k.toLowerCase() === s.toLowerCase());
    if (key !== undefined) out[key] = obj[key];
    else if (!polymorphic)
      throw new GraphError(400, 'BadRequest', `Could not find a property named '${s}' on the type of this resource.`);
  }
  return out;
}

export function contextUrl(ctx: SbCtx, fragment: string, select?: string[]): string {
  return `${ctx.baseUrl}/${ctx.version}/$metadata#${fragment}${select?.length ? `(${select.join(',')})` : ''}`;
}

export interface CollectionOptions {
  /** The @odata.context fragment, e.g. 'groups' or 'identityGovernance/privilegedAccess/group/eligibilitySchedules'. */
  entitySet: string;
  pageSize?: number;
  maxTop?: number;
  /** Whether $count=true is allowed (directory objects need ConsistencyLevel: eventual). */
  countNeedsConsistency?: boolean;
  /** Expands applied per item after filtering and paging. */
  expand?: (item: Record<string, unknown>) => Record<string, unknown>;
}

/** Filters, orders, pages and projects an in-memory collection; emits @odata.context/count/nextLink as Graph does. */
export function collection(ctx: SbCtx, items: Record<string, unknown>[], opts: CollectionOptions): SbResult {
  const q = ctx.query;
  let rows = q.filter ? items.filter((i) => evalFilter(q.filter as FilterNode, withHidden(i))) : items;
  if (q.orderby) {
    const { prop, desc } = q.orderby;
    rows = [...rows].sort((a, b) => {
      const x = readPath(a, prop) as string,
        y = readPath(b, prop) as string;
      const c = x === y ? 0 : x === undefined || x === null ? -1 : y === undefined || y === null ? 1 : x < y ? -1 : 1;
      return desc ? -c : c;
    });
  }
  const max = opts.maxTop ?? 999;
  if (q.top !== undefined && (q.top > max || q.top < 1))
    throw badRequest(
      `Invalid page size specified: '${q.top}'. Must be between 1 and ${max} inclusive.`,
      'Request_UnsupportedQuery',
    );
  const size = q.top ?? opts.pageSize ?? 100;
  const page = rows.slice(q.skip, q.skip + size);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, opts.entitySet, q.select) };
  if (q.count) {
    if (opts.countNeedsConsistency && ctx.headers['consistencylevel']?.toLowerCase() !== 'eventual') {
      throw badRequest('$count is not currently supported.', 'Request_BadRequest');
    }
    if (q.skip === 0) body['@odata.count'] = rows.length; // only on the first page, as Graph does
  }
  if (q.skip + size < rows.length) {
    const params = new URLSearchParams();
    for (const [k, v] of q.raw) if (k.toLowerCase() !== '$skiptoken') params.append(k, v);
    params.append('$skiptoken', Buffer.from(JSON.stringify({ o: q.skip + size })).toString('base64url'));
    body['@odata.nextLink'] =
      `${ctx.baseUrl}/${ctx.version}${ctx.path}?${params.toString().replace(/\+/g, '%20').replace(/%24/g, '$')}`;
  }
  body.value = page.map((i) => project(opts.expand ? opts.expand(i) : i, q.select));
  return { status: 200, body };
}

/** A single entity: @odata.context `{entitySet}/$entity`, $select applied. */
export function entity(ctx: SbCtx, entitySet: string, obj: Record<string, unknown>, status = 200): SbResult {
  const sel = ctx.query.select;
  return { status, body: { '@odata.context': `${contextUrl(ctx, entitySet, sel)}/$entity`, ...project(obj, sel) } };
}

/** Output form: the selected properties (hidden ones included), or the default set. */
export function project(obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  return select?.length ? applySelect(withHidden(obj), select) : withoutHidden(obj);
}
