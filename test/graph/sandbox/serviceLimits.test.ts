import * as assert from 'node:assert/strict';
import { Client, PIM, withSandbox, userIdOf, MINUTE } from './harness';
import type { Sandbox } from '../../../src/sandbox';

// Two service rules the plan warns about, modelled so the sandbox is never more lenient than Entra.
describe('sandbox: the last owner and the 24-hour approval window', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => {
    ({ sb, admin } = await withSandbox());
  });
  afterEach(() => sb.close());

  const owner = (groupId: string, principalId: string, action: string) =>
    admin.post(`${PIM}/assignmentScheduleRequests`, {
      accessId: 'owner',
      groupId,
      principalId,
      action,
      justification: 'standing owner',
      ...(action === 'adminAssign'
        ? { scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } } }
        : {}),
    });

  it("refuses to remove a group's last owner through PIM, and removes an owner when another remains", async () => {
    const created = await admin.post('/v1.0/groups', {
      displayName: 'SEM-Owners',
      mailEnabled: false,
      mailNickname: 'sem-owners',
      securityEnabled: true,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const g = created.body.id as string;
    const carol = userIdOf(sb, 'carol.contractor@contoso.com');
    const alice = userIdOf(sb, 'alice@contoso.com');
    assert.equal((await owner(g, carol, 'adminAssign')).status, 201);
    sb.clock.advance(10 * MINUTE);
    const last = await owner(g, carol, 'adminRemove');
    assert.equal(last.status, 400, JSON.stringify(last.body));
    assert.match(last.body.error.message, /last owner of a group cannot be removed/);
    assert.deepEqual(
      (await admin.get(`/v1.0/groups/${g}/owners`)).body.value.map((o: { id: string }) => o.id),
      [carol],
      'the owner stays',
    );
    assert.equal((await owner(g, alice, 'adminAssign')).status, 201);
    sb.clock.advance(10 * MINUTE);
    assert.equal((await owner(g, carol, 'adminRemove')).status, 201);
  });

  it('accepts approvalStageTimeOutInDays 1 only: approvers have 24 hours, not configurable', async () => {
    const g = Object.values(sb.state.groups).find((x) => x.displayName === 'PIM-Intune-Helpdesk')!.id;
    const pid = (
      await admin.get(
        `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${g}' and scopeType eq 'Group'`,
      )
    ).body.value[0].policyId;
    const rule = (await admin.get(`/v1.0/policies/roleManagementPolicies/${pid}/rules/Approval_EndUser_Assignment`))
      .body;
    const withTimeout = (days: number) => ({
      ...rule,
      setting: {
        ...rule.setting,
        approvalStages: rule.setting.approvalStages.map((s: object) => ({ ...s, approvalStageTimeOutInDays: days })),
      },
    });
    const refused = await admin.patch(
      `/v1.0/policies/roleManagementPolicies/${pid}/rules/Approval_EndUser_Assignment`,
      withTimeout(2),
    );
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    // The service names no field: an invalid policy is `InvalidPolicy` "The policy is invalid." (docs/sandbox.md).
    assert.equal(refused.body.error.code, 'InvalidPolicy', JSON.stringify(refused.body));
    assert.equal(
      (
        await admin.patch(
          `/v1.0/policies/roleManagementPolicies/${pid}/rules/Approval_EndUser_Assignment`,
          withTimeout(1),
        )
      ).status,
      204,
    );
  });
});
