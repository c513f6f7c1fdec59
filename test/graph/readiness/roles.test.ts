import * as assert from 'node:assert/strict';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { workspaceOf } from '../harness/harness';
import { doc, PLAN_ONLY, reportFor, result, transportAs } from './readinessHarness';

const PRIVILEGED_ROLE_ADMINISTRATOR = 'e8611ab8-c189-46e8-94e1-60213ab1f814';

const helpdesk = () => workspaceOf(doc('helpdesk', 'PIM-Intune-Helpdesk'));

describe("readiness: the caller's directory roles", function () {
  this.timeout(60_000);
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  afterEach(async () => {
    await sb.close();
  });
  const user = (upn: string) => Object.values(sb.state.users).find((u) => u.userPrincipalName === upn)!;
  const group = (name: string) => Object.values(sb.state.groups).find((g) => g.displayName === name)!;

  it('passes for a Privileged Role Administrator who holds the role directly', async () => {
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), helpdesk()), 'roles');
    assert.equal(r.status, 'pass');
    assert.match(r.what, /Privileged Role Administrator/);
  });

  it('fails for a caller without roles who does not own the group, naming the group', async () => {
    const r = result(await reportFor(transportAs(sb, 'alice@contoso.com'), helpdesk()), 'roles');
    assert.equal(r.status, 'fail');
    assert.match(r.what, /no active directory role/);
    assert.deepEqual(r.details, ['helpdesk: no covering role, not an owner']);
  });

  it('fails for a Groups Administrator on a role-assignable group (it needs Privileged Role Administrator)', async () => {
    user('lead@contoso.com').directoryRoles = ['Groups Administrator'];
    const ws = workspaceOf(doc('helpdesk', 'PIM-Intune-Helpdesk'));
    assert.equal(result(await reportFor(transportAs(sb, 'lead@contoso.com'), ws), 'roles').status, 'pass');
    group('PIM-Intune-Helpdesk').isAssignableToRole = true;
    const r = result(await reportFor(transportAs(sb, 'lead@contoso.com'), ws), 'roles');
    assert.equal(r.status, 'fail');
    assert.match(r.fix!, /Privileged Role Administrator/);
    assert.deepEqual(r.details, ['helpdesk (role-assignable): no covering role, not an owner']);
  });

  it('passes for a member of a role-assignable group that holds Privileged Role Administrator (read from /me/transitiveMemberOf)', async () => {
    const admin = transportAs(sb, 'admin@contoso.com');
    const tier0 = await admin.post<{ id: string }>('/groups', {
      displayName: 'Tier0 Role Admins',
      mailEnabled: false,
      mailNickname: 'tier0-role-admins',
      securityEnabled: true,
      isAssignableToRole: true,
    });
    await admin.post('/roleManagement/directory/roleAssignments', {
      principalId: tier0.id,
      roleDefinitionId: PRIVILEGED_ROLE_ADMINISTRATOR,
      directoryScopeId: '/',
    });
    group('PIM-Intune-Helpdesk').isAssignableToRole = true;
    const lead = transportAs(sb, 'lead@contoso.com', ['User.Read', ...PLAN_ONLY]);
    assert.equal(result(await reportFor(lead, helpdesk()), 'roles').status, 'fail', 'not yet a member of the group');
    await admin.post(`/groups/${tier0.id}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${user('lead@contoso.com').id}`,
    });
    const r = result(await reportFor(lead, helpdesk()), 'roles');
    assert.equal(r.status, 'pass', JSON.stringify(r));
    assert.match(r.what, /Privileged Role Administrator/);
  });
});
