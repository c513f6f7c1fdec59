import * as assert from 'node:assert/strict';
import { Client, PIM, withSandbox, groupIdOf, userIdOf } from './harness';
import type { Sandbox } from '../../../src/sandbox';

const DIR = '/v1.0/roleManagement/directory';
const PRIVILEGED_ROLE_ADMIN = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

// A member of a role-assignable group holds the group's Microsoft Entra roles, so every access check of the
// sandbox counts them: lead@contoso.com has no role of its own in the demo seed.
describe('sandbox: directory roles held through a role-assignable group', () => {
  let sb: Sandbox, admin: Client, lead: Client;
  let leadId: string, tier0: string;
  beforeEach(async () => {
    ({ sb, admin } = await withSandbox());
    lead = admin.as('lead@contoso.com');
    leadId = userIdOf(sb, 'lead@contoso.com');
    const g = await admin.post('/v1.0/groups', {
      displayName: 'Tier0 Role Admins',
      mailEnabled: false,
      mailNickname: 'tier0-role-admins',
      securityEnabled: true,
      isAssignableToRole: true,
    });
    assert.equal(g.status, 201, JSON.stringify(g.body));
    tier0 = (g.body as { id: string }).id;
  });
  afterEach(() => sb.close());

  const assignRole = (principalId: string, roleDefinitionId: string, directoryScopeId = '/') =>
    admin.post(`${DIR}/roleAssignments`, { principalId, roleDefinitionId, directoryScopeId });
  const join = () =>
    admin.post(`/v1.0/groups/${tier0}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${leadId}`,
    });
  // Three checks that need Privileged Role Administrator: a role-assignable group, a role assignment, and an
  // administrator's PIM request in a role-assignable group.
  let tries = 0;
  const attempts = async () => {
    tries++;
    const created = await lead.post('/v1.0/groups', {
      displayName: `Tier0 Try ${tries}`,
      mailEnabled: false,
      mailNickname: `tier0-try-${tries}`,
      securityEnabled: true,
      isAssignableToRole: true,
    });
    const assignment = await lead.post(`${DIR}/roleAssignments`, {
      principalId: tier0,
      roleDefinitionId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
      directoryScopeId: '/',
    });
    const pim = await lead.post(`${PIM}/eligibilityScheduleRequests`, {
      accessId: 'member',
      groupId: tier0,
      principalId: userIdOf(sb, 'alice@contoso.com'),
      action: 'adminAssign',
      justification: 'Tier-0 rota',
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
    });
    return [created.status, assignment.status, pim.status];
  };

  it('grants Privileged Role Administrator to the group member while the membership lasts, and no longer', async () => {
    assert.equal((await assignRole(tier0, PRIVILEGED_ROLE_ADMIN)).status, 201);
    assert.deepEqual(await attempts(), [403, 403, 403], 'not a member yet');
    assert.equal((await join()).status, 204);
    assert.deepEqual(await attempts(), [201, 201, 201], 'a member holds the role');
    const roles = await lead.get('/v1.0/me/transitiveMemberOf');
    assert.ok(
      (roles.body as { value: { displayName?: string }[] }).value.some(
        (o) => o.displayName === 'Privileged Role Administrator',
      ),
      'the list names the role the checks grant',
    );
    assert.equal((await admin.call('DELETE', `/v1.0/groups/${tier0}/members/${leadId}/$ref`)).status, 204);
    assert.deepEqual(await attempts(), [403, 403, 403], 'the role ends with the membership');
  });

  it('grants a reader role the same way (Global Reader reads every request list)', async () => {
    const helpdesk = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    const read = () => lead.get(`${PIM}/eligibilityScheduleRequests?$filter=groupId eq '${helpdesk}'`);
    assert.equal((await read()).status, 403);
    assert.equal((await assignRole(tier0, GLOBAL_READER)).status, 201);
    assert.equal((await join()).status, 204);
    assert.equal((await read()).status, 200);
  });

  it('grants nothing through a role scoped to an administrative unit (stricter than the service: unmodelled)', async () => {
    const au = Object.keys(sb.state.administrativeUnits ?? {})[0];
    assert.equal((await assignRole(tier0, PRIVILEGED_ROLE_ADMIN, `/administrativeUnits/${au}`)).status, 201);
    assert.equal((await join()).status, 204);
    assert.deepEqual(await attempts(), [403, 403, 403]);
  });
});
