// Who and what the ids in approvals, history and reports are: one getByIds round for users, groups and service
// principals together (the Graph layer cuts and batches long lists). An id that is not found keeps its id as name.
import { getByIds } from '../graph/api/directoryObjects';
import type { GraphTransport } from '../graph/transport';

export interface DirectoryName {
  id: string;
  /** The display name, else the UPN, else the id (a deleted principal). */
  name: string;
  userPrincipalName?: string;
  type?: 'user' | 'group' | 'servicePrincipal';
}

export type Names = (id: string) => DirectoryName;

export async function directoryNames(t: GraphTransport, ids: Iterable<string>, signal?: AbortSignal): Promise<Names> {
  type Found = { id: string; displayName?: string; userPrincipalName?: string; '@odata.type'?: string };
  const wanted = [...new Set([...ids].filter(Boolean))];
  const found = await getByIds<Found>(t, wanted, ['user', 'group', 'servicePrincipal'], { signal });
  const byId = new Map(
    found.map((o) => [
      o.id.toLowerCase(),
      {
        id: o.id,
        name: o.displayName ?? o.userPrincipalName ?? o.id,
        userPrincipalName: o.userPrincipalName,
        type: typeOf(o['@odata.type']),
      } satisfies DirectoryName,
    ]),
  );
  return (id) => byId.get(id.toLowerCase()) ?? { id, name: id };
}

function typeOf(odataType: string | undefined): DirectoryName['type'] {
  const t = odataType?.replace('#microsoft.graph.', '');
  return t === 'user' || t === 'group' || t === 'servicePrincipal' ? t : undefined;
}
