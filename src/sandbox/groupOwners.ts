// The directory's rules for a group's owners and visibility, beyond what members share with them:
//  - owners are users or service principals (DOC group-post-owners: "Add a user or service principal"); a group as
//    owner is refused. UNCONFIRMED: the status and message (400 with the invalid-reference wording below);
//  - the last owner that is a user cannot be removed (DOC group-delete-owners: "Once owners are assigned to a
//    group, the last owner (a user object) of the group cannot be removed"). UNCONFIRMED: the status and message;
//  - visibility is Private, Public or HiddenMembership; HiddenMembership only for a Microsoft 365 group and only when
//    it is created, never set or cleared by an update; a role-assignable group is always Private (DOC group
//    resource, `visibility`). UNCONFIRMED: the messages, and that a role-assignable group refuses Public rather
//    than ignoring it.
import { dirBad } from './groupInput';
import type { SbGroup, SbState } from './types';

const VALUES = ['Private', 'Public', 'HiddenMembership'];

export function checkOwnerTarget(state: SbState, id: string): void {
  if (state.groups[id]) throw dirBad(`Invalid object identifier '${id}'. A group cannot be an owner of a group.`);
}

/** Refuses removing `id` when it is the group's last user owner. */
export function checkLastUserOwner(state: SbState, owners: string[], id: string): void {
  if (!state.users[id] || !owners.includes(id)) return;
  if (owners.some((o) => o !== id && state.users[o])) return;
  throw dirBad(`The group must have at least one owner, hence this owner cannot be removed.`);
}

/** The visibility a create body asks for, checked; undefined when it names none. */
export function createVisibility(b: Record<string, unknown>, unified: boolean): string | undefined {
  if (b.visibility === undefined || b.visibility === null) return undefined;
  const v = canonical(b.visibility);
  if (v === 'HiddenMembership' && !unified) throw dirBad('HiddenMembership can be set only for Microsoft 365 groups.');
  if (b.isAssignableToRole === true && v !== 'Private') throw dirBad('A group assignable to roles must be Private.');
  return v;
}

/** Checks a PATCH's visibility against the group; the value to store. */
export function patchVisibility(g: SbGroup, value: unknown): string | null {
  if (value === null) {
    if (g.visibility === 'HiddenMembership')
      throw dirBad('HiddenMembership can be set only when the group is created.');
    return null;
  }
  const v = canonical(value);
  if ((v === 'HiddenMembership') !== (g.visibility === 'HiddenMembership'))
    throw dirBad('HiddenMembership can be set only when the group is created.');
  if (g.isAssignableToRole && v !== 'Private') throw dirBad('A group assignable to roles must be Private.');
  return v;
}

function canonical(value: unknown): string {
  const v = VALUES.find((x) => typeof value === 'string' && x.toLowerCase() === value.toLowerCase());
  if (!v) throw dirBad(`Invalid value specified for property 'visibility' of resource 'Group'.`);
  return v;
}
