import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import { alignToDefinition, tenantDocumentText } from '../../../../src/extension/diff/tenantDocumentText';
import { definitionFileName, groupIdOf } from '../../../../src/extension/importGroup/importTarget';

const definition = (name: string, body: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ${name}
${body}`;

const FILE = definition('helpdesk', `group:
  displayName: PIM-Helpdesk
policies:
  member:
    activation:
      maxDuration: PT4H
      requireMfa: true
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
`);

const TENANT = definition('pim-helpdesk', `  useCase: custom
group:
  displayName: PIM-Helpdesk
  id: 11111111-2222-3333-4444-555555555555
policies:
  member:
    activation:
      maxDuration: PT8H
      requireMfa: false
      requireJustification: true
    eligibility:
      maxDuration: P365D
  owner:
    activation:
      maxDuration: PT1H
assignments:
  eligible:
    - principal: user:bob@contoso.com
      until: 2026-12-26T00:00:00Z
`);

const typed = (text: string) => {
  const ws = loadWorkspace([{ path: 'x.pim.yaml', text }]);
  assert.deepEqual(ws.findings.filter((f) => f.severity === 'error'), []);
  return ws.groups[0];
};

describe('Diff with Tenant: the tenant document', () => {
  const file = typed(FILE);
  const tenant = typed(TENANT);

  it('keeps the definition\'s metadata and only the policy fields it manages, with the tenant\'s values', () => {
    const aligned = alignToDefinition(tenant, file);
    assert.deepEqual(aligned.metadata, file.metadata);
    assert.deepEqual(aligned.policies, { member: { activation: { maxDuration: 'PT8H', requireMfa: false } } });
    assert.deepEqual(aligned.assignments.eligible.map((a) => a.principal), ['user:bob@contoso.com']);
    assert.equal(aligned.group.id, '11111111-2222-3333-4444-555555555555');
  });

  it('writes one YAML document per group of the file, in the file\'s order, that reads back as a definition', () => {
    const text = tenantDocumentText([file, { ...file, metadata: { name: 'new' }, group: { ...file.group, displayName: 'PIM-New' } }],
      [{ groupId: tenant.group.id!, definition: tenant }], 'Sandbox', '2026-11-26T10:00:00Z');
    const [first, second] = text.split('---\n');
    assert.match(first, /^# PIM-Helpdesk as Sandbox holds it \(read 2026-11-26T10:00:00Z\)/);
    assert.match(first, /maxDuration: PT8H/);
    assert.ok(!first.includes('requireJustification'), 'a field the definition does not manage');
    assert.equal(second, "# new: no group 'PIM-New' in Sandbox; applying the definition creates it.\n");
    assert.deepEqual(loadWorkspace([{ path: 't.pim.yaml', text: first }]).groups.map((g) => g.metadata.name), ['helpdesk']);
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
