import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { loadWorkspace } from '../../../src/definitions';
import { exportGroups } from '../../../src/export/exportGroups';
import { allOperations, isEmpty } from '../../../src/plan';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planFor } from '../harness/engine';
import { bindingOps, issueText } from './kit';

const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const TIER0 = `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: tier0 }
group:
  displayName: PIM-Tier0-Test
  roleAssignable: true
policies:
  member:
    activation:
      requireMfa: true
      approval: { approvers: [ user:lead@contoso.com ] }
assignments:
  eligible:
    - { principal: user:alice@contoso.com, duration: P30D }
bindings:
  directoryRoles:
    - role: Helpdesk Administrator
`;

interface Assignments {
  value: { id: string; roleDefinitionId: string; directoryScopeId: string }[];
}

describe('bindings: Microsoft Entra roles of role-assignable groups', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());
  const rolesOf = (gid: string) =>
    h.t.get<Assignments>(`/roleManagement/directory/roleAssignments?$filter=principalId eq '${gid}'`);

  it('creates a role-assignable group [irreversible], binds Helpdesk Administrator, converges, and exports back', async () => {
    const ws = workspaceOf(TIER0);
    assert.deepEqual(ws.findings, []);
    const { plan } = await planFor(h.t, ws, h.sb.url);
    const create = allOperations(plan).find((o) => o.kind === 'createGroup')!;
    assert.deepEqual(create.marks, ['irreversible']);
    assert.match(create.summary, /^create role-assignable security group 'PIM-Tier0-Test'$/);
    const [bind] = bindingOps(plan);
    assert.equal(bind.detail.binding, 'directoryRole');
    assert.deepEqual(bind.marks, ['weakens-policy'], 'Helpdesk Administrator is privileged');
    assert.match(bind.summary, /Helpdesk Administrator.*PRIVILEGED/);
    assert.deepEqual(plan.groups[0].grants, [
      'Microsoft Entra role Helpdesk Administrator on the directory (privileged)',
    ]);

    const report = await applyPlan(h.t, plan);
    assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    const gid = Object.values(h.sb.state.groups).find((g) => g.displayName === 'PIM-Tier0-Test')!;
    assert.equal(gid.isAssignableToRole, true);
    assert.deepEqual(
      (await rolesOf(gid.id)).value.map((a) => [a.roleDefinitionId, a.directoryScopeId]),
      [[HELPDESK_ADMIN, '/']],
    );
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));

    const exported = await exportGroups(h.t, { names: ['PIM-Tier0-Test'] });
    const [g] = exported.groups;
    assert.equal(g.definition.group.roleAssignable, true);
    assert.deepEqual(g.definition.bindings?.directoryRoles, [{ role: 'Helpdesk Administrator' }]);
    const back = loadWorkspace([{ path: 'tier0.pim.yaml', text: g.text }]);
    assert.deepEqual(
      back.findings.filter((f) => f.severity === 'error'),
      [],
    );
    const again = (await planFor(h.t, back, h.sb.url)).plan;
    assert.ok(
      isEmpty(again),
      allOperations(again)
        .map((o) => o.summary)
        .join('\n'),
    );
  });

  it('removes a directory role the file no longer lists, marked as a removal', async () => {
    const ws = workspaceOf(TIER0);
    await applyPlan(h.t, (await planFor(h.t, ws, h.sb.url)).plan);
    const without = workspaceOf(TIER0.replace(/directoryRoles:\n.*\n/, 'directoryRoles: []\n'));
    const { plan } = await planFor(h.t, without, h.sb.url);
    assert.deepEqual(
      bindingOps(plan).map((o) => [o.action, o.marks]),
      [['remove', ['removal']]],
    );
    assert.ok((await applyPlan(h.t, plan)).converged);
    const gid = Object.values(h.sb.state.groups).find((g) => g.displayName === 'PIM-Tier0-Test')!.id;
    assert.deepEqual((await rolesOf(gid)).value, []);
  });

  it('refuses to bind a group that is not role-assignable: in the editor (PIM063) and in the plan (PIM240)', async () => {
    const plain = TIER0.replace('PIM-Tier0-Test', 'PIM-Intune-Helpdesk');
    const edited = workspaceOf(plain.replace('  roleAssignable: true\n', ''));
    assert.deepEqual(
      edited.findings.map((f) => f.code),
      ['PIM063'],
    );
    const { plan } = await planFor(h.t, workspaceOf(plain), h.sb.url);
    const issue = plan.issues.find((i) => i.code === 'PIM240');
    assert.ok(issue, issueText(plan));
    assert.equal(issue.severity, 'error');
    assert.match(issue.message, /can be set only when a group is created/);
    assert.equal(bindingOps(plan).length, 0, 'nothing is planned for the group');
  });

  it('names an unknown Microsoft Entra role as a plan error', async () => {
    const { plan } = await planFor(
      h.t,
      workspaceOf(TIER0.replace('Helpdesk Administrator', 'Helpdesk Wizard')),
      h.sb.url,
    );
    assert.match(issueText(plan), /error PIM301: Microsoft Entra role 'Helpdesk Wizard' does not exist/);
  });
});
