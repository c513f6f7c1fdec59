// group.owners: the group's standing directory owners (Graph /groups/{id}/owners), compared like an authoritative
// assignment list. A written list is the whole truth; a list left out is not managed. The directory's owner list
// also shows everyone who owns through PIM (an active owner assignment is an ownership while it lasts), so an owner
// not listed is removed only when nothing else in the file or in PIM accounts for them: not when the file lists them
// under assignments with role owner, and not when their ownership is time-bound or activated (PIM ends those).
// Entra never removes a group's last user owner (DOC group-delete-owners): a list that would leave none is an error.
import { principalKey } from '../definitions/principalReference';
import type { PimGroupDefinition } from '../definitions/model';
import { sourceAt } from '../definitions/sourceRef';
import type { ActualGroup, ActualPrincipal, ActualState } from '../tenant/actualState';
import type { AppliedGroupRecord } from './appliedRecord';
import type { OwnerOp, PlanIssue, PrincipalInfo, RiskMark } from './model';

export interface OwnerPlan {
  ops: OwnerOp[];
  issues: PlanIssue[];
  /** Principal keys of the listed owners (the applied record keeps them to tell drift). */
  listed: string[];
}

const info = (p: ActualPrincipal, ref = p.ref): PrincipalInfo => ({
  ref,
  id: p.id,
  kind: p.kind,
  displayName: p.displayName,
});

/** Object ids of the owners a file lists, as resolved by the read (unresolved ones are left out). */
export function listedOwnerIds(def: PimGroupDefinition, state: ActualState): Set<string> {
  const ids = new Set<string>();
  for (const ref of def.group.owners ?? []) {
    const p = state.principals[principalKey(ref)];
    if (p?.state === 'found') ids.add(p.principal.id.toLowerCase());
  }
  return ids;
}

export function planOwners(
  def: PimGroupDefinition,
  group: ActualGroup | undefined,
  state: ActualState,
  dependsOn: string[],
  last?: AppliedGroupRecord,
): OwnerPlan {
  const out: OwnerPlan = { ops: [], issues: [], listed: [] };
  const owners = def.group.owners;
  if (!owners) return out;
  const key = def.metadata.name;
  const actual = new Set(group?.owners ?? []);
  const lastListed = last?.group?.owners;
  const wanted = new Map<string, ActualPrincipal>();
  owners.forEach((ref, i) => {
    const p = state.principals[principalKey(ref)];
    out.listed.push(principalKey(ref));
    if (p?.state !== 'found') {
      out.issues.push({
        severity: 'error',
        code: p?.state === 'ambiguous' ? 'PIM202' : 'PIM201',
        groupKey: key,
        source: sourceAt(def, ['group', 'owners', i]),
        message:
          p?.state === 'ambiguous'
            ? `'${ref}' matches ${p.ids.length} objects in the tenant (${p.ids.join(', ')}); name it by id.`
            : `'${ref}' was not found in the tenant; check the spelling, or create it first.`,
      });
      return;
    }
    const id = p.principal.id.toLowerCase();
    if (wanted.has(id)) return;
    wanted.set(id, p.principal);
    if (actual.has(id)) return;
    // Listed at the last apply too, and not there now: someone removed the owner in the tenant.
    const drift = Boolean(lastListed?.includes(principalKey(ref)));
    out.ops.push({
      kind: 'addOwner',
      id: `${key}/owners/${id}`,
      groupKey: key,
      principal: info(p.principal, ref),
      source: sourceAt(def, ['group', 'owners', i]),
      dependsOn: [...dependsOn],
      marks: drift ? ['drift'] : [],
      summary: `add directory owner ${ref}`,
    });
  });
  if (out.issues.length) return { ...out, ops: [] };

  const throughPim = ownersThroughPim(def, group, state);
  const removed: string[] = [];
  for (const id of [...actual].sort()) {
    if (wanted.has(id) || throughPim.has(id)) continue;
    const p = state.directory[id] ?? { id, kind: 'user' as const, ref: `id:${id}` };
    // Drift when the last apply listed the owners and not this one: it was added in the tenant since.
    const drift = lastListed !== undefined && !lastListed.includes(principalKey(p.ref));
    removed.push(id);
    out.ops.push({
      kind: 'removeOwner',
      id: `${key}/owners/${id}/remove`,
      groupKey: key,
      principal: info(p),
      source: sourceAt(def, ['group', 'owners']),
      dependsOn: [],
      marks: ['removal', ...(drift ? ['drift' as RiskMark] : [])],
      summary: `remove directory owner ${p.ref} (${drift ? 'added in the tenant since the last apply' : 'not in group.owners'})`,
    });
  }
  const isUser = (id: string) => (wanted.get(id) ?? state.directory[id])?.kind === 'user';
  const usersBefore = [...actual].filter(isUser);
  const usersAfter = [...new Set([...actual, ...wanted.keys()])].filter((id) => isUser(id) && !removed.includes(id));
  if (usersBefore.length && !usersAfter.length) {
    out.issues.push({
      severity: 'error',
      code: 'PIM241',
      groupKey: key,
      source: sourceAt(def, ['group', 'owners']),
      message: `group.owners would leave '${def.group.displayName}' without a user owner, and Entra never removes a group's last user owner. List at least one user (user:…) in group.owners.`,
    });
    out.ops = [];
  }
  return out;
}

/**
 * Owners the directory lists because of PIM, which group.owners leaves alone: principals the file assigns the owner
 * role (eligible ones own while activated; active ones through their assignment), and time-bound or activated
 * owner schedules in the tenant (PIM ends those when they are due).
 */
function ownersThroughPim(def: PimGroupDefinition, group: ActualGroup | undefined, state: ActualState): Set<string> {
  const ids = new Set<string>();
  for (const a of [...def.assignments.eligible, ...def.assignments.active]) {
    if (a.role !== 'owner') continue;
    const p = state.principals[principalKey(a.principal)];
    if (p?.state === 'found') ids.add(p.principal.id.toLowerCase());
  }
  for (const s of group?.schedules ?? [])
    if (
      s.kind === 'active' &&
      s.role === 'owner' &&
      (!s.permanent || (s.assignmentType ?? 'assigned').toLowerCase() !== 'assigned')
    )
      ids.add(s.principalId.toLowerCase());
  return ids;
}
