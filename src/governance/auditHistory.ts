// History from the directory audit log: the entries the PIM service writes for groups (loggedByService 'PIM',
// category 'GroupManagement'). They keep what request lists drop or never had: activations that ran out (expiry),
// approvals with their approver, and events whose requests have aged out of the lists. Reading them needs
// AuditLog.Read.All (and, signed in as a user, a reports or security reader role); without it history says so and
// goes on with the requests alone.
// The activity names are those the service writes for PIM for Groups; only the activation, deactivation and expiry
// names are confirmed in public material, the others follow the directory-role names (docs/sandbox.md).
import { paths } from '../graph/api/paths';
import { GraphRequestError } from '../graph/errors';
import type { GraphTransport } from '../graph/transport';
import type { HistoryAction, HistoryEvent } from './historyEvent';

export interface DirectoryAudit {
  id: string;
  activityDisplayName: string;
  activityDateTime: string;
  result?: string;
  resultReason?: string;
  initiatedBy?: { user?: { id?: string; displayName?: string; userPrincipalName?: string } | null };
  targetResources?: { id?: string; displayName?: string; type?: string; userPrincipalName?: string }[];
  additionalDetails?: { key?: string; value?: string }[];
}

const ACTIVITIES: [RegExp, HistoryAction, HistoryEvent['kind']][] = [
  [/^Add member to role completed \(PIM activation\)$/i, 'activate', 'active'],
  [/^Remove member from role completed \(PIM deactivate\)$/i, 'deactivate', 'active'],
  [/^Remove member from role \(PIM activation expired\)$/i, 'expire', 'active'],
  [/^Add member to role request approved \(PIM activation\)$/i, 'approve', 'active'],
  [/^Add member to role request denied \(PIM activation\)$/i, 'deny', 'active'],
  [/^Add eligible member to role in PIM completed/i, 'assign', 'eligible'],
  [/^Remove eligible member from role in PIM completed/i, 'remove', 'eligible'],
  [/^Add member to role in PIM completed/i, 'assign', 'active'],
  [/^Remove member from role in PIM completed/i, 'remove', 'active'],
];

export type AuditRead = { entries: DirectoryAudit[] } | { refused: string };

/** The PIM group entries since `since` (ISO), every page; a refusal (403, or 400 for an unlicensed tenant) is
 *  returned, not thrown, because the audit log is an addition to history, not its source. */
export async function readPimGroupAudits(t: GraphTransport, since: string, signal?: AbortSignal): Promise<AuditRead> {
  try {
    return { entries: await t.getAll<DirectoryAudit>(paths.pimGroupAudits(since), { signal }) };
  } catch (e) {
    if (e instanceof GraphRequestError && (e.status === 403 || e.status === 400 || e.status === 401))
      return { refused: e.message };
    throw e;
  }
}

/** An audit entry as a history event for one of `groupIds`; undefined for other groups and other activities. */
export function auditEvent(a: DirectoryAudit, groupIds: Set<string>): Omit<HistoryEvent, 'groupName'> | undefined {
  const match = ACTIVITIES.find(([re]) => re.test(a.activityDisplayName));
  if (!match) return undefined;
  const targets = a.targetResources ?? [];
  const group = [...targets].reverse().find((r) => r.type === 'Group' && groupIds.has((r.id ?? '').toLowerCase()));
  if (!group?.id) return undefined;
  const principal = targets.find((r) => r !== group && r.type !== 'Role' && r.id);
  const roleName = targets.find((r) => r.type === 'Role')?.displayName ?? '';
  const detail = (key: string) =>
    a.additionalDetails?.find((d) => d.key?.toLowerCase() === key.toLowerCase())?.value || undefined;
  const by = a.initiatedBy?.user;
  const ticket = { system: detail('ticketSystem'), number: detail('ticketNumber') };
  return {
    at: a.activityDateTime,
    action: match[1],
    kind: match[2],
    role: /owner/i.test(roleName) ? 'owner' : 'member',
    groupId: group.id,
    principalId: principal?.id ?? '',
    principalName: principal?.displayName ?? principal?.userPrincipalName ?? principal?.id ?? '',
    principalUpn: principal?.userPrincipalName ?? undefined,
    byId: by?.id ?? undefined,
    byName: by?.displayName ?? by?.userPrincipalName ?? undefined,
    start: detail('StartTime'),
    end: detail('ExpirationTime'),
    duration: detail('Duration'),
    justification: a.resultReason || undefined,
    ticket: ticket.system || ticket.number ? ticket : undefined,
    outcome: a.result ?? 'success',
    source: 'audit',
    requestId: detail('RequestId'),
  };
}
