import * as assert from 'node:assert/strict';
import { PERMISSION_NEEDS, PermissionNeed } from '../../../src/readiness/permissions';
import { delegatedScopesCovering, editorSignInScopes } from '../../../src/readiness/signInScopes';

const need = (id: string, ...delegated: string[]): PermissionNeed => ({
  id,
  what: id,
  delegated,
  application: [],
  commands: ['plan'],
  probe: { method: 'GET', path: '/x' },
});

describe("readiness: the editor's sign-in scopes, derived from the permissions table", () => {
  const scopes = editorSignInScopes();
  const covered = (n: PermissionNeed) => n.delegated.some((p) => scopes.includes(p));

  it('holds one permission of every need the editor signs in for (its views, checks, authoring and PIM writes)', () => {
    const uncovered = PERMISSION_NEEDS.filter((n) => !n.notAtSignIn && !covered(n)).map((n) => n.id);
    assert.deepEqual(uncovered, []);
  });

  it('reads what the Groups tree, readiness and tenant-aware authoring read: Intune roles, policies, licences, directory roles', () => {
    for (const id of [
      'intuneRole.read',
      'policies.read',
      'licences.read',
      'directoryRole.read',
      'conditionalAccess.read',
    ])
      assert.ok(covered(PERMISSION_NEEDS.find((n) => n.id === id)!), id);
    assert.ok(scopes.includes('DeviceManagementRBAC.Read.All'));
    assert.ok(scopes.includes('Policy.Read.All'));
    assert.ok(
      scopes.includes('RoleManagementPolicy.ReadWrite.AzureADGroup'),
      'the Groups tree reads policies; apply writes them',
    );
  });

  it('does not ask for writes outside PIM for Groups (creating groups, binding kinds) nor any permission twice', () => {
    for (const p of [
      'Group.ReadWrite.All',
      'Policy.ReadWrite.ConditionalAccess',
      'DeviceManagementRBAC.ReadWrite.All',
      'RoleManagement.ReadWrite.Directory',
    ])
      assert.ok(!scopes.includes(p), p);
    assert.equal(new Set(scopes).size, scopes.length);
  });

  it('takes an unavoidable permission first and adds nothing for a need it already covers', () => {
    const chosen = delegatedScopesCovering([
      need('users', 'User.ReadBasic.All', 'Directory.Read.All'),
      need('names', 'Directory.Read.All'),
      need('teams', 'Team.ReadBasic.All', 'Group.Read.All'),
    ]);
    assert.deepEqual(chosen, ['Directory.Read.All', 'Team.ReadBasic.All']);
  });

  it('takes the least privileged permission (the first) when nothing chosen covers a need', () => {
    assert.deepEqual(
      delegatedScopesCovering([need('policy', 'RoleManagementPolicy.Read.AzureADGroup', 'X.ReadWrite')]),
      ['RoleManagementPolicy.Read.AzureADGroup'],
    );
  });
});
