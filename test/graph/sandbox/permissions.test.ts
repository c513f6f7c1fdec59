// Scopes in the token decide what each endpoint answers, with the service's refusal shapes.
import * as assert from 'node:assert/strict';
import { PIM, withSandbox, groupIdOf, userIdOf } from './harness';

describe('sandbox: permission scopes (scp) per endpoint', () => {
  it('refuses a PIM write without its scope with the PIM backend envelope naming the scope', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const reader = admin.as('admin@contoso.com', {
        scopes: ['PrivilegedEligibilitySchedule.Read.AzureADGroup', 'Group.Read.All'],
      });
      const group = groupIdOf(sb, 'PIM-Intune-Helpdesk');
      const r = await reader.post(`${PIM}/eligibilityScheduleRequests`, {
        action: 'adminAssign',
        accessId: 'member',
        groupId: group,
        principalId: userIdOf(sb, 'alice@contoso.com'),
        scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P30D' } },
      });
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'UnknownError');
      const inner = JSON.parse(r.body.error.message);
      assert.equal(inner.errorCode, 'PermissionScopeNotGranted');
      assert.match(
        inner.message,
        /^Authorization failed due to missing permission scope PrivilegedEligibilitySchedule\.ReadWrite\.AzureADGroup\.$/,
      );
      assert.deepEqual(inner.instanceAnnotations, []);
      assert.equal(
        (await reader.get(`${PIM}/eligibilitySchedules?$filter=groupId eq '${group}'`)).status,
        200,
        'the read scope reads',
      );
    } finally {
      await sb.close();
    }
  });

  it('refuses a directory call without its scope with Authorization_RequestDenied, and a higher scope works', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const none = admin.as('admin@contoso.com', { scopes: ['User.Read'] });
      const r = await none.get('/v1.0/groups?$top=1');
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'Authorization_RequestDenied');
      assert.equal((await none.get('/v1.0/me')).status, 200, 'User.Read reads /me');
      assert.equal(
        (await admin.as('admin@contoso.com', { scopes: ['Directory.Read.All'] }).get('/v1.0/groups?$top=1')).status,
        200,
      );
      assert.equal(
        (
          await admin
            .as('admin@contoso.com', { scopes: ['Group.Read.All'] })
            .post('/v1.0/directoryObjects/getByIds', { ids: [] })
        ).status,
        403,
        'getByIds needs Directory.Read.All',
      );
    } finally {
      await sb.close();
    }
  });

  it('keeps full access for a token with neither scp nor roles (a sandbox convenience)', async () => {
    const { sb, admin } = await withSandbox();
    try {
      assert.equal((await admin.get('/v1.0/groups?$top=1')).status, 200);
      assert.equal((await admin.get('/v1.0/identity/conditionalAccess/policies')).status, 200);
    } finally {
      await sb.close();
    }
  });

  it('refuses Conditional Access without Policy.Read.All (AccessDenied)', async () => {
    const { sb, admin } = await withSandbox();
    try {
      const r = await admin
        .as('admin@contoso.com', { scopes: ['Group.Read.All'] })
        .get('/v1.0/identity/conditionalAccess/policies');
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'AccessDenied');
    } finally {
      await sb.close();
    }
  });
});
