// Definitions that the last apply managed and that no file defines any more. Their group and its access stay in
// the tenant, so the plan says so every time, with the two ways out, until one is taken: remove the access (keep a
// definition for the group whose lists say nobody, apply, then delete it) or forget it (apply --forget NAME).
import type { Workspace } from '../definitions/model';
import { ActualState, isManagedSchedule } from '../tenant/actualState';
import type { AppliedGroupRecord, AppliedRecord } from './appliedRecord';
import type { PlanIssue } from './model';

/**
 * Recorded groups whose definition is gone from a file this plan covers. `covers` says whether a recorded file is
 * part of this plan (the CLI: loaded, or deleted under the planned paths); by default, the workspace's own files.
 */
export function deletedDefinitionsOf(
  ws: Pick<Workspace, 'groups'>,
  last: AppliedRecord | undefined,
  covers?: (file: string) => boolean,
  forget: string[] = [],
): [string, AppliedGroupRecord][] {
  if (!last) return [];
  const defined = new Set(ws.groups.map((g) => g.metadata.name));
  const files = new Set(ws.groups.map((g) => g.source.file));
  const inPlan = covers ?? ((file: string) => files.has(file));
  return Object.entries(last.groups)
    .filter(([key, r]) => !defined.has(key) && !forget.includes(key) && r.file !== undefined && inPlan(r.file))
    .sort(([a], [b]) => a.localeCompare(b));
}

export function deletedDefinitionIssue(key: string, r: AppliedGroupRecord, state: ActualState): PlanIssue {
  const lookup = state.groups[key];
  const name = r.group?.displayName ?? key;
  let still: string;
  if (lookup?.state === 'found') {
    const g = lookup.group;
    const count = (kind: 'eligible' | 'active') =>
      g.schedules.filter((s) => isManagedSchedule(s) && s.kind === kind).length;
    still = `Group '${g.displayName}' (${g.id}) still exists with ${count('eligible')} eligible and ${count('active')} active assignment(s), its PIM policies${r.bindings ? ' and its bindings' : ''}; nothing is removed.`;
  } else if (r.groupId) {
    still = `Its group ${r.groupId} was not found in the tenant (deleted there too?).`;
  } else {
    still = `Its group '${name}' is not looked up (the record predates group ids); its access stays.`;
  }
  return {
    severity: 'warning',
    code: 'PIM217',
    groupKey: key,
    message:
      `The definition '${key}' (group '${name}'${r.file ? `, from ${r.file}` : ''}) was applied before and is no longer in the definitions. ${still} ` +
      `To remove its access: restore a definition for it with group.id${r.groupId ? `: ${r.groupId}` : ''} and assignments: { eligible: [], active: [] }, apply, then delete it. ` +
      `To stop managing it and keep its access: apply with --forget ${key}.`,
  };
}
