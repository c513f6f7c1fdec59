import * as assert from 'node:assert/strict';
import { tenantDocumentText } from '../../../../src/extension/diff/tenantDocumentText';
import { definitionFileName, groupIdOf } from '../../../../src/extension/importGroup/importTarget';

describe('Diff with Tenant: the tenant document', () => {
  it('puts the exported groups in the file\'s order, matched by id or by name, one YAML document each', () => {
    const text = tenantDocumentText(
      [{ name: 'b', displayName: 'PIM-B' }, { name: 'a', displayName: 'PIM-A', id: 'ID-A' }],
      [{ groupId: 'id-a', displayName: 'PIM-A', text: 'kind: PimGroup # a' }, { groupId: 'id-b', displayName: 'pim-b', text: 'kind: PimGroup # b\n\n' }],
      'Sandbox');
    assert.equal(text, 'kind: PimGroup # b\n---\nkind: PimGroup # a\n');
  });

  it('says when a group does not exist in the tenant yet', () => {
    assert.equal(tenantDocumentText([{ name: 'new', displayName: 'PIM-New' }], [], 'Sandbox · admin@contoso.com'),
      "# new: no group 'PIM-New' in Sandbox · admin@contoso.com; applying the definition creates it.\n");
  });
});

describe('Import Group as Definition: its argument', () => {
  it('takes a group id as a string or from a tree element', () => {
    assert.equal(groupIdOf(' 11111111-2222-3333-4444-555555555555 '), '11111111-2222-3333-4444-555555555555');
    assert.equal(groupIdOf({ groupId: 'g1', id: 'node-1' }), 'g1');
    assert.equal(groupIdOf({ group: { id: 'g2' } }), 'g2');
    assert.equal(groupIdOf({ id: 'g3' }), 'g3');
    assert.equal(groupIdOf(undefined), undefined);
    assert.equal(groupIdOf({}), undefined);
  });

  it('names the file after the definition', () => {
    assert.equal(definitionFileName('pim-exchange-admins'), 'pim-exchange-admins.pim.yaml');
  });
});
