import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../src/definitions';
import { planBindings } from '../../../src/bindings/planBindings';
import { bindingsReadScopeOf } from '../../../src/bindings/registry';
import { isPrivilegedAzureGrant } from '../../../src/bindings/resolve';
import type { BindingsState } from '../../../src/tenant/bindingsState';

const SUB = '/subscriptions/8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b';
const GID = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function def(bindings: string) {
  const ws = loadWorkspace([
    {
      path: 't.pim.yaml',
      text: `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: t }\ngroup: { displayName: G }\nbindings:\n${bindings.replace(/^/gm, '  ')}\n`,
    },
  ]);
  return ws.groups[0];
}

function state(over: Partial<BindingsState['groups'][string]> = {}): BindingsState {
  return {
    catalog: {
      intuneRoles: [{ id: 'r1', displayName: 'Help Desk Operator' }],
      scopeTags: [{ id: '0', displayName: 'Default' }],
      skus: [{ skuId: 's1', skuPartNumber: 'FLOW_FREE', plans: [], freeUnits: 0 }],
      caPolicies: [
        { id: 'p1', displayName: 'Block', state: 'enabled' },
        { id: 'p2', displayName: 'Old', state: 'enabled' },
      ],
      azureRoles: {},
      azureScopeErrors: {},
      errors: {},
    },
    groups: {
      t: {
        intuneRoles: [],
        azureRoles: [],
        licenses: [],
        conditionalAccess: { excludeFrom: [], includeIn: [] },
        team: false,
        ...over,
      },
    },
  };
}

describe('bindings: planning (pure)', () => {
  it('touches only the kinds the file lists: an unlisted kind is not managed', () => {
    const r = planBindings(
      def('licenses: [ { sku: FLOW_FREE } ]'),
      state({ conditionalAccess: { excludeFrom: ['p2'], includeIn: [] } }),
      GID,
      [],
    );
    assert.deepEqual(
      r.ops.map((o) => o.detail.binding),
      ['license'],
    );
  });

  it('removes this group from a CA policy the file no longer names, marked as a removal', () => {
    const r = planBindings(
      def('conditionalAccess: { excludeFrom: [ Block ] }'),
      state({ conditionalAccess: { excludeFrom: ['p2'], includeIn: [] } }),
      GID,
      [],
    );
    assert.deepEqual(
      r.ops.map((o) => [o.action, o.detail.binding === 'conditionalAccess' && o.detail.policyName, o.marks]),
      [
        ['add', 'Block', ['weakens-policy']],
        ['remove', 'Old', ['removal']],
      ],
    );
  });

  it("keeps an Intune assignment's other member groups when removing this one", () => {
    const r = planBindings(
      def('intuneRoles: []'),
      state({
        intuneRoles: [
          { id: 'a1', displayName: 'shared', roleDefinitionId: 'r1', members: [GID, OTHER], roleScopeTagIds: ['0'] },
        ],
      }),
      GID,
      [],
    );
    assert.equal(r.ops[0].detail.binding === 'intuneRole' && r.ops[0].detail.otherMembers?.join(), OTHER);
  });

  it("warns when a SKU has no free units, and a new group's bindings depend on its creation", () => {
    const r = planBindings(def('licenses: [ { sku: FLOW_FREE } ]'), state(), undefined, ['t/group']);
    assert.deepEqual(
      r.issues.map((i) => [i.severity, i.code]),
      [['warning', 'PIM304']],
    );
    assert.deepEqual(r.ops[0].dependsOn, ['t/group']);
  });

  it('reads only the kinds and Azure scopes the definitions name', () => {
    assert.deepEqual(
      bindingsReadScopeOf([def(`azureRoles: [ { scope: ${SUB}/resourceGroups/rg, role: Reader } ]\nteam: false`)]),
      { kinds: ['azureRole'], azureScopes: [`${SUB}/resourceGroups/rg`] },
    );
    assert.equal(bindingsReadScopeOf([]), undefined);
  });

  it('calls Owner and User Access Administrator privileged at subscription scope, not at a resource group', () => {
    assert.ok(isPrivilegedAzureGrant(SUB, '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'));
    assert.ok(isPrivilegedAzureGrant(SUB, '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'));
    assert.ok(!isPrivilegedAzureGrant(`${SUB}/resourceGroups/rg`, '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'));
    assert.ok(!isPrivilegedAzureGrant(SUB, 'b24988ac-6180-42a0-ab88-20f7382dd24c'));
  });
});
