import * as assert from 'node:assert/strict';
import { catalogueRefusal } from '../../../../src/extension/tenantAuthoring/catalogueRefusal';
import { PERMISSION_NEEDS } from '../../../../src/readiness/permissions';

describe('tenant authoring: what completion says about a catalogue it may not read', () => {
  it("names the permissions table's read row for the kind, not the service's vaguer words", () => {
    assert.equal(
      catalogueRefusal('intuneRole', "the workload's permission scope", PERMISSION_NEEDS),
      "Cannot read the tenant's Intune roles and scope tags for completion and checks: needs DeviceManagementRBAC.Read.All or DeviceManagementRBAC.ReadWrite.All (see Permissions).",
    );
    assert.match(
      catalogueRefusal('conditionalAccess', 'x', PERMISSION_NEEDS),
      /^Cannot read the tenant's Conditional Access policies .*: needs Policy\.Read\.All or Policy\.ReadWrite\.ConditionalAccess \(see Permissions\)\.$/,
    );
  });

  it("keeps the refusal's own words for a kind the table has no read row for", () => {
    assert.equal(
      catalogueRefusal('azureRole', 'Reader on the subscription', PERMISSION_NEEDS),
      'Cannot read Azure role definitions for completion and checks: needs Reader on the subscription (see Permissions).',
    );
  });
});
