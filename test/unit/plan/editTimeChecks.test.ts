import * as assert from 'node:assert';
import { loadWorkspace } from '../../../src/definitions';
import { editTimeChecks, CheckFacts } from '../../../src/plan/editTimeChecks';
import type { BindingCatalog } from '../../../src/tenant/bindingsState';

const TEXT = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: helpdesk
group:
  displayName: Helpdesk
policies:
  member:
    activation:
      approval:
        approvers: [ user:ghost@contoso.com ]
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
    - principal: user:nobody@contoso.com
      duration: P30D
bindings:
  intuneRoles:
    - role: Help Desk Operator
      scopeTags: [ Nowhere ]
  licenses:
    - sku: NOT_A_SKU
`;

const group = () => loadWorkspace([{ path: 'h.pim.yaml', text: TEXT }]).groups[0];

const catalog: BindingCatalog = {
  intuneRoles: [{ id: 'r1', displayName: 'Help Desk Operator' }],
  scopeTags: [{ id: '0', displayName: 'Default' }],
  skus: [{ skuId: 's', skuPartNumber: 'ENTERPRISEPACK', plans: [], freeUnits: 3 }],
  caPolicies: [],
  azureRoles: {},
  azureScopeErrors: {},
  errors: {},
};

function facts(over: Partial<CheckFacts> = {}): CheckFacts {
  return {
    principals: new Map([
      ['user:alice@contoso.com', { state: 'found', id: 'a', kind: 'user' }],
      ['user:nobody@contoso.com', { state: 'unknown' }],
      ['user:ghost@contoso.com', { state: 'unknown' }],
    ]),
    groupsByName: new Map([['helpdesk', [{ id: 'g', dynamic: true, synced: false }]]]),
    catalog,
    catalogRead: new Set(['intuneRoles', 'scopeTags', 'skus']),
    ...over,
  };
}

describe('edit-time tenant checks (the plan’s codes)', () => {
  it('reports each unknown reference on its own node with the code the plan uses', () => {
    const found = editTimeChecks(group(), facts()).map((f) => [f.code, f.range.start.line]);
    assert.deepStrictEqual(found.sort(), [
      ['PIM201', 15],
      ['PIM203', 5],
      ['PIM213', 10],
      ['PIM301', 20],
      ['PIM301', 22],
    ]);
  });

  it('says nothing about what has not been looked up, or whose read failed', () => {
    const none = editTimeChecks(group(), {
      principals: new Map(),
      groupsByName: new Map(),
      catalog,
      catalogRead: new Set(),
    });
    assert.deepStrictEqual(none, []);
  });

  it('a synced group is PIM204 and several groups of the name PIM205', () => {
    const synced = editTimeChecks(
      group(),
      facts({ groupsByName: new Map([['helpdesk', [{ id: 'g', dynamic: false, synced: true }]]]) }),
    );
    assert.ok(synced.some((f) => f.code === 'PIM204'));
    const two = [
      { id: 'g1', dynamic: false, synced: false },
      { id: 'g2', dynamic: false, synced: false },
    ];
    assert.ok(
      editTimeChecks(group(), facts({ groupsByName: new Map([['helpdesk', two]]) })).some((f) => f.code === 'PIM205'),
    );
  });

  it('an ambiguous assignment principal is PIM202 and names the candidates', () => {
    const principals = new Map(facts().principals);
    principals.set('user:alice@contoso.com', { state: 'ambiguous', ids: ['x', 'y'] });
    const f = editTimeChecks(group(), facts({ principals })).find((x) => x.code === 'PIM202');
    assert.match(f?.message ?? '', /x, y/);
  });
});
