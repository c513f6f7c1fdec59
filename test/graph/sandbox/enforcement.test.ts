import * as assert from 'node:assert/strict';
import { Client, PIM, withSandbox, groupIdOf, userIdOf, MINUTE, HOUR, DAY } from './harness';
import type { Sandbox } from '../../../src/sandbox';

// Each rule the service enforces on a schedule request, with its exact status and error code.
describe('sandbox PIM enforcement', () => {
  let sb: Sandbox, admin: Client, helpdesk: string, alice: string, carol: string;
  beforeEach(async () => {
    ({ sb, admin } = await withSandbox());
    helpdesk = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    alice = userIdOf(sb, 'alice@contoso.com');
    carol = userIdOf(sb, 'carol.contractor@contoso.com');
  });
  afterEach(() => sb.close());

  const eligible = (body: Record<string, unknown>) =>
    admin.post(`${PIM}/eligibilityScheduleRequests`, {
      accessId: 'member',
      groupId: helpdesk,
      principalId: carol,
      action: 'adminAssign',
      justification: 'why',
      ...body,
    });
  const active = (body: Record<string, unknown>) =>
    admin.post(`${PIM}/assignmentScheduleRequests`, {
      accessId: 'member',
      groupId: helpdesk,
      principalId: carol,
      action: 'adminAssign',
      justification: 'why',
      ...body,
    });
  const expectError = (r: { status: number; body: any }, status: number, code: string, message?: RegExp) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.error.code, code);
    if (message) assert.match(r.body.error.message, message);
  };

  it('creates an eligibility with PascalCase enums and answers lowerCamel, with the 3-part schedule id', async () => {
    const r = await eligible({
      action: 'AdminAssign',
      scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'P30D' } },
    });
    assert.equal(r.status, 201);
    assert.equal(r.body.action, 'adminAssign');
    assert.equal(r.body.status, 'Provisioned');
    assert.equal(r.body.scheduleInfo.expiration.type, 'afterDuration');
    assert.equal(r.body.targetScheduleId, `${helpdesk}_member_${r.body.id}`);
  });

  it('refuses a permanent eligibility when the policy requires expiry (ExpirationRule)', async () => {
    expectError(
      await eligible({ scheduleInfo: { expiration: { type: 'noExpiration' } } }),
      400,
      'RoleAssignmentRequestPolicyValidationFailed',
      /^The following policy rules failed: ExpirationRule - The policy does not allow permanent assignment$/,
    );
  });

  it('refuses an eligibility longer than the policy maximum P365D (ExpirationRule)', async () => {
    expectError(
      await eligible({ scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P400D' } } }),
      400,
      'RoleAssignmentRequestPolicyValidationFailed',
      /ExpirationRule/,
    );
  });

  it('refuses year, month and week durations with InvalidRoleAssignmentRequest', async () => {
    for (const duration of ['P1Y', 'P6M', 'P2W']) {
      expectError(
        await eligible({ scheduleInfo: { expiration: { type: 'afterDuration', duration } } }),
        400,
        'InvalidRoleAssignmentRequest',
      );
    }
  });

  it('refuses an assignment shorter than 5 minutes with ActiveDurationTooShort', async () => {
    expectError(
      await active({ scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT4M' } } }),
      400,
      'ActiveDurationTooShort',
    );
  });

  it('requires a justification for an active assignment by default (JustificationRule)', async () => {
    expectError(
      await active({
        justification: undefined,
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } },
      }),
      400,
      'RoleAssignmentRequestPolicyValidationFailed',
      /^The following policy rules failed: JustificationRule - Justification is required$/,
    );
  });

  it('lists every failing rule in one error', async () => {
    expectError(
      await active({ justification: undefined, scheduleInfo: { expiration: { type: 'noExpiration' } } }),
      400,
      'RoleAssignmentRequestPolicyValidationFailed',
      /^The following policy rules failed: ExpirationRule - The policy does not allow permanent assignment, JustificationRule - Justification is required$/,
    );
  });

  it('refuses a second assignment of the same principal with RoleAssignmentExists', async () => {
    expectError(
      await admin.post(`${PIM}/eligibilityScheduleRequests`, {
        accessId: 'member',
        groupId: helpdesk,
        principalId: alice,
        action: 'adminAssign',
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
      }),
      400,
      'RoleAssignmentExists',
    );
  });

  it('refuses removing an assignment within 5 minutes of its creation, and allows it after', async () => {
    assert.equal(
      (await eligible({ scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } } })).status,
      201,
    );
    expectError(await eligible({ action: 'adminRemove' }), 400, 'ActiveDurationTooShort');
    sb.clock.advance(6 * MINUTE);
    const removed = await eligible({ action: 'adminRemove' });
    assert.equal(removed.status, 201);
    assert.equal(removed.body.status, 'Revoked');
  });

  // Requests refused for what they name (the assignment, the principal, the group), whatever the policy says.
  const P30D = { expiration: { type: 'afterDuration', duration: 'P30D' } };
  const NONE = '11111111-1111-4111-8111-111111111111';
  const namingRefusals: { what: string; body: () => Record<string, unknown>; status: number; code: string }[] = [
    {
      what: 'removal of a missing assignment',
      body: () => ({ action: 'adminRemove' }),
      status: 400,
      code: 'RoleAssignmentDoesNotExist',
    },
    {
      what: 'update of a missing assignment',
      body: () => ({ action: 'adminUpdate', scheduleInfo: P30D }),
      status: 400,
      code: 'RoleAssignmentDoesNotExist',
    },
    {
      what: 'an unknown principal',
      body: () => ({ principalId: NONE, scheduleInfo: P30D }),
      status: 400,
      code: 'SubjectNotFound',
    },
    {
      what: 'an unknown group',
      body: () => ({ groupId: NONE, scheduleInfo: P30D }),
      status: 404,
      code: 'ResourceNotFound',
    },
    {
      what: 'a dynamic group',
      body: () => ({ groupId: groupIdOf(sb, 'All Staff (dynamic)'), scheduleInfo: P30D }),
      status: 400,
      code: 'InvalidRoleAssignmentRequest',
    },
    {
      what: 'an on-premises-synced group',
      body: () => ({ groupId: groupIdOf(sb, 'Sales (synced)'), scheduleInfo: P30D }),
      status: 400,
      code: 'InvalidRoleAssignmentRequest',
    },
  ];
  for (const { what, body, status, code } of namingRefusals)
    it(`refuses ${what} with ${status} ${code}`, async () => expectError(await eligible(body()), status, code));

  it('refuses admin actions from a caller without a PIM role or ownership (403)', async () => {
    const r = await admin.as('alice@contoso.com').post(`${PIM}/eligibilityScheduleRequests`, {
      accessId: 'member',
      groupId: helpdesk,
      principalId: carol,
      action: 'adminAssign',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    });
    expectError(r, 403, 'UnauthorizedAccessException');
  });

  it('refuses self actions for another principal (403)', async () => {
    const r = await admin.as('bob@contoso.com').post(`${PIM}/assignmentScheduleRequests`, {
      accessId: 'member',
      groupId: helpdesk,
      principalId: alice,
      action: 'selfActivate',
      justification: 'x',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    });
    expectError(r, 403, 'UnauthorizedAccessException');
  });

  it('requires the $filter on groupId or principalId for schedule lists', async () => {
    for (const set of [
      'eligibilitySchedules',
      'eligibilityScheduleInstances',
      'assignmentSchedules',
      'assignmentScheduleInstances',
      'assignmentScheduleRequests',
    ]) {
      expectError(await admin.get(`${PIM}/${set}`), 400, 'BadRequest');
    }
  });

  describe('activation', () => {
    const activate = (c: Client, body: Record<string, unknown> = {}) =>
      c.post(`${PIM}/assignmentScheduleRequests`, {
        accessId: 'member',
        groupId: helpdesk,
        principalId: alice,
        action: 'selfActivate',
        justification: 'ticket 42',
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT2H' } },
        ...body,
      });
    let aliceClient: Client;
    beforeEach(() => {
      aliceClient = admin.as('alice@contoso.com');
    });
    const members = async () =>
      (await admin.get(`/v1.0/groups/${helpdesk}/members?$select=id`)).body.value.map((m: { id: string }) => m.id);

    it('activates an eligible member, who appears in /members until the activation ends', async () => {
      const r = await activate(aliceClient);
      assert.equal(r.status, 201);
      assert.equal(r.body.status, 'Provisioned');
      assert.ok((await members()).includes(alice));
      sb.clock.advance(2 * HOUR + MINUTE);
      assert.ok(!(await members()).includes(alice));
    });

    it('refuses an activation longer than the policy maximum (PT4H on this group)', async () => {
      expectError(
        await activate(aliceClient, { scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT5H' } } }),
        400,
        'RoleAssignmentRequestPolicyValidationFailed',
        /ExpirationRule/,
      );
    });

    it('refuses activation without eligibility with RoleAssignmentDoesNotExist', async () => {
      expectError(
        await activate(admin.as('carol.contractor@contoso.com'), { principalId: carol }),
        400,
        'RoleAssignmentDoesNotExist',
      );
    });

    it('requires MFA when the policy says so (MfaRule), and accepts a token with amr mfa', async () => {
      const pid = (
        await admin.get(
          `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${helpdesk}' and scopeType eq 'Group' and roleDefinitionId eq 'member'`,
        )
      ).body.value[0].policyId;
      const p = await admin.patch(`/v1.0/policies/roleManagementPolicies/${pid}/rules/Enablement_EndUser_Assignment`, {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule',
        id: 'Enablement_EndUser_Assignment',
        enabledRules: ['Justification', 'MultiFactorAuthentication'],
      });
      assert.equal(p.status, 204);
      expectError(
        await activate(aliceClient),
        400,
        'RoleAssignmentRequestPolicyValidationFailed',
        /MfaRule - Multi-factor authentication is required/,
      );
      assert.equal((await activate(admin.as('alice@contoso.com', { mfa: true }))).status, 201);
    });

    it('requires a ticket when Ticketing is enabled (TicketingRule)', async () => {
      const pid = (
        await admin.get(
          `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${helpdesk}' and scopeType eq 'Group' and roleDefinitionId eq 'member'`,
        )
      ).body.value[0].policyId;
      await admin.patch(`/v1.0/policies/roleManagementPolicies/${pid}/rules/Enablement_EndUser_Assignment`, {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyEnablementRule',
        enabledRules: ['Ticketing'],
      });
      expectError(await activate(aliceClient), 400, 'RoleAssignmentRequestPolicyValidationFailed', /TicketingRule/);
      assert.equal(
        (await activate(aliceClient, { ticketInfo: { ticketNumber: 'INC-1', ticketSystem: 'Jira' } })).status,
        201,
      );
    });

    it('requires the authentication context claim (RoleAssignmentRequestAcrsValidationFailed)', async () => {
      const pid = (
        await admin.get(
          `/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '${helpdesk}' and scopeType eq 'Group' and roleDefinitionId eq 'member'`,
        )
      ).body.value[0].policyId;
      await admin.patch(`/v1.0/policies/roleManagementPolicies/${pid}/rules/AuthenticationContext_EndUser_Assignment`, {
        '@odata.type': '#microsoft.graph.unifiedRoleManagementPolicyAuthenticationContextRule',
        isEnabled: true,
        claimValue: 'c1',
      });
      expectError(await activate(aliceClient), 400, 'RoleAssignmentRequestAcrsValidationFailed');
      assert.equal((await activate(admin.as('alice@contoso.com', { acrs: ['c1'] }))).status, 201);
    });

    it('refuses a second activation while one is active (RoleAssignmentExists), deactivates after 5 minutes', async () => {
      assert.equal((await activate(aliceClient)).status, 201);
      expectError(await activate(aliceClient), 400, 'RoleAssignmentExists');
      expectError(
        await aliceClient.post(`${PIM}/assignmentScheduleRequests`, {
          accessId: 'member',
          groupId: helpdesk,
          principalId: alice,
          action: 'selfDeactivate',
        }),
        400,
        'ActiveDurationTooShort',
      );
      sb.clock.advance(10 * MINUTE);
      const off = await aliceClient.post(`${PIM}/assignmentScheduleRequests`, {
        accessId: 'member',
        groupId: helpdesk,
        principalId: alice,
        action: 'selfDeactivate',
      });
      assert.equal(off.status, 201);
      assert.equal(off.body.status, 'Revoked');
      assert.ok(!(await members()).includes(alice));
    });

    it('lets eligibility expire with the clock', async () => {
      sb.clock.advance(21 * DAY);
      expectError(await activate(aliceClient), 400, 'RoleAssignmentDoesNotExist');
    });
  });
});
