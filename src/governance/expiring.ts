// Access about to end: the eligible and active assignments of the given groups (default: every onboarded group)
// whose schedule ends within a window. PIM does not renew them; this report lets a scheduled pipeline warn first.
// Schedules are read in $batch rounds (paged), and "now" is the tenant's clock, by which schedules end.
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import type { GraphTransport } from '../graph/transport';
import type { GraphSchedule } from '../graph/types';
import { listOnboardedGroupIds } from '../tenant/onboarded';
import { endsIn, endsWithin } from '../time';
import { directoryNames } from './names';

export interface ExpiringAssignment {
  groupId: string;
  groupName: string;
  principalId: string;
  principalName: string;
  principalUpn?: string;
  kind: 'eligible' | 'active';
  role: 'member' | 'owner';
  /** Active assignments: 'assigned' by an admin or 'activated' by the principal. */
  assignmentType?: string;
  end: string;
  /** "ends in 3 days", by the tenant's clock. */
  remaining: string;
}

export interface ExpiringReport {
  /** The tenant's time the window starts at (ISO). */
  asOf: string;
  withinMinutes: number;
  groupsRead: number;
  assignments: ExpiringAssignment[];
}

export async function expiringAssignments(
  t: GraphTransport,
  opts: { withinMinutes: number; groupIds?: string[]; signal?: AbortSignal },
): Promise<ExpiringReport> {
  const groupIds = opts.groupIds?.length ? opts.groupIds : [...(await listOnboardedGroupIds(t, opts.signal))];
  const kinds = [
    { kind: 'eligible' as const, path: paths.eligibilitySchedules },
    { kind: 'active' as const, path: paths.assignmentSchedules },
  ];
  const reads = groupIds.flatMap((g) => kinds.map((k) => ({ groupId: g, ...k })));
  const pages = await batchGetAll<GraphSchedule>(
    t,
    reads.map((r) => r.path(r.groupId)),
    { signal: opts.signal },
  );
  const now = t.serverNow().getTime();
  const found: Omit<ExpiringAssignment, 'groupName' | 'principalName'>[] = [];
  pages.forEach((page, i) => {
    if (page.error) throw page.error;
    for (const s of page.value ?? []) {
      const end = s.scheduleInfo?.expiration?.endDateTime;
      // Inherited rows (memberType Group) repeat a group's own schedule for each of its members: report the source.
      if ((s.memberType ?? 'Direct') !== 'Direct' || !endsWithin(end, now, opts.withinMinutes)) continue;
      found.push({
        groupId: reads[i].groupId,
        principalId: s.principalId,
        kind: reads[i].kind,
        role: s.accessId,
        assignmentType: s.assignmentType ?? undefined,
        end: end!,
        remaining: endsIn(Date.parse(end!), now),
      });
    }
  });
  const names = await directoryNames(
    t,
    found.flatMap((f) => [f.groupId, f.principalId]),
    opts.signal,
  );
  const assignments = found
    .map((f) => ({
      ...f,
      groupName: names(f.groupId).name,
      principalName: names(f.principalId).name,
      principalUpn: names(f.principalId).userPrincipalName,
    }))
    .sort((a, b) => a.groupName.localeCompare(b.groupName) || a.end.localeCompare(b.end));
  return {
    asOf: new Date(now).toISOString(),
    withinMinutes: opts.withinMinutes,
    groupsRead: groupIds.length,
    assignments,
  };
}
