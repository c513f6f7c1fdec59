import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import { semanticDiff } from '../../../../src/extension/diff/semanticDiff';
import type { GroupPlan, Operation } from '../../../../src/plan/model';
import { definitionFileName, groupIdOf } from '../../../../src/extension/importGroup/importTarget';

const definition = (name: string, body: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ${name}
${body}`;

const FILE = definition(
  'helpdesk',
  `group:
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
`,
);

const TENANT = definition(
  'pim-helpdesk',
  `  useCase: custom
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
`,
);

const typed = (text: string) => {
  const ws = loadWorkspace([{ path: 'x.pim.yaml', text }]);
  assert.deepEqual(
    ws.findings.filter((f) => f.severity === 'error'),
    [],
  );
  return ws.groups[0];
};

const TEMPLATED = definition(
  'helpdesk',
  `group:
  displayName: PIM-Helpdesk
policies:
  member:
    template: standard-4h
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
---
apiVersion: pim-groups/v1
kind: PolicyTemplate
metadata:
  name: standard-4h
policy:
  activation:
    maxDuration: PT4H
    requireMfa: true
`,
);

const typedAll = (text: string) => {
  const ws = loadWorkspace([{ path: 'x.pim.yaml', text }]);
  assert.deepEqual(
    ws.findings.filter((f) => f.severity === 'error'),
    [],
  );
  return ws;
};
const planOf = (operations: unknown[]): GroupPlan => ({
  key: 'helpdesk',
  displayName: 'PIM-Helpdesk',
  operations: operations as Operation[],
});
const principal = (ref: string) => ({ ref, id: ref, kind: 'user' as const });

describe('Diff with Tenant: a semantic diff', () => {
  const file = typed(FILE);
  const tenant = typed(TENANT);
  const exported = [{ groupId: tenant.group.id!, definition: tenant }];

  it('shows no difference at all when the plan has nothing to do, though the tenant holds ids, end dates and other fields', () => {
    const diff = semanticDiff([file], [], exported, [planOf([])], 'the sandbox', 'now');
    assert.equal(diff.left, diff.right);
    assert.equal(diff.inSync, true);
    assert.match(diff.left, /^# PIM-Helpdesk: in sync with the sandbox \(read now\)\.$/m);
    assert.ok(!diff.left.includes('11111111-2222'), "the tenant's id is not a difference");
  });

  it('keeps a template on both sides when the policy matches, and expands it on both sides when it differs', () => {
    const ws = typedAll(TEMPLATED);
    const same = semanticDiff(ws.groups, ws.templates, exported, [planOf([])], 'the sandbox', 'now');
    assert.equal(same.left, same.right);
    assert.match(same.right, /template: standard-4h/);
    const op = {
      kind: 'updatePolicyRule',
      role: 'member',
      ruleId: 'Expiration_EndUser_Assignment',
      changes: [],
      marks: [],
      summary: '',
    };
    const differs = semanticDiff(ws.groups, ws.templates, exported, [planOf([op])], 'the sandbox', 'now');
    for (const side of [differs.left, differs.right]) assert.ok(!side.includes('template:'), side);
    assert.match(differs.right, /maxDuration: PT4H/);
    assert.match(differs.left, /maxDuration: PT8H/);
    assert.match(differs.left, /requireMfa: false/);
    assert.ok(!differs.left.includes('requireJustification'), 'a field neither the file nor its template manages');
    assert.equal(differs.inSync, false);
  });

  it('shows an assignment the plan removes on the tenant side only, and one it adds on the file side only', () => {
    const ops = [
      {
        kind: 'addAssignment',
        role: 'member',
        assignmentKind: 'eligible',
        principal: principal('user:alice@contoso.com'),
        schedule: {},
        marks: [],
        summary: '',
      },
      {
        kind: 'removeAssignment',
        role: 'member',
        assignmentKind: 'eligible',
        principal: principal('user:bob@contoso.com'),
        scheduleId: 's',
        before: {},
        marks: [],
        summary: '',
      },
    ];
    const diff = semanticDiff([file], [], exported, [planOf(ops)], 'the sandbox', 'now');
    assert.ok(diff.left.includes('user:bob@contoso.com') && !diff.left.includes('alice'), diff.left);
    assert.ok(diff.right.includes('user:alice@contoso.com') && !diff.right.includes('bob'), diff.right);
  });

  it('says when the tenant has no such group yet, and both sides read back as definitions', () => {
    const other = { ...file, metadata: { name: 'new' }, group: { ...file.group, displayName: 'PIM-New' } };
    const diff = semanticDiff([file, other], [], exported, [planOf([])], 'the sandbox', 'now');
    const [first, second] = diff.left.split('---\n');
    assert.equal(second, "# new: no group 'PIM-New' in the sandbox; applying the definition creates it.\n");
    assert.equal(diff.inSync, false);
    assert.deepEqual(
      loadWorkspace([{ path: 't.pim.yaml', text: first }]).groups.map((g) => g.metadata.name),
      ['helpdesk'],
    );
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
