// Maps (method, path) to a handler. Graph paths are case-insensitive; a known path with the wrong method is a 405
// (the PIM backend's 404 UnknownError on its own paths) and an unknown segment is the service's 400 "Resource not
// found for the segment".
import { GraphError } from './graphError';
import type { SbCtx, SbResult } from './context';
import { isSpecialKey } from './records';

export type Handler = (ctx: SbCtx, params: string[]) => SbResult;
export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const SEG = '([^/]+)';
/** Paths served by the PIM backend (its own error envelopes). */
export const PIM_BACKEND = /^\/(identityGovernance\/privilegedAccess\/|policies\/roleManagementPolic)/i;

/** `/groups/{id}/members` → a case-insensitive regex; `{x}` captures one path segment. */
export function route(method: string, path: string, handler: Handler): Route {
  const body = path
    .split('/')
    .map((s) => (s.startsWith('{') ? SEG : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, pattern: new RegExp(`^${body}/?$`, 'i'), handler };
}

export function dispatch(routes: Route[], ctx: SbCtx): SbResult {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(ctx.path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== ctx.method) continue;
    const params = m.slice(1);
    // `__proto__` or `constructor` is never an id; refused before any handler looks it up.
    const special = params.find(isSpecialKey);
    if (special !== undefined)
      throw new GraphError(400, 'Request_BadRequest', `Invalid object identifier '${special}'.`);
    return r.handler(ctx, params);
  }
  if (pathMatched && PIM_BACKEND.test(ctx.path)) {
    // LIVE: the PIM backend answers an unsupported method with 404 UnknownError and a JSON-string message, not 405.
    const uri = `${ctx.baseUrl}/${ctx.version}${ctx.path}`;
    throw new GraphError(
      404,
      'UnknownError',
      JSON.stringify({ message: `No HTTP resource was found that matches the request URI '${uri}'.` }),
    );
  }
  if (pathMatched)
    throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  const segment = ctx.path.split('/').filter(Boolean).pop() ?? '';
  throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}
