// group.owners against the sandbox: standing directory owners planned, applied through owners/$ref, converged,
// drift-checked, exported and planned back to nothing; never the last user owner.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { Ledger } from '../../../src/apply/outcomes';
import { runOwnerOps } from '../../../src/apply/ownerSteps';
import { loadWorkspace } from '../../../src/definitions';
import { exportGroups } from '../../../src/export/exportGroups';
import { allOperations, isEmpty, OwnerOp, Plan } from '../../../src/plan';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planFor } from '../harness/engine';

const TIER0 = `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: tier0-owned }
group:
  displayName: PIM-Tier0-Owned
  roleAssignable: true
  owners:
    - user:lead@contoso.com
    - user:admin@contoso.com
assignments:
  eligible:
    - { principal: user:alice@contoso.com, duration: P30D }
`;
/** A seeded onboarded group whose standing owner is admin@ (a permanent active owner, as PIM shows it). */
const EXCHANGE = (owners: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: exchange }
group:
  displayName: PIM-Exchange-Admins
  owners: ${owners}
`;

const ownerOps = (plan: Plan) =>
  allOperations(plan)
    .filter((o): o is OwnerOp => o.kind === 'addOwner' || o.kind === 'removeOwner')
    .map((o) => [o.kind, o.principal.ref, o.marks]);
const summaries = (plan: Plan) =>
  allOperations(plan)
    .map((o) => o.summary)
    .join('\n');

describe('plan: group.owners, the standing directory owners', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());
  const groupNamed = (name: string) => Object.values(h.sb.state.groups).find((g) => g.displayName === name)!;
  const ownerUpns = async (gid: string) =>
    (await h.t.get<{ value: { userPrincipalName?: string }[] }>(`/groups/${gid}/owners`)).value
      .map((o) => o.userPrincipalName)
      .sort();

  it('creates a role-assignable group with its owners, converges, tells drift, and exports back to an empty plan', async () => {
    const ws = workspaceOf(TIER0);
    assert.deepEqual(ws.findings, []);
    const { plan, record } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(ownerOps(plan), [
      ['addOwner', 'user:lead@contoso.com', []],
      ['addOwner', 'user:admin@contoso.com', []],
    ]);
    const report = await applyPlan(h.t, plan);
    assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    const gid = groupNamed('PIM-Tier0-Owned').id;
    assert.deepEqual(await ownerUpns(gid), ['admin@contoso.com', 'lead@contoso.com']);
    const second = (await planFor(h.t, ws, h.sb.url, record)).plan;
    assert.ok(isEmpty(second), summaries(second));

    // Someone removes an owner in the tenant: the next plan adds it back, marked drift.
    const admin =
      h.sb.state.users[
        Object.keys(h.sb.state.users).find((id) => /^admin@/.test(h.sb.state.users[id].userPrincipalName))!
      ];
    await h.t.request('DELETE', `/groups/${gid}/owners/${admin.id}/$ref`, undefined, { idempotent: true });
    const drift = (await planFor(h.t, ws, h.sb.url, record)).plan;
    assert.deepEqual(ownerOps(drift), [['addOwner', 'user:admin@contoso.com', ['drift']]]);
    assert.ok((await applyPlan(h.t, drift)).converged);

    const exported = await exportGroups(h.t, { names: ['PIM-Tier0-Owned'] });
    const [g] = exported.groups;
    assert.deepEqual(g.definition.group.owners, ['user:admin@contoso.com', 'user:lead@contoso.com']);
    assert.match(g.text, /owners:\n {4}- user:admin@contoso.com\n {4}- user:lead@contoso.com\n/);
    const back = loadWorkspace([{ path: 'back.pim.yaml', text: g.text }]);
    assert.deepEqual(
      back.findings.filter((f) => f.severity === 'error'),
      [],
    );
    const again = (await planFor(h.t, back, h.sb.url)).plan;
    assert.ok(isEmpty(again), summaries(again));
  });

  it('replaces an owner the list leaves out: adds first, removes after, marked [removal]', async () => {
    const { plan } = await planFor(h.t, workspaceOf(EXCHANGE('[ user:lead@contoso.com ]')), h.sb.url);
    assert.deepEqual(ownerOps(plan), [
      ['addOwner', 'user:lead@contoso.com', []],
      ['removeOwner', 'user:admin@contoso.com', ['removal']],
    ]);
    assert.match(summaries(plan), /remove directory owner user:admin@contoso.com \(not in group.owners\)/);
    assert.ok((await applyPlan(h.t, plan)).converged);
    assert.deepEqual(await ownerUpns(groupNamed('PIM-Exchange-Admins').id), ['lead@contoso.com']);
  });

  it('leaves owners alone when the file writes no owners, and keeps an owner the assignments list', async () => {
    const unmanaged = (await planFor(h.t, workspaceOf(EXCHANGE('[]').replace('  owners: []\n', '')), h.sb.url)).plan;
    assert.deepEqual(ownerOps(unmanaged), []);
    const assigned = workspaceOf(
      `${EXCHANGE('[ user:lead@contoso.com ]')}assignments:\n  mode: additive\n  active:\n    - { principal: user:admin@contoso.com, role: owner, permanent: true }\n`,
    );
    const { plan } = await planFor(h.t, assigned, h.sb.url);
    assert.deepEqual(ownerOps(plan), [['addOwner', 'user:lead@contoso.com', []]]);
  });

  it('never plans away the last user owner (PIM241), and names an owner the tenant does not have (PIM201)', async () => {
    const { plan } = await planFor(h.t, workspaceOf(EXCHANGE('[ sp:0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6 ]')), h.sb.url);
    const last = plan.issues.find((i) => i.code === 'PIM241');
    assert.ok(last, JSON.stringify(plan.issues));
    assert.equal(last.severity, 'error');
    assert.deepEqual(ownerOps(plan), []);

    const ghost = (await planFor(h.t, workspaceOf(EXCHANGE('[ user:nobody@contoso.com ]')), h.sb.url)).plan;
    const unknown = ghost.issues.find((i) => i.code === 'PIM201')!;
    assert.match(unknown.message, /'user:nobody@contoso.com' was not found in the tenant/);
    assert.equal(unknown.source?.range.start.line, 5, 'points at the owners line (zero-based)');
  });

  it('takes an owner that is one already, and one already gone, as done (the service answers 400 and 404)', async () => {
    const gid = groupNamed('PIM-Exchange-Admins').id;
    const { plan } = await planFor(h.t, workspaceOf(EXCHANGE('[ user:lead@contoso.com ]')), h.sb.url);
    const ops = allOperations(plan).filter((o): o is OwnerOp => o.kind === 'addOwner' || o.kind === 'removeOwner');
    // The tenant moves on its own first: lead@ becomes an owner, then admin@ stops being one.
    const lead = ops.find((o) => o.kind === 'addOwner')!.principal.id;
    const admin = ops.find((o) => o.kind === 'removeOwner')!.principal.id;
    await h.t.request('POST', `/groups/${gid}/owners/$ref`, {
      '@odata.id': `${h.t.baseUrl}/v1.0/directoryObjects/${lead}`,
    });
    await h.t.request('DELETE', `/groups/${gid}/owners/${admin}/$ref`, undefined, { idempotent: true });
    const ledger = new Ledger(ops, () => undefined);
    await runOwnerOps(h.t, ops, () => gid, ledger);
    assert.deepEqual(
      ledger.all().map((o) => [o.kind, o.status]),
      [
        ['addOwner', 'done'],
        ['removeOwner', 'done'],
      ],
    );
  });
});
