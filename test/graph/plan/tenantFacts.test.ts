import * as assert from 'node:assert/strict';
import { allOperations, isEmpty } from '../../../src/plan';
import { applyPlan } from '../../../src/apply';
import { paths } from '../../../src/graph/api/paths';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planFor } from '../harness/engine';

const doc = (name: string, displayName: string, rest = '') =>
  `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: ${name} }\ngroup: { displayName: '${displayName}' }\n${rest}`;

describe('engine: tenant facts checked at plan time', function () {
  this.timeout(60_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a dynamic and an on-premises-synced group before anything is written', async () => {
    const ws = workspaceOf([doc('dyn', 'All Staff (dynamic)'), doc('synced', 'Sales (synced)')].join('---\n'));
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(plan.issues.map((i) => i.code).sort(), ['PIM203', 'PIM204']);
    assert.ok(isEmpty(plan));
  });

  it('refuses what the tenant policy would refuse when the file does not manage that policy', async () => {
    // PIM-Exchange-Admins keeps the default member policy: eligibility needs an expiry, at most P365D.
    const ws = workspaceOf(
      doc(
        'exchange',
        'PIM-Exchange-Admins',
        `assignments:\n  mode: additive\n  eligible:\n    - principal: user:henry@contoso.com\n      permanent: true\n    - principal: user:grace@contoso.com\n      duration: P400D\n`,
      ),
    );
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(plan.issues.map((i) => i.code).sort(), ['PIM207', 'PIM208']);
    const writes = h.sb.requestLog.filter((e) => e.method !== 'GET' && !/\$batch|getByIds/.test(e.path));
    assert.deepEqual(writes, []);
  });

  it('extends an eligibility that expires within 14 days (adminExtend), shortens an active one (adminUpdate), and converges', async () => {
    // Seed: alice and bob are eligible in PIM-Intune-Helpdesk for P30D; move the clock so they expire in 10 days.
    h.sb.clock.advance(10 * 86_400_000);
    const until = new Date(h.sb.clock.now().getTime() + 60 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ws = workspaceOf(
      doc(
        'helpdesk',
        'PIM-Intune-Helpdesk',
        `assignments:\n  mode: additive\n  eligible:\n    - principal: user:alice@contoso.com\n      until: ${until}\n  active:\n    - principal: user:frank@contoso.com\n      duration: P10D\n      justification: cover\n`,
      ),
    );
    const now = () => h.sb.clock.now();
    const first = await planFor(h.t, ws, h.sb.url, undefined, now());
    const ops = allOperations(first.plan);
    assert.deepEqual(
      ops.map((o) => (o.kind === 'updateAssignment' ? `${o.kind}:${o.action}` : o.kind)),
      ['updateAssignment:adminExtend', 'addAssignment'],
    );
    const report = await applyPlan(h.t, first.plan, { now });
    assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    // Now a shorter active assignment: not an extension, so an adminUpdate.
    const shorter = workspaceOf(
      doc(
        'helpdesk',
        'PIM-Intune-Helpdesk',
        `assignments:\n  mode: additive\n  eligible:\n    - principal: user:alice@contoso.com\n      until: ${until}\n  active:\n    - principal: user:frank@contoso.com\n      duration: P5D\n      justification: cover shorter\n`,
      ),
    );
    const second = await planFor(h.t, shorter, h.sb.url, undefined, now());
    assert.deepEqual(
      allOperations(second.plan).map((o) =>
        o.kind === 'updateAssignment' ? `${o.assignmentKind}:${o.action}` : o.kind,
      ),
      ['active:adminUpdate'],
    );
    assert.ok((await applyPlan(h.t, second.plan, { now })).converged);
    assert.ok(isEmpty((await planFor(h.t, shorter, h.sb.url, undefined, now())).plan));
    const requests = h.sb.requestLog
      .filter((e) => e.method === 'POST' && /ScheduleRequests$/.test(e.path))
      .map((e) => (e.body as { action: string }).action);
    assert.deepEqual(requests, ['adminExtend', 'adminAssign', 'adminUpdate']);
  });

  it('resolves every kind of reference in bulk: UPN (guest too), user id, group name and id, service principal appId and id', async () => {
    const sp = Object.values(h.sb.state.servicePrincipals).find((x) => x.displayName === 'pim-groups-pipeline')!;
    const leads = Object.values(h.sb.state.groups).find((g) => g.displayName === 'Helpdesk Leads')!;
    const henry = Object.values(h.sb.state.users).find((u) => u.userPrincipalName === 'henry@contoso.com')!;
    const refs = [
      'user:erin_fabrikam.com#EXT#@contoso.com',
      `user:${henry.id}`,
      'group:Helpdesk Leads',
      `group:${leads.id}`,
      `sp:${sp.appId}`,
      `sp:${sp.id}`,
    ];
    const ws = workspaceOf(
      doc(
        'exchange',
        'PIM-Exchange-Admins',
        `assignments:\n  mode: additive\n  eligible:\n${refs.map((r, i) => `    - principal: '${r}'\n      role: ${i % 2 ? 'owner' : 'member'}\n      duration: P30D\n`).join('')}`,
      ),
    );
    const before = h.t.stats.roundTrips;
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(plan.issues, []);
    const principals = allOperations(plan).map((o) =>
      o.kind === 'addAssignment' ? `${o.principal.kind}:${o.principal.id}` : o.kind,
    );
    assert.deepEqual(
      principals.sort(),
      [
        `group:${leads.id}`,
        `group:${leads.id}`,
        `sp:${sp.id}`,
        `sp:${sp.id}`,
        `user:${henry.id}`,
        `user:${Object.values(h.sb.state.users).find((u) => u.userPrincipalName.startsWith('erin'))!.id}`,
      ].sort(),
    );
    // Round 1: one $batch of filters, one getByIds $batch, the onboarded list; round 2: group details and one batch
    // of the facts the plan checks (owners, licences); round 3: names.
    assert.ok(h.t.stats.roundTrips - before <= 6, `${h.t.stats.roundTrips - before} round trips`);
  });

  it('waits for the new policy ids after onboarding instead of using stale ones', async () => {
    const ws = workspaceOf(
      doc(
        'fresh',
        'PIM-Fresh-Group',
        `policies:\n  member:\n    activation: { maxDuration: PT2H }\n  owner:\n    activation: { maxDuration: PT1H }\n`,
      ),
    );
    const { plan } = await planFor(h.t, ws, h.sb.url);
    const report = await applyPlan(h.t, plan);
    assert.ok(report.converged, report.notConverged.join('\n'));
    const groupId = Object.values(h.sb.state.groups).find((g) => g.displayName === 'PIM-Fresh-Group')!.id;
    const assignments = (
      await h.t.get<{ value: { policyId: string; roleDefinitionId: string }[] }>(paths.policyAssignments(groupId))
    ).value;
    const patched = h.sb.requestLog.filter((e) => e.method === 'PATCH').map((e) => e.path);
    for (const a of assignments)
      assert.ok(
        patched.some((p) => p.includes(a.policyId)),
        `PATCHed the current ${a.roleDefinitionId} policy id`,
      );
  });
});
