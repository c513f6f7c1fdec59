import * as assert from 'node:assert/strict';
import { Client, PIM, withSandbox, groupIdOf, userIdOf, HOUR, DAY } from './harness';
import type { Sandbox } from '../../../src/sandbox';

describe('sandbox PIM approvals and policies', () => {
  let sb: Sandbox, admin: Client, reports: string, henry: string, megan: Client, henryClient: Client;
  beforeEach(async () => {
    ({ sb, admin } = await withSandbox());
    reports = groupIdOf(sb, 'PIM-Finance-Reports');
    henry = userIdOf(sb, 'henry@contoso.com');
    megan = admin.as('megan.manager@contoso.com');
    henryClient = admin.as('henry@contoso.com');
  });
  afterEach(() => sb.close());

  const pending = async () =>
    (await megan.get(`${PIM}/assignmentScheduleRequests/filterByCurrentUser(on='approver')`)).body.value.find(
      (r: { status: string }) => r.status === 'PendingApproval',
    );
  const members = async () =>
    (await admin.get(`/v1.0/groups/${reports}/members`)).body.value.map((m: { id: string }) => m.id);

  it('shows the seeded pending activation to its approver, approves it, and the member appears', async () => {
    const req = await pending();
    assert.equal(req.principalId, henry);
    assert.equal(req.approvalId, req.id);
    assert.ok(!(await members()).includes(henry));
    const approval = await megan.get(`${PIM}/assignmentApprovals/${req.approvalId}`);
    assert.equal(approval.status, 200);
    const stage = approval.body.stages[0];
    assert.deepEqual([stage.status, stage.reviewResult, stage.assignedToMe], ['InProgress', 'NotReviewed', true]);
    const r = await megan.patch(`${PIM}/assignmentApprovals/${req.approvalId}/stages/${stage.id}`, {
      reviewResult: 'Approve',
      justification: 'ok',
    });
    assert.equal(r.status, 204);
    assert.equal((await admin.get(`${PIM}/assignmentScheduleRequests/${req.id}`)).body.status, 'Provisioned');
    assert.ok((await members()).includes(henry));
    const again = await megan.patch(`${PIM}/assignmentApprovals/${req.approvalId}/steps/${stage.id}`, {
      reviewResult: 'Deny',
    });
    assert.equal(again.status, 409);
  });

  it('denies: the request becomes Denied and nobody is added', async () => {
    const req = await pending();
    const stage = (await megan.get(`${PIM}/assignmentApprovals/${req.id}`)).body.stages[0];
    assert.equal(
      (
        await megan.patch(`${PIM}/assignmentApprovals/${req.id}/stages/${stage.id}`, {
          reviewResult: 'deny',
          justification: 'not now',
        })
      ).status,
      204,
    );
    assert.equal((await admin.get(`${PIM}/assignmentScheduleRequests/${req.id}`)).body.status, 'Denied');
    assert.ok(!(await members()).includes(henry));
  });

  it('lets only an assigned approver decide (403 for others)', async () => {
    const req = await pending();
    const stage = (await megan.get(`${PIM}/assignmentApprovals/${req.id}`)).body.stages[0];
    const r = await admin
      .as('lead@contoso.com')
      .patch(`${PIM}/assignmentApprovals/${req.id}/stages/${stage.id}`, { reviewResult: 'Approve' });
    assert.equal(r.status, 403);
  });

  it('lets the requester cancel a pending activation (204) and refuses a second pending one', async () => {
    const req = await pending();
    const dup = await henryClient.post(`${PIM}/assignmentScheduleRequests`, {
      accessId: 'member',
      groupId: reports,
      principalId: henry,
      action: 'selfActivate',
      justification: 'again',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    });
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error.code, 'PendingRoleAssignmentRequest');
    assert.equal((await henryClient.post(`${PIM}/assignmentScheduleRequests/${req.id}/cancel`, undefined)).status, 204);
    assert.equal((await henryClient.get(`${PIM}/assignmentScheduleRequests/${req.id}`)).body.status, 'Canceled');
    const fresh = await henryClient.post(`${PIM}/assignmentScheduleRequests`, {
      accessId: 'member',
      groupId: reports,
      principalId: henry,
      action: 'selfActivate',
      justification: 'again',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    });
    assert.equal(fresh.status, 201);
    assert.equal(fresh.body.status, 'PendingApproval');
  });

  it('auto-denies an approval nobody answered within approvalStageTimeOutInDays', async () => {
    const req = await pending();
    sb.clock.advance(DAY + HOUR);
    assert.equal((await admin.get(`${PIM}/assignmentScheduleRequests/${req.id}`)).body.status, 'Denied');
  });

  it('changes policy ids when a group is onboarded by its first policy change', async () => {
    const leads = groupIdOf(sb, 'Helpdesk Leads');
    const q = `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${leads}' and scopeType eq 'Group' and roleDefinitionId eq 'member'`;
    const before = (await admin.get(q)).body.value[0].policyId;
    assert.match(before, new RegExp(`^Group_${leads}_[0-9a-f-]{36}$`));
    const patched = await admin.patch(`/v1.0/policies/roleManagementPolicies/${before}`, {
      rules: [
        {
          '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule',
          id: 'Expiration_EndUser_Assignment',
          isExpirationRequired: true,
          maximumDuration: 'PT2H',
          target: { caller: 'EndUser', operations: ['All'], level: 'Assignment' },
        },
      ],
    });
    assert.equal(patched.status, 200);
    const after = (await admin.get(q)).body.value[0].policyId;
    assert.notEqual(after, before);
    assert.equal(patched.body.id, after);
    assert.equal((await admin.get(`/v1.0/policies/roleManagementPolicies/${before}`)).status, 404);
    const rule = await admin.get(`/v1.0/policies/roleManagementPolicies/${after}/rules/Expiration_EndUser_Assignment`);
    assert.equal(rule.body.maximumDuration, 'PT2H');
    const resources = await admin.get('/beta/identityGovernance/privilegedAccess/group/resources');
    assert.ok(resources.body.value.some((r: { id: string }) => r.id === leads));
  });

  it('expands a policy assignment into its policy and the 17 rules with group defaults', async () => {
    const leads = groupIdOf(sb, 'Helpdesk Leads');
    const r = await admin.get(
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${leads}' and scopeType eq 'Group'&$expand=policy($expand=rules)`,
    );
    assert.equal(r.body.value.length, 2);
    const rules = r.body.value[0].policy.rules as Record<string, any>[];
    assert.equal(rules.length, 17);
    const byId = Object.fromEntries(rules.map((x) => [x.id, x]));
    assert.equal(byId.Expiration_Admin_Eligibility.maximumDuration, 'P365D');
    assert.equal(byId.Expiration_Admin_Assignment.maximumDuration, 'P180D');
    assert.deepEqual(byId.Enablement_EndUser_Assignment.enabledRules, ['Justification']);
    assert.equal(byId.Approval_EndUser_Assignment.setting.isApprovalRequired, false);
  });

  it('refuses a rule PATCH without @odata.type, and a policy lookup without the scope filter', async () => {
    const leads = groupIdOf(sb, 'Helpdesk Leads');
    const pid = (
      await admin.get(
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${leads}' and scopeType eq 'Group'`,
      )
    ).body.value[0].policyId;
    const r = await admin.patch(`/v1.0/policies/roleManagementPolicies/${pid}/rules/Expiration_EndUser_Assignment`, {
      maximumDuration: 'PT1H',
    });
    assert.equal(r.status, 400);
    assert.equal((await admin.get('/v1.0/policies/roleManagementPolicyAssignments')).status, 400);
    const untyped = await admin.patch(`/v1.0/policies/roleManagementPolicies/${pid}`, {
      rules: [{ id: 'Expiration_EndUser_Assignment', isExpirationRequired: true, maximumDuration: 'PT1H' }],
    });
    assert.equal(untyped.status, 400, 'a rule inside a policy PATCH also needs its derived type');
  });

  it('refuses rule properties the rule type does not define, and calendar durations in maximumDuration', async () => {
    const leads = groupIdOf(sb, 'Helpdesk Leads');
    const pid = (
      await admin.get(
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${leads}' and scopeType eq 'Group'`,
      )
    ).body.value[0].policyId;
    const url = `/v1.0/policies/roleManagementPolicies/${pid}/rules/Expiration_EndUser_Assignment`;
    const type = '#microsoft.graph.unifiedRoleManagementPolicyExpirationRule';
    const typo = await admin.patch(url, { '@odata.type': type, isExpirationRequred: true });
    assert.equal(typo.status, 400);
    assert.match(typo.body.error.message, /'isExpirationRequred' does not exist/);
    assert.equal((await admin.patch(url, { '@odata.type': type, maximumDuration: 'P1M' })).status, 400);
    assert.equal(
      (
        await admin.patch(url, {
          '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule',
          enabledRules: [],
        })
      ).status,
      400,
      'the type must match the rule',
    );
  });
});

