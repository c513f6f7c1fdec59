// Resolves principal references and group names to directory objects in bulk: `in (...)` filters of 15 values and
// getByIds (1,000 ids a request, any number of requests), all inside $batch. Nothing here is one request per name.
import { parsePrincipal, principalKey } from '../definitions/principalReference';
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import { inClauses } from '../graph/odata';
import { getByIds } from '../graph/api/directoryObjects';
import type { GraphTransport } from '../graph/transport';
import type { GraphDirectoryObject, GraphGroup } from '../graph/types';
import type { ActualPrincipal, PrincipalLookup } from './actualState';
import { principalOf } from './convert';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (v: string) => GUID.test(v);

export interface DirectoryLookups {
  /** Groups by lower-cased displayName (0..n: names are not unique). */
  groupsByName: Map<string, GraphGroup[]>;
  groupsById: Map<string, GraphGroup>;
  principals: Record<string, PrincipalLookup>;
  /** Objects found by id (getByIds), including ids asked for by `idsToName`. */
  byId: Map<string, ActualPrincipal>;
}

export interface DirectoryQuery {
  groupIds: string[];
  groupNames: string[];
  principalRefs: string[];
  /** Object ids to describe (schedule principals, approvers). */
  ids: string[];
}

export async function resolveDirectory(
  t: GraphTransport,
  q: DirectoryQuery,
  signal?: AbortSignal,
): Promise<DirectoryLookups> {
  const upns: string[] = [],
    groupNames = [...q.groupNames],
    appIds: string[] = [],
    ids = [...q.ids],
    groupIds = [...q.groupIds];
  const refs = q.principalRefs.map((ref) => ({ ref, p: parsePrincipal(ref) }));
  for (const { p } of refs) {
    if (!p.ok) continue;
    if (p.kind === 'user') (isGuid(p.value) ? ids : upns).push(p.value);
    if (p.kind === 'group') {
      if (isGuid(p.value)) ids.push(p.value);
      else groupNames.push(p.value);
    }
    if (p.kind === 'sp') {
      appIds.push(p.value);
      if (isGuid(p.value)) ids.push(p.value);
    }
  }
  const gets: { path: string; kind: 'group' | 'user' | 'sp' }[] = [
    ...inClauses('id', groupIds).map((f) => ({ path: paths.groupsWhere(f), kind: 'group' as const })),
    ...inClauses('displayName', groupNames).map((f) => ({ path: paths.groupsWhere(f), kind: 'group' as const })),
    ...inClauses('userPrincipalName', upns).map((f) => ({ path: paths.usersWhere(f), kind: 'user' as const })),
    ...inClauses('appId', appIds).map((f) => ({ path: paths.servicePrincipalsWhere(f), kind: 'sp' as const })),
  ];
  const [pages, byId] = await Promise.all([
    batchGetAll<GraphDirectoryObject & GraphGroup>(
      t,
      gets.map((g) => g.path),
      { signal },
    ),
    getByIds<GraphDirectoryObject>(t, ids, ['user', 'group', 'servicePrincipal'], { signal }),
  ]);

  const out: DirectoryLookups = { groupsByName: new Map(), groupsById: new Map(), principals: {}, byId: new Map() };
  const users = new Map<string, ActualPrincipal>(),
    sps = new Map<string, ActualPrincipal>();
  pages.forEach((page, i) => {
    if (page.error) throw page.error;
    for (const o of page.value ?? []) {
      if (gets[i].kind === 'group') {
        out.groupsById.set(o.id, o);
        const key = o.displayName.toLowerCase();
        const list = out.groupsByName.get(key) ?? [];
        if (!list.some((g) => g.id === o.id)) list.push(o);
        out.groupsByName.set(key, list);
        out.byId.set(o.id, { id: o.id, kind: 'group', ref: `group:${o.displayName}`, displayName: o.displayName });
      } else {
        const p = principalOf({
          ...o,
          '@odata.type': gets[i].kind === 'user' ? '#microsoft.graph.user' : '#microsoft.graph.servicePrincipal',
        })!;
        if (gets[i].kind === 'user') users.set((o.userPrincipalName ?? '').toLowerCase(), p);
        else sps.set((o.appId ?? '').toLowerCase(), p);
        out.byId.set(o.id, p);
      }
    }
  });
  for (const o of byId) {
    const p = principalOf(o);
    if (p) out.byId.set(o.id, p);
  }
  for (const { ref, p } of refs) {
    const key = principalKey(ref);
    if (!p.ok) {
      out.principals[key] = { state: 'unknown' };
      continue;
    }
    const v = p.value.toLowerCase();
    let found: ActualPrincipal | undefined;
    if (p.kind === 'user') found = isGuid(v) ? kindMatch(out.byId.get(v) ?? findId(out.byId, v), 'user') : users.get(v);
    if (p.kind === 'sp') found = sps.get(v) ?? (isGuid(v) ? kindMatch(findId(out.byId, v), 'sp') : undefined);
    if (p.kind === 'group') {
      if (isGuid(v)) found = kindMatch(findId(out.byId, v), 'group');
      else {
        const list = out.groupsByName.get(v) ?? [];
        if (list.length > 1) {
          out.principals[key] = { state: 'ambiguous', ids: list.map((g) => g.id) };
          continue;
        }
        if (list.length === 1) found = out.byId.get(list[0].id);
      }
    }
    out.principals[key] = found ? { state: 'found', principal: found } : { state: 'unknown' };
  }
  return out;
}

const findId = (m: Map<string, ActualPrincipal>, id: string) =>
  m.get(id) ?? [...m.values()].find((p) => p.id.toLowerCase() === id);
const kindMatch = (p: ActualPrincipal | undefined, kind: ActualPrincipal['kind']) => (p?.kind === kind ? p : undefined);
