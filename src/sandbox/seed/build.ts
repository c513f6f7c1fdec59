// Building blocks for seeds: objects with ids derived from (seed, kind, natural key), so the demo tenant's ids are
// stable across versions of the seed code and identical in every sandbox.
import { guidFrom } from '../ids';
import { touch } from '../pimIndex';
import type { AccessId, SbGroup, SbSchedule, SbState, SbUser } from '../types';

export function emptyState(seed: string, tenant: SbState['tenant']): SbState {
  return {
    version: 1,
    seed,
    tenant,
    idCounter: 0,
    users: {},
    groups: {},
    servicePrincipals: {},
    requests: {},
    schedules: {},
    approvals: {},
    policies: {},
    conditionalAccessPolicies: {},
    authenticationContexts: {},
    subscribedSkus: {},
    intune: { roleDefinitions: {}, roleAssignments: {}, scopeTags: {} },
    azure: { subscriptions: {}, roleDefinitions: {}, roleAssignments: {} },
  };
}

export const userId = (seed: string, upn: string) => guidFrom(`${seed}:user:${upn.toLowerCase()}`);
export const groupId = (seed: string, name: string) => guidFrom(`${seed}:group:${name}`);

export function addUser(state: SbState, upn: string, displayName: string, extra: Partial<SbUser> = {}): SbUser {
  const [given, ...rest] = displayName.replace(/\s*\(.*\)$/, '').split(' ');
  const u: SbUser = {
    id: userId(state.seed, upn),
    userPrincipalName: upn,
    displayName,
    givenName: given ?? null,
    surname: rest.join(' ') || null,
    mail: upn.includes('#EXT#') ? upn.replace(/#EXT#@.*$/, '').replace(/_([^_]+)$/, '@$1') : upn,
    jobTitle: null,
    department: null,
    officeLocation: null,
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: 'en-US',
    userType: upn.includes('#EXT#') ? 'Guest' : 'Member',
    accountEnabled: true,
    directoryRoles: [],
    ...extra,
  };
  state.users[u.id] = u;
  touch(state);
  return u;
}

export function addGroup(state: SbState, displayName: string, created: string, extra: Partial<SbGroup> = {}): SbGroup {
  const id = groupId(state.seed, displayName);
  const unified = extra.groupTypes?.includes('Unified') ?? false;
  const nick =
    extra.mailNickname ??
    displayName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-|-$/g, '');
  const g: SbGroup = {
    id,
    displayName,
    description: null,
    mailEnabled: unified,
    mailNickname: nick,
    mail: unified ? `${nick}@${state.tenant.domain}` : null,
    securityEnabled: !unified || extra.securityEnabled === true,
    groupTypes: [],
    isAssignableToRole: null,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesSyncEnabled: null,
    visibility: unified ? 'Private' : null,
    createdDateTime: created,
    renewedDateTime: created,
    securityIdentifier: `S-1-12-1-${parseInt(id.slice(0, 8), 16)}-${parseInt(id.slice(9, 13), 16)}`,
    assignedLicenses: [],
    pimOnboarded: false,
    staticMembers: [],
    ...extra,
  };
  state.groups[id] = g;
  touch(state);
  return g;
}

export interface SeedSchedule {
  kind: 'eligibility' | 'assignment';
  group: SbGroup;
  principal: { id: string };
  accessId: AccessId;
  start: string;
  /** ISO end, or null for permanent. */
  end: string | null;
  assignmentType?: 'assigned' | 'activated';
  justification?: string;
  createdById: string;
}

/** A schedule with the request that created it, as if made through the API in the past. */
export function addSchedule(state: SbState, s: SeedSchedule): SbSchedule {
  const requestId = guidFrom(
    `${state.seed}:request:${s.kind}:${s.group.id}:${s.principal.id}:${s.accessId}:${s.assignmentType ?? ''}`,
  );
  const id = `${s.group.id}_${s.accessId}_${requestId}`;
  const schedule: SbSchedule = {
    kind: s.kind,
    id,
    principalId: s.principal.id,
    groupId: s.group.id,
    accessId: s.accessId,
    assignmentType: s.kind === 'assignment' ? (s.assignmentType ?? 'assigned') : null,
    startDateTime: s.start,
    endDateTime: s.end,
    expirationType: s.end ? 'afterDateTime' : 'noExpiration',
    duration: null,
    createdDateTime: s.start,
    modifiedDateTime: null,
    createdUsing: requestId,
    activatedUsing: null,
    removedDateTime: null,
  };
  state.schedules[id] = schedule;
  touch(state);
  state.requests[requestId] = {
    kind: s.kind,
    id: requestId,
    status: 'Provisioned',
    action: s.assignmentType === 'activated' ? 'selfActivate' : 'adminAssign',
    createdDateTime: s.start,
    completedDateTime: s.start,
    approvalId: null,
    createdById: s.createdById,
    isValidationOnly: false,
    justification: s.justification ?? null,
    scheduleInfo: {
      startDateTime: s.start,
      expiration: {
        type: schedule.expirationType,
        endDateTime: s.end ? s.end.replace(/\.\d{3}Z$/, 'Z') : null,
        duration: null,
      },
    },
    ticketInfo: { ticketNumber: null, ticketSystem: null },
    principalId: s.principal.id,
    accessId: s.accessId,
    groupId: s.group.id,
    targetScheduleId: id,
  };
  return schedule;
}
