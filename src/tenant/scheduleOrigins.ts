// Who made each schedule what it is, when and why: a schedule itself carries none of that, the schedule request
// that created or last changed it does (createdBy, createdDateTime, justification, ticket). Both request sets of one
// group, read in one $batch round; a request set the caller may not read leaves its schedules without an origin.
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import type { GraphTransport } from '../graph/transport';
import type { GraphScheduleRequest } from '../graph/types';

export interface ScheduleOrigin {
  /** The request's action: adminAssign, adminUpdate, adminExtend, adminRenew, selfActivate, selfExtend… */
  action: string;
  /** The directory object that sent the request (an admin, the principal itself, or an app). */
  createdById?: string;
  createdDateTime?: string;
  justification?: string;
  ticket?: { system?: string; number?: string };
}

type WireRequest = GraphScheduleRequest & { createdBy?: { user?: { id?: string } | null } | null };

/** The latest request that shaped each schedule of `groupId`, keyed by schedule id (removals excluded). */
export async function readScheduleOrigins(
  t: GraphTransport,
  groupId: string,
  signal?: AbortSignal,
): Promise<Map<string, ScheduleOrigin>> {
  const pages = await batchGetAll<WireRequest>(
    t,
    [paths.eligibilityRequestsOf(groupId), paths.assignmentRequestsOf(groupId)],
    { signal },
  );
  const latest = new Map<string, WireRequest>();
  for (const page of pages)
    for (const r of page.value ?? []) {
      if (!r.targetScheduleId || /remove|deactivate/i.test(r.action) || /^(failed|canceled|denied)/i.test(r.status))
        continue;
      const seen = latest.get(r.targetScheduleId);
      if (!seen || (r.createdDateTime ?? '') > (seen.createdDateTime ?? '')) latest.set(r.targetScheduleId, r);
    }
  return new Map([...latest].map(([id, r]) => [id, originOf(r)]));
}

function originOf(r: WireRequest): ScheduleOrigin {
  const ticket =
    r.ticketInfo?.ticketNumber || r.ticketInfo?.ticketSystem
      ? { system: r.ticketInfo.ticketSystem ?? undefined, number: r.ticketInfo.ticketNumber ?? undefined }
      : undefined;
  return {
    action: r.action,
    createdById: r.createdBy?.user?.id ?? undefined,
    createdDateTime: r.createdDateTime,
    justification: r.justification || undefined,
    ticket,
  };
}
