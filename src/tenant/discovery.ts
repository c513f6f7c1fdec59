// Every PIM-enabled group in the tenant (for export --all and the editor's tree view): the onboarded list, then
// the groups' names and kinds in bulk.
import { groupOf } from './convert';
import { listOnboardedGroupIds } from './onboarded';
import { resolveDirectory } from './resolveDirectory';
import type { GraphTransport } from '../graph/transport';

export interface PimGroupSummary {
  id: string;
  displayName: string;
  type: 'security' | 'microsoft365';
  description: string | null;
}

export async function discoverPimGroups(t: GraphTransport, signal?: AbortSignal): Promise<PimGroupSummary[]> {
  const ids = [...(await listOnboardedGroupIds(t, signal))];
  if (!ids.length) return [];
  const dir = await resolveDirectory(t, { groupIds: ids, groupNames: [], principalRefs: [], ids: [] }, signal);
  return [...dir.groupsById.values()]
    .map((g) => groupOf(g, true))
    .map(({ id, displayName, type, description }) => ({ id, displayName, type, description }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
