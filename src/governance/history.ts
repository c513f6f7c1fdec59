// A group's PIM history: who activated, deactivated, was assigned or removed, and who approved or denied, when, for
// how long and why. From the groups' schedule requests (both kinds, every page, all groups in $batch rounds) and
// their approvals, and from the directory audit log where the caller may read it; an audit entry that repeats a
// request's event is dropped, so each event appears once.
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import type { GraphTransport } from '../graph/transport';
import type { GraphApproval, GraphScheduleRequest } from '../graph/types';
import { listOnboardedGroupIds } from '../tenant/onboarded';
import { auditEvent, readPimGroupAudits } from './auditHistory';
import { ACTION_OF_REQUEST, type HistoryEvent } from './historyEvent';
import { directoryNames } from './names';

export interface HistoryQuery {
  /** Group ids; none = every onboarded group. */
  groupIds?: string[];
  /** How far back, in minutes from the tenant's now. */
  sinceMinutes: number;
  /** Only this principal's events (as the subject, not as approver or admin). */
  principalId?: string;
  signal?: AbortSignal;
}

export interface History {
  since: string;
  asOf: string;
  groupsRead: number;
  /** 'read', or why the audit log could not be read (history then holds the requests alone). */
  auditLog: 'read' | { refused: string };
  events: HistoryEvent[];
}

type WireRequest = GraphScheduleRequest & {
  completedDateTime?: string | null;
  createdBy?: { user?: { id?: string } | null } | null;
};
type Partial = Omit<HistoryEvent, 'groupName' | 'principalName'> & { principalName?: string };

const SAME_EVENT_MS = 5 * 60_000;

export async function readHistory(t: GraphTransport, q: HistoryQuery): Promise<History> {
  const groupIds = q.groupIds?.length ? q.groupIds : [...(await listOnboardedGroupIds(t, q.signal))];
  const sets = [
    { set: 'eligibilityScheduleRequests' as const, kind: 'eligible' as const },
    { set: 'assignmentScheduleRequests' as const, kind: 'active' as const },
  ];
  const reads = groupIds.flatMap((g) => sets.map((s) => ({ groupId: g, ...s })));
  const pages = await batchGetAll<WireRequest>(
    t,
    reads.map((r) =>
      q.principalId
        ? paths.requestsOfPrincipal(r.set, r.groupId, q.principalId)
        : r.set === 'eligibilityScheduleRequests'
          ? paths.eligibilityRequestsOf(r.groupId)
          : paths.assignmentRequestsOf(r.groupId),
    ),
    { signal: q.signal },
  );
  const now = t.serverNow().getTime();
  const since = new Date(now - q.sinceMinutes * 60_000).toISOString();
  const requests: { r: WireRequest; kind: HistoryEvent['kind'] }[] = [];
  pages.forEach((page, i) => {
    if (page.error) throw page.error;
    for (const r of page.value ?? [])
      if (!r.isValidationOnly && (r.completedDateTime ?? r.createdDateTime ?? '') >= since)
        requests.push({ r, kind: reads[i].kind });
  });
  const events: Partial[] = requests.map(({ r, kind }) => requestEvent(r, kind));
  events.push(...(await approvalEvents(t, requests, q.signal)));

  const audit = await readPimGroupAudits(t, since, q.signal);
  if ('entries' in audit) {
    const wanted = new Set(groupIds.map((g) => g.toLowerCase()));
    for (const a of audit.entries) {
      const e = auditEvent(a, wanted);
      if (!e || (q.principalId && e.principalId.toLowerCase() !== q.principalId.toLowerCase())) continue;
      if (!events.some((x) => sameEvent(x, e))) events.push(e);
    }
  }
  const names = await directoryNames(
    t,
    events.flatMap((e) => [e.groupId, e.principalId, e.byId ?? '']),
    q.signal,
  );
  return {
    since,
    asOf: new Date(now).toISOString(),
    groupsRead: groupIds.length,
    auditLog: 'entries' in audit ? 'read' : { refused: audit.refused },
    events: events
      .map((e) => ({
        ...e,
        groupName: names(e.groupId).name,
        principalName: e.principalId ? names(e.principalId).name : (e.principalName ?? ''),
        principalUpn: e.principalUpn ?? names(e.principalId).userPrincipalName,
        byName: e.byId ? names(e.byId).name : e.byName,
      }))
      .sort((a, b) => b.at.localeCompare(a.at)),
  };
}

function requestEvent(r: WireRequest, kind: HistoryEvent['kind']): Partial {
  const exp = r.scheduleInfo?.expiration;
  return {
    at: r.completedDateTime ?? r.createdDateTime ?? '',
    action: ACTION_OF_REQUEST[r.action] ?? 'update',
    kind,
    role: r.accessId,
    groupId: r.groupId,
    principalId: r.principalId,
    byId: r.createdBy?.user?.id ?? undefined,
    start: r.scheduleInfo?.startDateTime ?? undefined,
    end: exp?.endDateTime ?? undefined,
    duration: exp?.duration ?? undefined,
    justification: r.justification ?? undefined,
    ticket:
      r.ticketInfo?.ticketNumber || r.ticketInfo?.ticketSystem
        ? { system: r.ticketInfo.ticketSystem ?? undefined, number: r.ticketInfo.ticketNumber ?? undefined }
        : undefined,
    outcome: r.status,
    source: 'request',
    requestId: r.id,
  };
}

/** The decisions on activations that needed approval: who approved or denied, when, and why. An approval the
 *  caller may not read is left out (the request's own status still says Denied or Provisioned). */
async function approvalEvents(
  t: GraphTransport,
  requests: { r: WireRequest; kind: HistoryEvent['kind'] }[],
  signal?: AbortSignal,
): Promise<Partial[]> {
  const asked = requests.filter(({ r }) => r.approvalId && r.action === 'selfActivate').map(({ r }) => r);
  if (!asked.length) return [];
  const answers = await t.batch<GraphApproval>(
    asked.map((r) => ({ method: 'GET', url: paths.approval(r.approvalId!) })),
    { signal },
  );
  return answers.flatMap((a, i) =>
    a.error
      ? []
      : (a.body?.stages ?? [])
          .filter((s) => s.reviewResult === 'Approve' || s.reviewResult === 'Deny')
          .map((s) => ({
            ...requestEvent(asked[i], 'active'),
            at: s.reviewedDateTime ?? asked[i].createdDateTime ?? '',
            action: s.reviewResult === 'Approve' ? ('approve' as const) : ('deny' as const),
            byId: s.reviewedBy?.id ?? undefined,
            justification: s.justification ?? undefined,
            outcome: s.reviewResult!,
            source: 'approval' as const,
          })),
  );
}

function sameEvent(a: Partial, b: Partial): boolean {
  return (
    a.action === b.action &&
    a.kind === b.kind &&
    a.role === b.role &&
    a.groupId.toLowerCase() === b.groupId.toLowerCase() &&
    a.principalId.toLowerCase() === b.principalId.toLowerCase() &&
    Math.abs(Date.parse(a.at) - Date.parse(b.at)) <= SAME_EVENT_MS
  );
}
