// Membership through the plain groups API (owners@odata.bind, members/$ref): a permanent active assignment, which is
// how a PIM-enabled group shows an ordinary member. Removing one ends every active assignment of that principal,
// as removing a member through the groups API overrides PIM (reference §0).
import { newGuid } from './ids';
import { canUsePim, isActiveAt, schedulesOfGroup } from './pimIndex';
import type { AccessId, SbState } from './types';

export function addDirectMembership(
  state: SbState,
  groupId: string,
  principalId: string,
  accessId: AccessId,
  now: Date,
): void {
  const g = state.groups[groupId];
  if (accessId === 'member' && g && !canUsePim(g)) {
    if (!g.staticMembers.includes(principalId)) g.staticMembers.push(principalId);
    return;
  }
  const guid = newGuid(state);
  const id = `${groupId}_${accessId}_${guid}`;
  const iso = now.toISOString();
  state.schedules[id] = {
    kind: 'assignment',
    id,
    principalId,
    groupId,
    accessId,
    assignmentType: 'assigned',
    startDateTime: iso,
    endDateTime: null,
    // DOC: a direct member's schedule was created by no request (createdUsing null) and never modified.
    expirationType: 'noExpiration',
    duration: null,
    createdDateTime: iso,
    modifiedDateTime: null,
    createdUsing: null,
    activatedUsing: null,
    removedDateTime: null,
  };
}

export function removeDirectMembership(
  state: SbState,
  groupId: string,
  principalId: string,
  accessId: AccessId,
  now: Date,
): boolean {
  const g = state.groups[groupId];
  if (accessId === 'member' && g && !canUsePim(g)) {
    const i = g.staticMembers.indexOf(principalId);
    if (i >= 0) g.staticMembers.splice(i, 1);
    return i >= 0;
  }
  let removed = false;
  for (const s of schedulesOfGroup(state, groupId)) {
    if (s.kind === 'assignment' && s.principalId === principalId && s.accessId === accessId && isActiveAt(s, now)) {
      s.removedDateTime = now.toISOString();
      removed = true;
    }
  }
  return removed;
}
