// Wire objects → the reader's plain model.
import { durationMinutes } from '../time';
import type { GraphDirectoryObject, GraphGroup, GraphPolicyAssignment, GraphSchedule } from '../graph/types';
import type { ActualGroup, ActualPolicy, ActualPrincipal, ActualSchedule } from './actualState';
import type { Role } from '../definitions/model';

export function principalOf(o: GraphDirectoryObject): ActualPrincipal | undefined {
  const type = (o['@odata.type'] ?? '').toLowerCase();
  if (type.endsWith('.user') || (!type && o.userPrincipalName)) {
    const user: ActualPrincipal = {
      id: o.id,
      kind: 'user',
      ref: `user:${o.userPrincipalName ?? o.id}`,
      displayName: o.displayName,
    };
    if (typeof o.accountEnabled === 'boolean') user.accountEnabled = o.accountEnabled;
    if (o.userType) user.guest = o.userType.toLowerCase() === 'guest';
    return user;
  }
  if (type.endsWith('.group') || (!type && o.groupTypes))
    return { id: o.id, kind: 'group', ref: `group:${o.displayName ?? o.id}`, displayName: o.displayName };
  if (type.endsWith('.serviceprincipal') || (!type && o.appId))
    return { id: o.id, kind: 'sp', ref: `sp:${o.appId ?? o.id}`, displayName: o.displayName };
  return undefined;
}

export function groupOf(g: GraphGroup, onboarded: boolean): ActualGroup {
  const types = (g.groupTypes ?? []).map((t) => t.toLowerCase());
  return {
    id: g.id,
    displayName: g.displayName,
    description: g.description ?? null,
    type: types.includes('unified') ? 'microsoft365' : 'security',
    mailNickname: g.mailNickname ?? null,
    dynamic: types.includes('dynamicmembership') || Boolean(g.membershipRule),
    synced: g.onPremisesSyncEnabled === true,
    ...(g.isAssignableToRole === true ? { roleAssignable: true } : {}),
    ...(types.includes('unified') ? { visibility: g.visibility ?? null } : {}),
    onboarded,
    policies: {},
    schedules: [],
  };
}

export function policiesOf(assignments: GraphPolicyAssignment[]): Partial<Record<Role, ActualPolicy>> {
  const out: Partial<Record<Role, ActualPolicy>> = {};
  for (const a of assignments) {
    const role = a.roleDefinitionId?.toLowerCase();
    if (role !== 'member' && role !== 'owner') continue;
    out[role] = {
      policyId: a.policyId,
      assignmentId: a.id,
      rules: Object.fromEntries((a.policy?.rules ?? []).map((r) => [r.id, r])),
    };
  }
  return out;
}

const LIVE = new Set(['provisioned', 'schedulecreated', 'granted', 'pendingprovisioning', '']);

export function scheduleOf(s: GraphSchedule, kind: 'eligible' | 'active'): ActualSchedule | undefined {
  if (!LIVE.has((s.status ?? '').toLowerCase())) return undefined;
  const start = s.scheduleInfo?.startDateTime ?? null;
  const exp = s.scheduleInfo?.expiration;
  const type = (exp?.type ?? 'notSpecified').toLowerCase();
  let end: string | null = null;
  if (type === 'afterdatetime') end = exp?.endDateTime ?? null;
  else if (type === 'afterduration' && start && exp?.duration) {
    const minutes = durationMinutes(exp.duration);
    if (minutes !== undefined) end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  }
  const permanent = type === 'noexpiration' || (type === 'notspecified' && !exp?.endDateTime);
  return {
    id: s.id,
    principalId: s.principalId,
    role: s.accessId,
    kind,
    start,
    end: permanent ? null : end,
    permanent,
    memberType: s.memberType ?? 'direct',
    assignmentType: kind === 'active' ? (s.assignmentType ?? 'assigned') : undefined,
  };
}
