// The `demo` seed: the tenant of docs/demo-tenant.md, half-way through adopting PIM for Groups. Times are relative
// to the sandbox clock's start so the seeded eligibilities are current whenever the sandbox starts.
import { addGroup, addSchedule, addUser, emptyState } from './build';
import { CONTOSO } from './empty';
import { seedDemoBindings } from './demoBindings';
import { defaultRules } from '../policyDefaults';
import { newGuid } from '../ids';
import type { SbRule, SbState } from '../types';

const DAY = 86_400_000;

export function demoSeed(now: Date): SbState {
  const s = emptyState('demo', { ...CONTOSO });
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const u = {
    admin: addUser(s, 'admin@contoso.com', 'Adele Vance (Admin)', {
      jobTitle: 'IT Administrator',
      department: 'IT',
      officeLocation: 'Sydney',
      businessPhones: ['+61 2 5550 0100'],
      mobilePhone: '+61 400 555 010',
      directoryRoles: ['Privileged Role Administrator'],
    }),
    lead: addUser(s, 'lead@contoso.com', 'Lee Gu', {
      jobTitle: 'Helpdesk Lead',
      department: 'IT',
      businessPhones: ['+61 2 5550 0120'],
    }),
    alice: addUser(s, 'alice@contoso.com', 'Alice Ward', { jobTitle: 'Helpdesk Operator', department: 'IT' }),
    bob: addUser(s, 'bob@contoso.com', 'Bob Stone', { jobTitle: 'Helpdesk Operator', department: 'IT' }),
    carol: addUser(s, 'carol.contractor@contoso.com', 'Carol Diaz (Contractor)', {
      jobTitle: 'Cloud Engineer (contract)',
      department: 'Engineering',
    }),
    dave: addUser(s, 'dave.contractor@contoso.com', 'Dave Kim (Contractor)', {
      jobTitle: 'Developer (contract)',
      department: 'Engineering',
    }),
    erin: addUser(s, 'erin_fabrikam.com#EXT#@contoso.com', 'Erin Lopez (Fabrikam)', { jobTitle: 'Partner PM' }),
    frank: addUser(s, 'frank@contoso.com', 'Frank Miller', {
      jobTitle: 'Sales Director',
      department: 'Sales',
      officeLocation: 'Sydney',
    }),
    grace: addUser(s, 'grace@contoso.com', 'Grace Taylor', {
      jobTitle: 'Account Executive',
      department: 'Sales',
      officeLocation: 'Melbourne',
    }),
    megan: addUser(s, 'megan.manager@contoso.com', 'Megan Bowen', {
      jobTitle: 'Finance Manager',
      department: 'Finance',
    }),
    henry: addUser(s, 'henry@contoso.com', 'Henry Ross', { jobTitle: 'Financial Analyst', department: 'Finance' }),
    secops: addUser(s, 'secops@contoso.com', 'Security Operations', { jobTitle: null, department: 'Security' }),
  };
  const created = at(-120).replace(/\.\d{3}Z$/, 'Z');
  const by = u.admin.id;
  const permanent = (group: ReturnType<typeof addGroup>, principal: { id: string }, accessId: 'member' | 'owner') =>
    addSchedule(s, { kind: 'assignment', group, principal, accessId, start: at(-120), end: null, createdById: by });

  const leads = addGroup(s, 'Helpdesk Leads', created, { description: 'Helpdesk team leads (approvers)' });
  permanent(leads, u.lead, 'member');
  const finance = addGroup(s, 'Finance Approvers', created, { description: 'Approve finance and licence requests' });
  permanent(finance, u.megan, 'member');
  addGroup(s, 'Emergency Access', created, { description: 'Break-glass accounts excluded from Conditional Access' });

  const intune = addGroup(s, 'PIM-Intune-Helpdesk', created, {
    description: 'JIT Intune helpdesk operators',
    pimOnboarded: true,
  });
  overridePolicy(
    s,
    intune.id,
    'member',
    { id: 'Expiration_EndUser_Assignment', maximumDuration: 'PT4H' },
    u.admin,
    at(-60),
  );
  for (const p of [u.alice, u.bob]) {
    addSchedule(s, {
      kind: 'eligibility',
      group: intune,
      principal: p,
      accessId: 'member',
      start: at(-10),
      end: at(20),
      justification: 'Helpdesk rota',
      createdById: by,
    });
  }

  const exchange = addGroup(s, 'PIM-Exchange-Admins', created, {
    description: 'JIT Exchange administration',
    pimOnboarded: true,
  });
  addSchedule(s, {
    kind: 'eligibility',
    group: exchange,
    principal: u.grace,
    accessId: 'member',
    start: at(-30),
    end: at(60),
    justification: 'Mail flow support',
    createdById: by,
  });
  addSchedule(s, {
    kind: 'assignment',
    group: exchange,
    principal: u.secops,
    accessId: 'member',
    start: at(-2),
    end: at(12),
    justification: 'Incident 4711 mailbox search',
    createdById: by,
  });
  addSchedule(s, {
    kind: 'eligibility',
    group: exchange,
    principal: u.dave,
    accessId: 'member',
    start: at(7),
    end: at(37),
    justification: 'Migration project (starts next week)',
    createdById: by,
  });
  permanent(exchange, u.admin, 'owner');

  const reports = addGroup(s, 'PIM-Finance-Reports', created, {
    description: 'Finance reporting workspace',
    groupTypes: ['Unified'],
    mailNickname: 'finance-reports',
    pimOnboarded: true,
  });
  permanent(reports, u.megan, 'owner');
  overridePolicy(
    s,
    reports.id,
    'member',
    {
      id: 'Approval_EndUser_Assignment',
      setting: {
        isApprovalRequired: true,
        isApprovalRequiredForExtension: false,
        isRequestorJustificationRequired: true,
        approvalMode: 'SingleStage',
        approvalStages: [
          {
            approvalStageTimeOutInDays: 1,
            isApproverJustificationRequired: true,
            escalationTimeInMinutes: 0,
            isEscalationEnabled: false,
            primaryApprovers: [
              { '@odata.type': '#microsoft.graph.singleUser', isBackup: false, userId: u.megan.id, description: null },
            ],
            escalationApprovers: [],
          },
        ],
      },
    },
    u.admin,
    at(-60),
  );
  addSchedule(s, {
    kind: 'eligibility',
    group: reports,
    principal: u.henry,
    accessId: 'member',
    start: at(-5),
    end: at(25),
    justification: 'Quarter-end reporting',
    createdById: by,
  });
  pendingActivation(s, reports.id, u.henry.id, u.megan.id, now);

  addGroup(s, 'All Staff (dynamic)', created, {
    description: 'Every enabled employee',
    groupTypes: ['DynamicMembership'],
    membershipRule: '(user.accountEnabled -eq true) and (user.userType -eq "Member")',
    membershipRuleProcessingState: 'On',
    staticMembers: Object.values(u)
      .filter((x) => x.userType === 'Member')
      .map((x) => x.id),
  });
  addGroup(s, 'Sales (synced)', created, {
    description: 'Synced from on-premises AD',
    onPremisesSyncEnabled: true,
    staticMembers: [u.frank.id, u.grace.id],
  });

  s.servicePrincipals['5b1f7c2e-9d3a-4f6b-8c1d-2e3f4a5b6c7d'] = {
    id: '5b1f7c2e-9d3a-4f6b-8c1d-2e3f4a5b6c7d',
    appId: '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    displayName: 'pim-groups-pipeline',
    servicePrincipalType: 'Application',
    accountEnabled: true,
  };
  seedDemoBindings(s);
  return s;
}

