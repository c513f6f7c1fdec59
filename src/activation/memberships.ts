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
import { FIELD_BY_PATH } from '../tenant/policyFields';

export interface ActivationRequirements {
  maxDuration?: string;
  requireMfa: boolean;
  requireJustification: boolean;
  requireTicket: boolean;
  authenticationContext: string | null;
  approvalRequired: boolean;
}

export interface Membership {
  groupId: string;
  groupName: string;
  role: Role;
  state: 'eligible' | 'active' | 'pending';
  /** Eligible: end of eligibility; active: end of the activation/assignment; pending: undefined. */
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
    for (const [role, policy] of Object.entries(policiesOf(p.value ?? []))) {
      const get = (path: string) => {
        const f = FIELD_BY_PATH.get(path)!;
        const r = policy!.rules[f.ruleId];
        return r ? f.get(r) : undefined;
      };
      byRole[role as Role] = {
        maxDuration: (get('activation.maxDuration') as string | null) ?? undefined,
        requireMfa: get('activation.requireMfa') === true,
        requireJustification: get('activation.requireJustification') === true,
        requireTicket: get('activation.requireTicket') === true,
        authenticationContext: (get('activation.authenticationContext') as string | null) ?? null,
        approvalRequired: get('activation.approval.required') === true,
      };
    }
    out.set(groupIds[i], byRole);
  });
  return out;
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
    ...(requests.value as GraphScheduleRequest[])
      .filter((r) => /^Pending/i.test(r.status))
      .map((r): Membership => ({
        groupId: r.groupId,
        groupName: r.groupId,
        role: r.accessId,
        state: 'pending',
        requestId: r.id,
      })),
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
