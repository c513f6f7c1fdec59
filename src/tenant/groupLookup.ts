// Which tenant group each definition names: by id when the file (or the applied record) gives one, else by name.
// One rule for the reader and the readiness check, so both find the same group for a definition.
import type { GraphGroup } from '../graph/types';
import type { GroupRef } from './actualState';
import type { DirectoryLookups } from './resolveDirectory';

export type GroupMatch =
  { state: 'found'; group: GraphGroup } | { state: 'absent' } | { state: 'ambiguous'; ids: string[] };

/** The directory query that finds these groups (ids, and names where there is no id or it is only recorded). */
export function groupQueryOf(groups: GroupRef[]): { groupIds: string[]; groupNames: string[] } {
  return {
    groupIds: groups.filter((g) => g.id).map((g) => g.id!),
    // A group known by the applied record's id is also looked up by name, in case that group was deleted.
    groupNames: groups.filter((g) => !g.id || g.recorded).map((g) => g.displayName),
  };
}

export function matchGroup(ref: GroupRef, dir: Pick<DirectoryLookups, 'groupsById' | 'groupsByName'>): GroupMatch {
  const byId = ref.id ? [dir.groupsById.get(ref.id)].filter((g) => !!g) : [];
  const matches =
    byId.length || (ref.id && !ref.recorded) ? byId : (dir.groupsByName.get(ref.displayName.toLowerCase()) ?? []);
  if (matches.length > 1) return { state: 'ambiguous', ids: matches.map((g) => g!.id) };
  if (!matches.length) return { state: 'absent' };
  return { state: 'found', group: matches[0]! };
}