describe('sandbox PIM details', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => ({ sb, admin } = await withSandbox()));
  afterEach(() => sb.close());

  it("requires the approver's justification when the stage says so", async () => {
    const megan = admin.as('megan.manager@contoso.com');
    const req = (await megan.get(`${PIM}/assignmentScheduleRequests/filterByCurrentUser(on='approver')`)).body.value[0];
    const stage = (await megan.get(`${PIM}/assignmentApprovals/${req.id}`)).body.stages[0];
    const r = await megan.patch(`${PIM}/assignmentApprovals/${req.id}/stages/${stage.id}`, { reviewResult: 'Approve' });
    assert.equal(r.status, 400);
  });

  it('refuses a property the type does not define (OData names are case-sensitive)', async () => {
    const r = await admin.post(`${PIM}/eligibilityScheduleRequests`, {
      action: 'adminAssign',
      accessId: 'member',
      groupId: groupIdOf(sb, 'PIM-Intune-Helpdesk'),
      principalID: userIdOf(sb, 'carol.contractor@contoso.com'),
    });
    assert.equal(r.status, 400);
    assert.match(
      r.body.error.message,
      /The property 'principalID' does not exist on type 'microsoft.graph.privilegedAccessGroupEligibilityScheduleRequest'/,
    );
  });

  it('starts a future-dated eligibility when its start arrives, and lets it be canceled before', async () => {
    const exchange = groupIdOf(sb, 'PIM-Exchange-Admins');
    const dave = userIdOf(sb, 'dave.contractor@contoso.com');
    const instances = async () =>
      (
        await admin.get(
          `${PIM}/eligibilityScheduleInstances?$filter=groupId eq '${exchange}' and principalId eq '${dave}'`,
        )
      ).body.value.length;
    const schedules = (
      await admin.get(
        `${PIM}/eligibilitySchedules?$filter=groupId eq '${exchange}' and principalId eq '${dave}'&$expand=principal($select=id,userPrincipalName)`,
      )
    ).body.value;
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0].principal.userPrincipalName, 'dave.contractor@contoso.com');
    assert.equal(await instances(), 0);
    sb.clock.advance(7 * DAY + HOUR);
    assert.equal(await instances(), 1);
  });

  it('lists the groups a user belongs to right now in memberOf (active, not eligible)', async () => {
    const names = async () =>
      (await admin.get('/v1.0/users/secops@contoso.com/memberOf?$select=displayName')).body.value.map(
        (g: { displayName: string }) => g.displayName,
      );
    assert.ok((await names()).includes('PIM-Exchange-Admins'));
    sb.clock.advance(13 * DAY);
    assert.ok(!(await names()).includes('PIM-Exchange-Admins'));
    const alice = await admin.as('alice@contoso.com').get('/v1.0/me/memberOf');
    assert.ok(!alice.body.value.some((g: { displayName: string }) => g.displayName === 'PIM-Intune-Helpdesk'));
  });

  it('lets a member of an eligible group activate for itself only (memberType Group)', async () => {
    const exchange = groupIdOf(sb, 'PIM-Exchange-Admins');
    const leads = groupIdOf(sb, 'Helpdesk Leads');
    const lead = userIdOf(sb, 'lead@contoso.com');
    const r = await admin.post(`${PIM}/eligibilityScheduleRequests`, {
      action: 'adminAssign',
      accessId: 'member',
      groupId: exchange,
      principalId: leads,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    });
    assert.equal(r.status, 201);
    const leadClient = admin.as('lead@contoso.com');
    const mine = (await leadClient.get(`${PIM}/eligibilitySchedules/filterByCurrentUser(on='principal')`)).body.value;
    assert.deepEqual(
      mine.map((x: { groupId: string; memberType: string; principalId: string }) => [
        x.groupId,
        x.memberType,
        x.principalId,
      ]),
      [[exchange, 'Group', lead]],
    );
    const act = await leadClient.post(`${PIM}/assignmentScheduleRequests`, {
      action: 'selfActivate',
      accessId: 'member',
      groupId: exchange,
      principalId: lead,
      justification: 'on call',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    });
    assert.equal(act.status, 201);
    const members = (await admin.get(`/v1.0/groups/${exchange}/members?$select=id`)).body.value.map(
      (m: { id: string }) => m.id,
    );
    assert.ok(members.includes(lead) && !members.includes(leads));
  });
});
