// Prefix search of the directory for completion: users by UPN or display name, groups by display name, service
// principals by display name or appId. One page of `$top` hits: `complete` says the page holds every match, so a
// longer prefix can be answered from it without asking again (the editor's cache relies on that).
// `startswith` on these properties and `or` between them are default (not advanced) directory queries, so no
// ConsistencyLevel header is needed and the sandbox refuses nothing the service accepts.
import type { PrincipalKind } from '../definitions/principalReference';
import { paths } from '../graph/api/paths';
import type { GraphTransport } from '../graph/transport';

export interface PrincipalHit {
  kind: PrincipalKind;
  id: string;
  /** What a definition writes after the prefix: the UPN, the group's display name, the app id. */
  value: string;
  displayName: string;
  /** Users only: whether the account can sign in, and whether it is a guest. */
  accountEnabled?: boolean;
  guest?: boolean;
}

export interface PrincipalPage {
  hits: PrincipalHit[];
  /** True when no further page exists: every object matching the prefix is in `hits`. */
  complete: boolean;
}

export const SEARCH_TOP = 25;

/** The properties `startswith` is tried on, per kind; the local narrowing in the editor uses the same ones. */
export const SEARCHED_PROPERTIES: Record<PrincipalKind, readonly string[]> = {
  user: ['userPrincipalName', 'displayName'],
  group: ['displayName'],
  sp: ['displayName', 'appId'],
};

const SELECT: Record<PrincipalKind, string> = {
  user: 'id,displayName,userPrincipalName,accountEnabled,userType',
  group: 'id,displayName',
  sp: 'id,displayName,appId',
};
const SET: Record<PrincipalKind, '/users' | '/groups' | '/servicePrincipals'> = {
  user: '/users',
  group: '/groups',
  sp: '/servicePrincipals',
};

interface Row {
  id: string;
  displayName?: string;
  userPrincipalName?: string;
  appId?: string;
  accountEnabled?: boolean;
  userType?: string;
}

/** The path of one search (exported for tests and the request-count benchmark). */
export function searchPath(kind: PrincipalKind, prefix: string, top = SEARCH_TOP): string {
  return paths.directoryStartingWith(SET[kind], SEARCHED_PROPERTIES[kind], prefix, SELECT[kind], top);
}

export async function searchPrincipals(
  t: GraphTransport,
  kind: PrincipalKind,
  prefix: string,
  signal?: AbortSignal,
): Promise<PrincipalPage> {
  const page = await t.get<{ value?: Row[]; '@odata.nextLink'?: string }>(searchPath(kind, prefix), { signal });
  const hits = (page.value ?? []).map((r): PrincipalHit => {
    const value = (kind === 'user' ? r.userPrincipalName : kind === 'sp' ? r.appId : r.displayName) ?? r.id;
    const hit: PrincipalHit = { kind, id: r.id, value, displayName: r.displayName ?? value };
    if (kind === 'user') {
      if (typeof r.accountEnabled === 'boolean') hit.accountEnabled = r.accountEnabled;
      if (r.userType) hit.guest = r.userType.toLowerCase() === 'guest';
    }
    return hit;
  });
  return { hits, complete: !page['@odata.nextLink'] };
}
