import * as assert from 'node:assert/strict';
import { needNamedBy } from '../../../src/readiness/permissions';

describe('readiness: the permissions-table row a refusal names', () => {
  it('finds the read whose permissions include every scope the refusal lists', () => {
    const row = needNamedBy('RoleManagementPolicy.Read.AzureADGroup or RoleManagementPolicy.ReadWrite.AzureADGroup');
    assert.equal(row?.id, 'policy.read');
    assert.equal(row?.what, "read groups' PIM policies");
  });

  it('prefers the read to a write that shares a scope', () => {
    assert.equal(needNamedBy('PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup')?.id, 'eligibility.read');
  });

  it('names nothing for a missing directory role or a scope the table does not list', () => {
    assert.equal(needNamedBy('a directory role that reads PIM settings (Global Reader, …)'), undefined);
    assert.equal(needNamedBy('Made.Up.Scope'), undefined);
    assert.equal(needNamedBy('RoleManagementPolicy.Read.AzureADGroup or Made.Up.Scope'), undefined);
  });
});
