// "My roles": the signed-in user's eligible and active group memberships/ownerships, pending requests, and what
// each group's policy requires to activate (so a front end can ask for exactly that, before sending).
import type { Role } from '../definitions/model';
import { paths } from '../graph/api/paths';
import { graphCalls } from '../graph/api/calls';
import { batchGetAll } from '../graph/batch';
import { resolveDirectory } from '../tenant/resolveDirectory';
import type { GraphTransport } from '../graph/transport';
import type { GraphPolicyAssignment, GraphSchedule, GraphScheduleInstance, GraphScheduleRequest } from '../graph/types';
import { policiesOf } from '../tenant/convert';
import { durationMinutes } from '../time';
import { ActivationRequirements, activationRequirements } from '../tenant/activationRequirements';

export type { ActivationRequirements } from '../tenant/activationRequirements';
export { activationRequirements } from '../tenant/activationRequirements';

export interface Membership {
  groupId: string;
  groupName: string;
  role: Role;
  /** scheduled: an activation granted for a later start (PIM lists it among my requests, not as an instance). */
  state: 'eligible' | 'active' | 'pending' | 'scheduled';
  /** Eligible: end of eligibility; active and scheduled: end of the activation/assignment; pending: undefined. */
  end?: string | null;
  start?: string | null;
  /** Active through self-activation (can be deactivated) or an admin assignment. */
  assignmentType?: string;
  requestId?: string;
  requirements?: ActivationRequirements;
}

export interface Me {
  id: string;
  userPrincipalName?: string;
  displayName?: string;
}

export async function whoAmI(t: GraphTransport, signal?: AbortSignal): Promise<Me> {
  return graphCalls.me(t, { signal });
}

export async function requirementsOf(
  t: GraphTransport,
  groupIds: string[],
  signal?: AbortSignal,
): Promise<Map<string, Partial<Record<Role, ActivationRequirements>>>> {
  const pages = await batchGetAll<GraphPolicyAssignment>(t, groupIds.map(paths.policyAssignments), { signal });
  const out = new Map<string, Partial<Record<Role, ActivationRequirements>>>();
  pages.forEach((p, i) => {
    const byRole: Partial<Record<Role, ActivationRequirements>> = {};
    for (const [role, policy] of Object.entries(policiesOf(p.value ?? [])))
      byRole[role as Role] = activationRequirements(policy!.rules);
    out.set(groupIds[i], byRole);
  });
  return out;
}

/** Granted, not yet started: a self-activation whose start is still ahead (it can be cancelled until then). */
function isScheduled(r: GraphScheduleRequest, nowMs: number): boolean {
  const start = r.scheduleInfo?.startDateTime;
  return (
    r.action === 'selfActivate' &&
    /^(Provisioned|Granted|ScheduleCreated|PendingScheduleCreation)$/i.test(r.status) &&
    !!start &&
    Date.parse(start) > nowMs
  );
}

function scheduledOf(r: GraphScheduleRequest): Membership {
  const start = r.scheduleInfo!.startDateTime!;
  const minutes = durationMinutes(r.scheduleInfo?.expiration?.duration ?? '');
  const end =
    r.scheduleInfo?.expiration?.endDateTime ??
    (minutes !== undefined ? new Date(Date.parse(start) + minutes * 60_000).toISOString() : null);
  return {
    groupId: r.groupId,
    groupName: r.groupId,
    role: r.accessId,
    state: 'scheduled',
    start,
    end,
    requestId: r.id,
  };
}

export async function myMemberships(
  t: GraphTransport,
  signal?: AbortSignal,
): Promise<{ me: Me; memberships: Membership[] }> {
  const [me, [eligible, active, requests]] = await Promise.all([
    whoAmI(t, signal),
    batchGetAll<unknown>(t, [paths.myEligibilitySchedules, paths.myAssignmentInstances, paths.myAssignmentRequests], {
      signal,
    }),
  ]);
  for (const r of [eligible, active, requests]) if (r.error) throw r.error;
  const memberships: Membership[] = [
    ...(eligible.value as GraphSchedule[]).map((s): Membership => ({
      groupId: s.groupId,
      groupName: s.groupId,
      role: s.accessId,
      state: 'eligible',
      start: s.scheduleInfo?.startDateTime,
      end: s.scheduleInfo?.expiration?.endDateTime ?? null,
    })),
    ...(active.value as GraphScheduleInstance[]).map((s): Membership => ({
      groupId: s.groupId,
      groupName: s.groupId,
      role: s.accessId,
      state: 'active',
      start: s.startDateTime,
      end: s.endDateTime ?? null,
      assignmentType: s.assignmentType ?? undefined,
    })),
    ...(requests.value as GraphScheduleRequest[]).flatMap((r): Membership[] => {
      if (/^Pending/i.test(r.status))
        return [{ groupId: r.groupId, groupName: r.groupId, role: r.accessId, state: 'pending', requestId: r.id }];
      return isScheduled(r, t.serverNow().getTime()) ? [scheduledOf(r)] : [];
    }),
  ];
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  if (!groupIds.length) return { me, memberships };
  const [names, reqs] = await Promise.all([
    resolveDirectory(t, { groupIds, groupNames: [], principalRefs: [], ids: [] }, signal),
    requirementsOf(t, groupIds, signal),
  ]);
  for (const m of memberships) {
    m.groupName = names.groupsById.get(m.groupId)?.displayName ?? m.groupId;
    m.requirements = reqs.get(m.groupId)?.[m.role];
  }
  memberships.sort(
    (a, b) => a.groupName.localeCompare(b.groupName) || a.role.localeCompare(b.role) || a.state.localeCompare(b.state),
  );
  return { me, memberships };
}
