// Who made each schedule what it is, when and why: a schedule itself carries none of that, the schedule requests
// that created and later changed it do (createdBy, createdDateTime, justification, ticket). Two readers share one
// core: the Groups view asks for the latest request (who last changed it), export for the first (the justification
// and ticket the assignment was created with, and whether PIM created a permanent owner at all). Request lists keep
// only recent requests, so "first" is the oldest one still listed, not always the creating request. The two differ
// only where several requests target one schedule id; where a change replaces the schedule under a new id (the
// sandbox's documented guess for update, extend and renew) both name the change.
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

export type ScheduleRequest = GraphScheduleRequest & { createdBy?: { user?: { id?: string } | null } | null };
/** 'first': the oldest listed request that shaped the schedule; 'latest': the newest. */
export type OriginPick = 'first' | 'latest';
type ScheduleKind = 'eligible' | 'active';

/**
 * One request per schedule id, chosen by createdDateTime (list order breaks ties, the earlier row wins). Removals,
 * deactivations and requests that failed, were canceled or denied shaped nothing and are skipped.
 */
export function pickOrigins(requests: Iterable<ScheduleRequest>, pick: OriginPick): Map<string, ScheduleOrigin> {
  const chosen = new Map<string, ScheduleRequest>();
  for (const r of requests) {
    if (!r.targetScheduleId || /remove|deactivate/i.test(r.action) || /^(failed|canceled|denied)/i.test(r.status))
      continue;
    const seen = chosen.get(r.targetScheduleId);
    const at = r.createdDateTime ?? '',
      seenAt = seen?.createdDateTime ?? '';
    if (!seen || (pick === 'latest' ? at > seenAt : at < seenAt)) chosen.set(r.targetScheduleId, r);
  }
  return new Map([...chosen].map(([id, r]) => [id, originOf(r)]));
}

/**
 * The origin of each schedule of `groupIds` of the given kinds, keyed by schedule id; every list read in $batch
 * rounds. A request list the caller may not read leaves its schedules without an origin.
 */
export async function readOrigins(
  t: GraphTransport,
  groupIds: string[],
  opts: { pick: OriginPick; kinds: readonly ScheduleKind[] },
  signal?: AbortSignal,
): Promise<Map<string, ScheduleOrigin>> {
  const lists = groupIds.flatMap((id) =>
    opts.kinds.map((k) => (k === 'eligible' ? paths.eligibilityRequestsOf(id) : paths.assignmentRequestsOf(id))),
  );
  if (!lists.length) return new Map();
  const pages = await batchGetAll<ScheduleRequest>(t, lists, { signal });
  return pickOrigins(
    pages.flatMap((p) => p.value ?? []),
    opts.pick,
  );
}

/** The latest request that shaped each schedule of one group, both kinds (the Groups view's who, when and why). */
export function readScheduleOrigins(
  t: GraphTransport,
  groupId: string,
  signal?: AbortSignal,
): Promise<Map<string, ScheduleOrigin>> {
  return readOrigins(t, [groupId], { pick: 'latest', kinds: ['eligible', 'active'] }, signal);
}

function originOf(r: ScheduleRequest): ScheduleOrigin {
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