function overridePolicy(
  s: SbState,
  groupId: string,
  role: 'member' | 'owner',
  patch: Partial<SbRule> & { id: string },
  by: { id: string; displayName: string },
  when: string,
) {
  const base = defaultRules().find((r) => r.id === patch.id)!;
  const key = `${groupId}|${role}`;
  const p =
    s.policies[key] ??
    (s.policies[key] = {
      groupId,
      roleDefinitionId: role,
      lastModifiedDateTime: when,
      lastModifiedBy: { id: by.id, displayName: by.displayName },
      overrides: {},
    });
  p.overrides[patch.id] = { ...base, ...patch } as SbRule;
}

/** Henry's activation of PIM-Finance-Reports, waiting for Megan's approval. */
function pendingActivation(s: SbState, groupId: string, principalId: string, approverId: string, now: Date) {
  const id = newGuid(s);
  const iso = new Date(now.getTime() - 20 * 60_000).toISOString();
  s.requests[id] = {
    kind: 'assignment',
    id,
    status: 'PendingApproval',
    action: 'selfActivate',
    createdDateTime: iso,
    completedDateTime: null,
    approvalId: id,
    createdById: principalId,
    isValidationOnly: false,
    justification: 'Quarter-end close: need the finance reports workspace',
    scheduleInfo: { startDateTime: iso, expiration: { type: 'afterDuration', endDateTime: null, duration: 'PT4H' } },
    ticketInfo: { ticketNumber: 'CHG-0042', ticketSystem: 'ServiceNow' },
    principalId,
    accessId: 'member',
    groupId,
    targetScheduleId: `${groupId}_member_${id}`,
  };
  s.approvals[id] = {
    id,
    requestId: id,
    stages: [
      {
        id: newGuid(s),
        displayName: null,
        reviewedDateTime: null,
        reviewResult: 'NotReviewed',
        status: 'InProgress',
        justification: '',
        reviewedById: null,
        approverIds: [approverId],
        justificationRequired: true,
        timeOutDateTime: new Date(now.getTime() + 86_400_000 - 20 * 60_000).toISOString(),
      },
    ],
  };
}
