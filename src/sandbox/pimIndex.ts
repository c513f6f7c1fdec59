// Fast lookups over the state (5,000 groups x 10 assignments must stay cheap): the PIM schedules by group and by
// principal, users by UPN, and the groups and users by the properties their lists are filtered on, rebuilt lazily after any
// change to the state.
import { indexList, type IndexedList } from './prefilter';
import type { SbGroup, SbSchedule, SbState, SbUser } from './types';

interface Index {
  version: number;
  byGroup: Map<string, SbSchedule[]>;
  byPrincipal: Map<string, SbSchedule[]>;
  userByUpn: Map<string, SbUser>;
  /** Built on first use: most requests after a write look up schedules only. */
  groups?: IndexedList<SbGroup>;
  users?: IndexedList<SbUser>;
}
const versions = new WeakMap<SbState, number>();
const indexes = new WeakMap<SbState, Index>();

/** Call after any change to the state (ctx.dirty() does, and so do the seeding helpers). */
export function touch(state: SbState): void {
  versions.set(state, (versions.get(state) ?? 0) + 1);
}

function index(state: SbState): Index {
  const v = versions.get(state) ?? 0;
  const cur = indexes.get(state);
  if (cur && cur.version === v) return cur;
  const byGroup = new Map<string, SbSchedule[]>(),
    byPrincipal = new Map<string, SbSchedule[]>();
  for (const s of Object.values(state.schedules)) {
    if (s.removedDateTime) continue;
    (byGroup.get(s.groupId) ?? byGroup.set(s.groupId, []).get(s.groupId)!).push(s);
    (byPrincipal.get(s.principalId) ?? byPrincipal.set(s.principalId, []).get(s.principalId)!).push(s);
  }
  const userByUpn = new Map<string, SbUser>();
  for (const id in state.users) userByUpn.set(state.users[id].userPrincipalName.toLowerCase(), state.users[id]);
  const next: Index = { version: v, byGroup, byPrincipal, userByUpn };
  indexes.set(state, next);
  return next;
}

/** Every group, in the state's order, indexed for `indexedCandidates`; read-only. */
export function indexedGroups(state: SbState): IndexedList<SbGroup> {
  const i = index(state);
  // The properties GET /groups narrows by, in the order it tries them (see prefilter.ts).
  i.groups ??= indexList(Object.values(state.groups), {
    id: (g) => g.id,
    displayName: (g) => g.displayName,
    uniqueName: (g) => g.uniqueName,
    mailNickname: (g) => g.mailNickname,
  });
  return i.groups;
}

/** Every user, in the state's order, indexed for `indexedCandidates`; read-only. */
export function indexedUsers(state: SbState): IndexedList<SbUser> {
  const i = index(state);
  // The properties GET /users narrows by, in the order it tries them.
  i.users ??= indexList(Object.values(state.users), {
    id: (u) => u.id,
    userPrincipalName: (u) => u.userPrincipalName,
    displayName: (u) => u.displayName,
    mail: (u) => u.mail,
  });
  return i.users;
}

/** A user by UPN, case-insensitively. */
export const userByUpn = (state: SbState, upn: string) => index(state).userByUpn.get(upn.toLowerCase());

export const schedulesOfGroup = (state: SbState, groupId: string) => index(state).byGroup.get(groupId) ?? [];
export const schedulesOfPrincipal = (state: SbState, principalId: string) =>
  index(state).byPrincipal.get(principalId) ?? [];

/** Not removed and not yet ended (current or future). */
export const isCurrentOrFuture = (s: SbSchedule, now: Date) =>
  !s.removedDateTime && (s.endDateTime === null || Date.parse(s.endDateTime) > now.getTime());
/** In effect right now. */
export const isActiveAt = (s: SbSchedule, now: Date) =>
  isCurrentOrFuture(s, now) && Date.parse(s.startDateTime) <= now.getTime();

/** Principals holding `accessId` on the group right now through an active assignment. */
export function activePrincipals(state: SbState, groupId: string, accessId: 'member' | 'owner', now: Date): string[] {
  const group = state.groups[groupId];
  if (group && accessId === 'member' && !canUsePim(group)) return group.staticMembers;
  const ids = new Set<string>();
  for (const s of schedulesOfGroup(state, groupId)) {
    if (s.kind === 'assignment' && s.accessId === accessId && isActiveAt(s, now)) ids.add(s.principalId);
  }
  return [...ids];
}

/** PIM refuses dynamic-membership groups and groups synced from on-premises. */
export function canUsePim(g: { groupTypes: string[]; onPremisesSyncEnabled: boolean | null }): boolean {
  return !g.groupTypes.some((t) => t.toLowerCase() === 'dynamicmembership') && g.onPremisesSyncEnabled !== true;
}

/** The eligibility in effect that lets `principalId` activate: its own, or one of a group it is an active member of
 *  (nested eligibility activates only that principal – reference §4.3). */
export function eligibilityFor(
  state: SbState,
  groupId: string,
  principalId: string,
  accessId: string,
  now: Date,
): SbSchedule | undefined {
  return schedulesOfGroup(state, groupId).find(
    (s) =>
      s.kind === 'eligibility' &&
      s.accessId === accessId &&
      isActiveAt(s, now) &&
      (s.principalId === principalId ||
        (Boolean(state.groups[s.principalId]) &&
          activePrincipals(state, s.principalId, 'member', now).includes(principalId))),
  );
}
