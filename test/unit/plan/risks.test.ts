import * as assert from 'node:assert/strict';
import { riskLines, riskSummary } from '../../../src/plan/render/risks';
import { renderMarkdown, renderText } from '../../../src/plan';
import type { Operation } from '../../../src/plan/model';
import { samplePlan } from '../extension/preview/planFixture';

const directoryRole = (privileged: boolean, action: 'add' | 'remove' = 'add'): Operation => ({
  id: `g/role-${privileged}-${action}`,
  groupKey: 'tier0',
  kind: 'binding',
  action,
  summary: `${action} Microsoft Entra role`,
  marks: action === 'remove' ? ['removal'] : [],
  dependsOn: [],
  detail: {
    binding: 'directoryRole',
    roleDefinitionId: 'r',
    roleName: 'Helpdesk Administrator',
    scope: '/',
    privileged,
  },
  before: null,
  after: null,
});

describe('plan risk summary: what a reviewer looks at first', () => {
  it('counts the changes and lists each risky operation once, under its most serious kind', () => {
    const s = riskSummary(samplePlan());
    assert.equal(s.counts, '1 to add, 1 to change, 1 to remove, 1 drift, in 1 group.');
    assert.deepEqual(
      s.risks.map((r) => [r.kind, r.ops.map((o) => o.id)]),
      [
        ['removal', ['helpdesk/remove-bob']],
        ['weakens-policy', ['helpdesk/policy']],
        ['drift', ['helpdesk/add-lead']],
      ],
    );
  });

  it('names a privileged directory role the plan grants, and its removal as a removal', () => {
    const plan = samplePlan();
    plan.groups[0].operations = [directoryRole(true), directoryRole(false), directoryRole(true, 'remove')];
    const s = riskSummary(plan);
    assert.deepEqual(
      s.risks.map((r) => [r.kind, r.ops.map((o) => o.id)]),
      [
        ['removal', ['g/role-true-remove']],
        ['privileged', ['g/role-true-add']],
      ],
    );
  });

  it('puts an irreversible create ahead of everything but removals', () => {
    const plan = samplePlan();
    plan.groups[0].operations.push({
      id: 'g/create',
      groupKey: 'tier0',
      kind: 'createGroup',
      summary: 'create role-assignable group',
      marks: ['irreversible'],
      dependsOn: [],
      group: { displayName: 'T0', type: 'security', mailNickname: 't0', roleAssignable: true },
    });
    assert.deepEqual(
      riskSummary(plan).risks.map((r) => r.kind),
      ['removal', 'irreversible', 'weakens-policy', 'drift'],
    );
  });

  it('is empty for a plan without removals or risky marks', () => {
    const plan = samplePlan();
    plan.groups[0].operations = [{ ...plan.groups[0].operations[2], marks: [] }];
    assert.deepEqual(riskSummary(plan).risks, []);
    assert.deepEqual(riskLines(riskSummary(plan), 5), []);
    assert.ok(!renderText(plan).includes('Review first'));
  });

  it('opens the terminal plan and the Markdown plan with the same kinds', () => {
    const text = renderText(samplePlan());
    assert.match(text, /^Review first:\n {2}Removes \(1\): [^\n]*\n {4}• intune-helpdesk: remove eligible member bob/);
    const md = renderMarkdown(samplePlan());
    assert.match(md, /- ⚠ \*\*Removes\*\* \(1\): intune-helpdesk: remove eligible member bob@contoso.com/);
    assert.ok(md.indexOf('**Removes**') < md.indexOf('### PIM-Intune-Helpdesk'));
  });
});
