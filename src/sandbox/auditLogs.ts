// auditLogs/directoryAudits for PIM for Groups: the entries the PIM service writes (loggedByService 'PIM', category
// 'GroupManagement'), derived on read from the requests, approvals and schedules the sandbox holds, so they always
// agree with them and need no state of their own. Retention, permissions and paging follow the audit log's pages:
//  - entries older than 30 days are gone (the retention of Entra ID P1/P2 tenants, DOC);
//  - AuditLog.Read.All, and in delegated calls one of the reader roles below (DOC); others get 403;
//  - $filter (eq on service/category/activity, ge/le on activityDateTime, targetResources/any), $top, nextLink.
// UNCONFIRMED: the activity names other than the activation, deactivation and expiry ones seen in public scripts,
// the order and types of targetResources, the additionalDetails keys, and the default page size (100).
import { holdsRole } from './effectiveRoles';
import { GraphError } from './graphError';
import { guidFrom } from './ids';
import { collection } from './odata';
import { route, Route } from './router';
import type { SbCtx } from './context';
import type { SbRequest, SbSchedule, SbState } from './types';

const RETENTION_MS = 30 * 86_400_000;
const READER_ROLES = [
  'Global Administrator',
  'Global Reader',
  'Reports Reader',
  'Security Administrator',
  'Security Operator',
  'Security Reader',
];

/** activityDisplayName for each request action that completed (the service logs completion, not submission). */
function activityOf(r: SbRequest): string | undefined {
  const timed = r.scheduleInfo?.expiration.type === 'noExpiration' ? 'permanent' : 'timebound';
  if (r.kind === 'assignment') {
    if (r.action === 'selfActivate') return 'Add member to role completed (PIM activation)';
    if (r.action === 'selfDeactivate') return 'Remove member from role completed (PIM deactivate)';
    if (r.action === 'adminAssign') return `Add member to role in PIM completed (${timed})`;
    if (r.action === 'adminRemove') return 'Remove member from role in PIM completed';
  } else {
    if (r.action === 'adminAssign') return `Add eligible member to role in PIM completed (${timed})`;
    if (r.action === 'adminRemove') return 'Remove eligible member from role in PIM completed';
  }
  return undefined;
}

interface Entry {
  key: string;
  at: string;
  activity: string;
  byUser?: string;
  groupId: string;
  principalId: string;
  accessId: string;
  reason: string;
  details: Record<string, string | null | undefined>;
}

function entries(state: SbState, now: number): Entry[] {
  const out: Entry[] = [];
  for (const r of Object.values(state.requests)) {
    const activity = activityOf(r);
    const base = { groupId: r.groupId, principalId: r.principalId, accessId: r.accessId };
    const details = {
      RequestId: r.id,
      StartTime: r.scheduleInfo?.startDateTime,
      ExpirationTime: r.scheduleInfo?.expiration.endDateTime,
      Duration: r.scheduleInfo?.expiration.duration,
      ticketNumber: r.ticketInfo.ticketNumber,
      ticketSystem: r.ticketInfo.ticketSystem,
    };
    if (activity && r.status === 'Provisioned' && !r.isValidationOnly)
      out.push({
        ...base,
        key: `request:${r.id}`,
        at: r.completedDateTime ?? r.createdDateTime,
        activity,
        byUser: r.createdById,
        reason: r.justification ?? '',
        details,
      });
    for (const s of state.approvals[r.approvalId ?? '']?.stages ?? []) {
      if (s.status !== 'Completed' || !s.reviewedDateTime || s.reviewResult === 'NotReviewed') continue;
      out.push({
        ...base,
        key: `approval:${r.id}:${s.id}`,
        at: s.reviewedDateTime,
        activity: `Add member to role request ${s.reviewResult === 'Approve' ? 'approved' : 'denied'} (PIM activation)`,
        byUser: s.reviewedById ?? undefined,
        reason: s.justification,
        details,
      });
    }
  }
  for (const s of Object.values(state.schedules)) if (expiredActivation(s, now)) out.push(expiry(s));
  return out;
}

/** An activation that ran to its end (not one deactivated or cancelled before). */
function expiredActivation(s: SbSchedule, now: number): boolean {
  if (s.kind !== 'assignment' || s.assignmentType !== 'activated' || !s.endDateTime) return false;
  const end = Date.parse(s.endDateTime);
  return end <= now && (!s.removedDateTime || Date.parse(s.removedDateTime) >= end);
}

function expiry(s: SbSchedule): Entry {
  return {
    key: `expiry:${s.id}`,
    at: s.endDateTime!,
    activity: 'Remove member from role (PIM activation expired)',
    groupId: s.groupId,
    principalId: s.principalId,
    accessId: s.accessId,
    reason: '',
    details: { StartTime: s.startDateTime, ExpirationTime: s.endDateTime },
  };
}

function view(state: SbState, e: Entry): Record<string, unknown> {
  const user = e.byUser ? state.users[e.byUser] : undefined;
  const principal = state.users[e.principalId] ?? state.groups[e.principalId] ?? state.servicePrincipals[e.principalId];
  const principalType = state.users[e.principalId]
    ? 'User'
    : state.groups[e.principalId]
      ? 'Group'
      : 'ServicePrincipal';
  return {
    id: guidFrom(`audit:${e.key}`),
    category: 'GroupManagement',
    correlationId: guidFrom(`audit-correlation:${e.details.RequestId ?? e.key}`),
    result: 'success',
    resultReason: e.reason,
    activityDisplayName: e.activity,
    activityDateTime: e.at,
    loggedByService: 'PIM',
    operationType: /^Remove/.test(e.activity) ? 'Unassign' : 'Assign',
    initiatedBy: user
      ? {
          user: {
            id: user.id,
            displayName: user.displayName,
            userPrincipalName: user.userPrincipalName,
            ipAddress: null,
          },
          app: null,
        }
      : {
          user: null,
          app: { appId: null, displayName: 'MS-PIM', servicePrincipalId: null, servicePrincipalName: null },
        },
    targetResources: [
      { id: e.accessId, displayName: e.accessId === 'owner' ? 'Owner' : 'Member', type: 'Role' },
      {
        id: e.principalId,
        displayName: principal?.displayName ?? null,
        type: principalType,
        userPrincipalName: principalType === 'User' ? state.users[e.principalId].userPrincipalName : null,
      },
      { id: e.groupId, displayName: state.groups[e.groupId]?.displayName ?? null, type: 'Group' },
    ],
    additionalDetails: Object.entries(e.details)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([key, value]) => ({ key, value })),
  };
}

function canRead(ctx: SbCtx): void {
  // The permission (AuditLog.Read.All) is checked with the others (permissions.ts); a user also needs a reader role.
  if (!ctx.claims.appOnly && !holdsRole(ctx.state, ctx.caller, READER_ROLES, ctx.clock.now()))
    throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

export const auditLogRoutes: Route[] = [
  route('GET', '/auditLogs/directoryAudits', (ctx) => {
    canRead(ctx);
    const now = ctx.clock.now().getTime();
    const rows = entries(ctx.state, now)
      .filter((e) => Date.parse(e.at) <= now && now - Date.parse(e.at) <= RETENTION_MS)
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((e) => view(ctx.state, e));
    return collection(ctx, rows, { entitySet: 'auditLogs/directoryAudits', pageSize: 100 });
  }),
];
