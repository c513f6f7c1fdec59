import * as assert from 'node:assert/strict';
import { Client, PIM, withSandbox, groupIdOf, userIdOf, HOUR } from './harness';
import type { Sandbox } from '../../../src/sandbox';

const SUB = '8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const ARM_RA = (scope: string, name: string) =>
  `/arm${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`;

describe('sandbox bindings: Intune, licences, Conditional Access, Teams, Azure RBAC', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => ({ sb, admin } = await withSandbox()));
  afterEach(() => sb.close());

  it('assigns an Intune role to a PIM group (beta, with roleDefinition@odata.bind and scope tags)', async () => {
    const defs = await admin.get('/beta/deviceManagement/roleDefinitions');
    const helpdeskRole = defs.body.value.find((d: { displayName: string }) => d.displayName === 'Help Desk Operator');
    const g = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    const r = await admin.post('/beta/deviceManagement/roleAssignments', {
      '@odata.type': '#microsoft.graph.deviceAndAppManagementRoleAssignment',
      displayName: 'Helpdesk (PIM)',
      members: [g],
      resourceScopes: [g],
      roleScopeTagIds: ['1'],
      'roleDefinition@odata.bind': `https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('${helpdeskRole.id}')`,
    });
    assert.equal(r.status, 201);
    const listed = await admin.get(`/beta/deviceManagement/roleDefinitions('${helpdeskRole.id}')/roleAssignments`);
    assert.deepEqual(
      listed.body.value.map((a: { id: string }) => a.id),
      [r.body.id],
    );
    const bad = await admin.post('/beta/deviceManagement/roleAssignments', {
      displayName: 'x',
      members: ['not-a-group'],
    });
    assert.equal(bad.status, 400);
  });

  it('assigns licences to a group (202 + Location) and refuses unknown SKUs and removing what is not assigned', async () => {
    const g = groupIdOf(sb, 'Finance Approvers');
    const skus = await admin.get('/v1.0/subscribedSkus');
    const flow = skus.body.value.find((s: { skuPartNumber: string }) => s.skuPartNumber === 'FLOW_FREE');
    const r = await admin.post(`/v1.0/groups/${g}/assignLicense`, {
      addLicenses: [{ skuId: flow.skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
    assert.equal(r.status, 202);
    assert.match(
      r.headers.get('location') ?? '',
      new RegExp(`directoryObjects/${g}/Microsoft.DirectoryServices.Group$`),
    );
    const lic = await admin.get(`/v1.0/groups/${g}?$select=assignedLicenses`);
    assert.deepEqual(lic.body.assignedLicenses, [{ skuId: flow.skuId, disabledPlans: [] }]);
    const unknown = await admin.post(`/v1.0/groups/${g}/assignLicense`, {
      addLicenses: [{ skuId: '00000000-0000-4000-8000-000000000000', disabledPlans: [] }],
      removeLicenses: [],
    });
    assert.equal(unknown.status, 400);
    const notAssigned = await admin.post(`/v1.0/groups/${g}/assignLicense`, {
      addLicenses: [],
      removeLicenses: ['eec0eb4f-6444-4f95-aba0-50c24d67f998'],
    });
    assert.equal(notAssigned.status, 400);
  });

  it("flags groups whose members exceed a SKU's free units (hasMembersWithLicenseErrors)", async () => {
    const g = groupIdOf(sb, 'All Staff (dynamic)');
    await admin.post(`/v1.0/groups/${g}/assignLicense`, {
      addLicenses: [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', disabledPlans: [] }],
      removeLicenses: [],
    });
    const r = await admin.get('/v1.0/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id');
    assert.deepEqual(
      r.body.value.map((x: { id: string }) => x.id),
      [g],
    );
  });

  it("patches a Conditional Access policy's excludeGroups (204) and refuses unknown groups", async function () {
    // Conditional Access allows one request per second per tenant (throttleCa.test.ts): three calls need over 2 s.
    this.timeout(10_000);
    const second = () => new Promise((r) => setTimeout(r, 1010));
    const list = await admin.get('/v1.0/identity/conditionalAccess/policies');
    const block = list.body.value.find((p: { displayName: string }) => p.displayName.startsWith('Block'));
    const travellers = (
      await admin.post('/v1.0/groups', {
        displayName: 'PIM-CA-Travellers',
        mailEnabled: false,
        mailNickname: 'pim-ca-travellers',
        securityEnabled: true,
      })
    ).body.id;
    const excluded = [...block.conditions.users.excludeGroups, travellers];
    await second();
    assert.equal(
      (
        await admin.patch(`/v1.0/identity/conditionalAccess/policies/${block.id}`, {
          conditions: { users: { excludeGroups: excluded } },
        })
      ).status,
      204,
    );
    await second();
    const after = await admin.get(`/v1.0/identity/conditionalAccess/policies/${block.id}`);
    assert.deepEqual(after.body.conditions.users.excludeGroups, excluded);
    assert.deepEqual(after.body.conditions.users.includeUsers, ['All'], 'PATCH merges objects');
    await second();
    const bad = await admin.patch(`/v1.0/identity/conditionalAccess/policies/${block.id}`, {
      conditions: { users: { excludeGroups: ['11111111-1111-4111-8111-111111111111'] } },
    });
    assert.equal(bad.status, 400);
  });

  it('creates a team only for a Microsoft 365 group with an owner', async () => {
    assert.equal(
      (
        await admin.call('PUT', `/v1.0/groups/${groupIdOf(sb, 'PIM-Finance-Reports')}/team`, {
          memberSettings: { allowCreateUpdateChannels: false },
        })
      ).status,
      201,
    );
    assert.equal((await admin.call('PUT', `/v1.0/groups/${groupIdOf(sb, 'Helpdesk Leads')}/team`, {})).status, 400);
  });

  describe('Azure Resource Manager', () => {
    const rg = `/subscriptions/${SUB}/resourceGroups/rg-contractor-sandbox`;
    const body = (principalId: string, principalType?: string) => ({
      properties: {
        roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
        principalId,
        ...(principalType ? { principalType } : {}),
      },
    });

    it('creates a role assignment for a group at resource-group scope (201) and refuses a duplicate (409 RoleAssignmentExists)', async () => {
      const g = groupIdOf(sb, 'PIM-Exchange-Admins');
      const r = await admin.call('PUT', ARM_RA(rg, '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'), body(g, 'Group'));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.type, 'Microsoft.Authorization/roleAssignments');
      assert.equal(r.body.properties.scope, rg);
      const dup = await admin.call('PUT', ARM_RA(rg, '1b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'), body(g, 'Group'));
      assert.equal(dup.status, 409);
      assert.equal(dup.body.error.code, 'RoleAssignmentExists');
      const list = await admin.get(
        `/arm${rg}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=principalId eq '${g}'`,
      );
      assert.equal(list.body.value.length, 1);
    });

    it("answers ARM errors in ARM's format: api-version, unknown principal, unknown resource group, no rights", async () => {
      const missing = await admin.get(`/arm${rg}/providers/Microsoft.Authorization/roleAssignments`);
      assert.equal(missing.body.error.code, 'MissingApiVersionParameter');
      const ghost = await admin.call(
        'PUT',
        ARM_RA(rg, '2b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'),
        body('11111111-1111-4111-8111-111111111111'),
      );
      assert.equal(ghost.status, 400);
      assert.equal(ghost.body.error.code, 'PrincipalNotFound');
      const noRg = await admin.get(
        `/arm/subscriptions/${SUB}/resourceGroups/rg-nope/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      );
      assert.equal(noRg.status, 404);
      assert.equal(noRg.body.error.code, 'ResourceGroupNotFound');
      const carol = await admin
        .as('carol.contractor@contoso.com')
        .call(
          'PUT',
          ARM_RA(rg, '3b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'),
          body(userIdOf(sb, 'carol.contractor@contoso.com'), 'User'),
        );
      assert.equal(carol.status, 403);
      assert.equal(carol.body.error.code, 'AuthorizationFailed');
    });

    it('grants Azure rights through an active PIM membership, which end when the activation ends', async () => {
      const helpdesk = groupIdOf(sb, 'PIM-Intune-Helpdesk');
      const owner = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'; // User Access Administrator
      await admin.call('PUT', ARM_RA(rg, '4b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'), {
        properties: {
          roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${owner}`,
          principalId: helpdesk,
          principalType: 'Group',
        },
      });
      const alice = admin.as('alice@contoso.com');
      const listAs = () =>
        alice.get(`/arm${rg}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`);
      assert.equal((await listAs()).status, 403);
      const act = await alice.post(`${PIM}/assignmentScheduleRequests`, {
        action: 'selfActivate',
        accessId: 'member',
        groupId: helpdesk,
        principalId: userIdOf(sb, 'alice@contoso.com'),
        justification: 'fix access',
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
      });
      assert.equal(act.status, 201);
      assert.equal((await listAs()).status, 200);
      sb.clock.advance(HOUR + 1);
      assert.equal((await listAs()).status, 403);
    });
  });
});
