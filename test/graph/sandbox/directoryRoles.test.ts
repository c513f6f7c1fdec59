import * as assert from 'node:assert/strict';
import { Client, withSandbox, groupIdOf, userIdOf } from './harness';
import type { Sandbox } from '../../../src/sandbox';

const DIR = '/v1.0/roleManagement/directory';
const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

// Role-assignable groups and the Microsoft Entra role assignments they hold, as the directory answers them.
describe('sandbox directory roles and role-assignable groups', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => ({ sb, admin } = await withSandbox()));
  afterEach(() => sb.close());

  const roleAssignableGroup = (c: Client, extra: Record<string, unknown> = {}) =>
    c.post('/v1.0/groups', {
      displayName: 'Tier0 Helpdesk Admins',
      mailEnabled: false,
      mailNickname: 'tier0-helpdesk',
      securityEnabled: true,
      isAssignableToRole: true,
      ...extra,
    });
  const assign = (c: Client, principalId: string, roleDefinitionId = HELPDESK_ADMIN, directoryScopeId = '/') =>
    c.post(`${DIR}/roleAssignments`, {
      '@odata.type': '#microsoft.graph.unifiedRoleAssignment',
      principalId,
      roleDefinitionId,
      directoryScopeId,
    });
  const expectError = (r: { status: number; body: any }, status: number, code: string, message?: RegExp) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.error.code, code);
    if (message) assert.match(r.body.error.message, message);
  };

  it('lists the built-in role definitions with their template ids and privileged marks', async () => {
    const r = await admin.get(`${DIR}/roleDefinitions?$filter=displayName eq 'Helpdesk Administrator'`);
    assert.equal(r.status, 200);
    assert.equal(r.body.value.length, 1);
    const role = r.body.value[0];
    assert.equal(role.id, HELPDESK_ADMIN);
    assert.equal(role.templateId, HELPDESK_ADMIN);
    assert.equal(role.isBuiltIn, true);
    assert.equal(role.isPrivileged, true);
    const ga = await admin.get(`${DIR}/roleDefinitions/${GLOBAL_ADMIN}`);
    assert.equal(ga.body.displayName, 'Global Administrator');
  });

  it('creates a role-assignable group for a Privileged Role Administrator, and refuses anyone else', async () => {
    const created = await roleAssignableGroup(admin);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.isAssignableToRole, true);
    expectError(
      await roleAssignableGroup(admin.as('lead@contoso.com'), { mailNickname: 'other' }),
      403,
      'Authorization_RequestDenied',
    );
  });

  it('refuses a role-assignable group to a token without RoleManagement.ReadWrite.Directory', async () => {
    const scoped = admin.as('admin@contoso.com', { scopes: ['Group.ReadWrite.All'] });
    expectError(await roleAssignableGroup(scoped), 403, 'Authorization_RequestDenied');
    const both = admin.as('admin@contoso.com', {
      scopes: ['Group.ReadWrite.All', 'RoleManagement.ReadWrite.Directory'],
    });
    const ok = await roleAssignableGroup(both);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it('refuses dynamic membership and a non-mail-enabled Microsoft 365 group for a role-assignable group', async () => {
    expectError(
      await roleAssignableGroup(admin, {
        groupTypes: ['DynamicMembership'],
        membershipRule: 'user.department -eq "IT"',
      }),
      400,
      'Request_BadRequest',
    );
    expectError(
      await roleAssignableGroup(admin, { groupTypes: ['Unified'] }),
      400,
      'Request_BadRequest',
      /^GroupType cannot be set for security groups assignable to roles\.$/,
    );
  });

  it('sets isAssignableToRole only at creation: a PATCH that changes it is a 400', async () => {
    const plain = groupIdOf(sb, 'PIM-Intune-Helpdesk');
    expectError(
      await admin.patch(`/v1.0/groups/${plain}`, { isAssignableToRole: true }),
      400,
      'Request_BadRequest',
      /can only be set when the group is created/,
    );
    const g = (await roleAssignableGroup(admin)).body.id;
    expectError(await admin.patch(`/v1.0/groups/${g}`, { isAssignableToRole: false }), 400, 'Request_BadRequest');
    expectError(
      await admin.patch(`/v1.0/groups/${g}`, { membershipRule: 'user.department -eq "IT"' }),
      400,
      'Request_BadRequest',
    );
  });

  it('assigns a directory role to a role-assignable group, lists it by principal, and deletes it', async () => {
    const g = (await roleAssignableGroup(admin)).body.id;
    const created = await assign(admin, g);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body['@odata.context'], /roleManagement\/directory\/roleAssignments\/\$entity$/);
    assert.deepEqual(
      { principalId: created.body.principalId, roleDefinitionId: created.body.roleDefinitionId },
      { principalId: g, roleDefinitionId: HELPDESK_ADMIN },
    );
    assert.equal(created.body.directoryScopeId, '/');
    const listed = await admin.get(`${DIR}/roleAssignments?$filter=principalId eq '${g}'&$expand=principal`);
    assert.deepEqual(
      listed.body.value.map((a: any) => [a.id, a.principal.displayName]),
      [[created.body.id, 'Tier0 Helpdesk Admins']],
    );
    assert.equal((await admin.call('DELETE', `${DIR}/roleAssignments/${created.body.id}`)).status, 204);
    assert.equal((await admin.get(`${DIR}/roleAssignments?$filter=principalId eq '${g}'`)).body.value.length, 0);
    expectError(
      await admin.call('DELETE', `${DIR}/roleAssignments/${created.body.id}`),
      404,
      'Request_ResourceNotFound',
    );
  });

  it('refuses to assign a role to a group that is not role-assignable, as the directory does', async () => {
    expectError(
      await assign(admin, groupIdOf(sb, 'PIM-Intune-Helpdesk')),
      400,
      'Request_BadRequest',
      /^Groups without IsAssignableToRole property set cannot be assigned to roles\.$/,
    );
  });

  it('refuses a second identical assignment, an unknown role, an unknown scope, and a caller without the role', async () => {
    const g = (await roleAssignableGroup(admin)).body.id;
    assert.equal((await assign(admin, g)).status, 201);
    expectError(await assign(admin, g), 400, 'Request_BadRequest', /A conflicting object/);
    expectError(await assign(admin, g, '00000000-0000-4000-8000-000000000000'), 404, 'Request_ResourceNotFound');
    expectError(await assign(admin, g, HELPDESK_ADMIN, '/administrativeUnits/nope'), 400, 'Request_BadRequest');
    expectError(
      await assign(admin.as('lead@contoso.com'), userIdOf(sb, 'alice@contoso.com')),
      403,
      'Authorization_RequestDenied',
    );
  });

  it('scopes an assignment to an administrative unit that exists', async () => {
    const g = (await roleAssignableGroup(admin)).body.id;
    const au = Object.keys(sb.state.administrativeUnits ?? {})[0];
    const r = await assign(admin, g, HELPDESK_ADMIN, `/administrativeUnits/${au}`);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.directoryScopeId, `/administrativeUnits/${au}`);
  });

  it('writes role assignments only with RoleManagement.ReadWrite.Directory', async () => {
    const g = (await roleAssignableGroup(admin)).body.id;
    const reader = admin.as('admin@contoso.com', { scopes: ['RoleManagement.Read.Directory'] });
    assert.equal((await reader.get(`${DIR}/roleAssignments`)).status, 200);
    expectError(await assign(reader, g), 403, 'Authorization_RequestDenied');
  });

  it("lists a role held through a role-assignable group in the member's transitiveMemberOf, not in memberOf", async () => {
    const g = (await roleAssignableGroup(admin)).body.id;
    assert.equal((await assign(admin, g)).status, 201);
    const lead = userIdOf(sb, 'lead@contoso.com');
    const added = await admin.post(`/v1.0/groups/${g}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${lead}`,
    });
    assert.equal(added.status, 204, JSON.stringify(added.body));
    const names = (r: { body: any }) => r.body.value.map((o: any) => `${o['@odata.type']} ${o.displayName}`);
    const me = admin.as('lead@contoso.com', { scopes: ['User.Read'] });
    const direct = names(await me.get('/v1.0/me/memberOf'));
    assert.ok(direct.includes('#microsoft.graph.group Tier0 Helpdesk Admins'), direct.join('; '));
    assert.ok(!direct.some((n: string) => n.startsWith('#microsoft.graph.directoryRole')), direct.join('; '));
    const transitive = names(await me.get('/v1.0/me/transitiveMemberOf'));
    assert.deepEqual(
      transitive.filter((n: string) => !direct.includes(n)),
      ['#microsoft.graph.directoryRole Helpdesk Administrator'],
    );
    assert.deepEqual(names(await admin.get(`/v1.0/users/${lead}/transitiveMemberOf`)), transitive);
  });
});
