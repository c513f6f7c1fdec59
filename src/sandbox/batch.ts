// JSON batching (reference §5.1): at most 20 requests, unique ids (case-insensitive), headers with Content-Type
// whenever a body is present, dependsOn on known ids; a malformed batch is an outer 400, otherwise 200 with one
// response per request. Requests run in order; a request whose dependency failed gets 424. Each inner request is
// authenticated, throttled and faulted on its own (an inner 429 carries Retry-After).
import { GraphError } from './graphError';
import type { Engine } from './engine';
import type { SbCtx, SbResult } from './context';

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const bad = (m: string) => new GraphError(400, 'BadRequest', m);

function parse(body: unknown): InnerRequest[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw bad('Invalid batch payload format: the body must be { "requests": [...] }.');
  if (requests.length === 0) throw bad('Invalid batch payload format: the batch has no requests.');
  if (requests.length > 20) throw bad('Invalid batch payload format: a batch can contain at most 20 requests.');
  const seen = new Set<string>();
  const out = requests.map((r: Record<string, unknown>) => {
    if (!r || typeof r !== 'object') throw bad('Invalid batch payload format.');
    if (typeof r.id !== 'string' || !r.id) throw bad('Invalid batch payload format: every request needs a string id.');
    if (seen.has(r.id.toLowerCase())) throw bad(`Batch request contains a duplicate id '${r.id}'.`);
    seen.add(r.id.toLowerCase());
    if (typeof r.method !== 'string' || typeof r.url !== 'string')
      throw bad(`Invalid batch payload format: request '${r.id}' needs method and url.`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.headers as Record<string, unknown>) ?? {}))
      headers[k.toLowerCase()] = String(v);
    if (r.body !== undefined && r.body !== null && !headers['content-type'])
      throw bad(`Invalid batch payload format: request '${r.id}' has a body but no Content-Type header.`);
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn)) throw bad(`Invalid batch payload format: dependsOn of '${r.id}' must be an array.`);
    let innerBody = r.body;
    if (typeof innerBody === 'string' && !/json/i.test(headers['content-type'] ?? ''))
      innerBody = Buffer.from(innerBody, 'base64').toString('utf8');
    if (typeof innerBody === 'string') {
      try {
        innerBody = JSON.parse(innerBody);
      } catch {
        /* keep the text */
      }
    }
    return {
      id: r.id,
      method: r.method.toUpperCase(),
      url: r.url,
      headers,
      body: innerBody,
      dependsOn: dependsOn.map(String),
    };
  });
  for (const r of out)
    for (const d of r.dependsOn)
      if (!seen.has(d.toLowerCase()))
        throw bad(`Invalid batch payload format: '${r.id}' depends on unknown request '${d}'.`);
  return out;
}

export function runBatch(engine: Engine, ctx: SbCtx): SbResult {
  if (ctx.method !== 'POST')
    throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  const requests = parse(ctx.body);
  const status = new Map<string, number>();
  const responses = requests.map((r) => {
    const failedDep = r.dependsOn.find((d) => {
      const s = status.get(d.toLowerCase());
      return s === undefined || s >= 400;
    });
    if (failedDep !== undefined) {
      status.set(r.id.toLowerCase(), 424);
      return {
        id: r.id,
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'FailedDependency', message: `The request depends on '${failedDep}', which failed.` } },
      };
    }
    // An inner URL is relative to the version root; an absolute one is served only on this host (GUESS: the service
    // refuses any other host with a 400 for that request).
    const absolute = /^https?:\/\/([^/]+)\/(v1\.0|beta)/i.exec(r.url);
    if (absolute && absolute[1].toLowerCase() !== new URL(ctx.baseUrl).host.toLowerCase()) {
      status.set(r.id.toLowerCase(), 400);
      return {
        id: r.id,
        status: 400,
        headers: { 'Content-Type': 'application/json', 'OData-Version': '4.0' },
        body: {
          error: {
            code: 'BadRequest',
            message: `Invalid request URL '${r.url}': a request in a batch must be relative to the version root.`,
          },
        },
      };
    }
    const target = r.url.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)/i, '').replace(/^\/?/, '/');
    const headers: Record<string, string> = { ...r.headers, authorization: ctx.headers.authorization ?? '' };
    if (ctx.headers['client-request-id'] && !headers['client-request-id'])
      headers['client-request-id'] = ctx.headers['client-request-id'];
    const a = engine.call({ version: ctx.version, method: r.method, target, headers, body: r.body, inBatch: true });
    status.set(r.id.toLowerCase(), a.status);
    return { id: r.id, status: a.status, headers: a.headers, body: a.body === undefined ? null : a.body };
  });
  return { status: 200, body: { responses } };
}
