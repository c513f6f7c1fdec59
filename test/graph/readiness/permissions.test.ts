import * as assert from 'node:assert/strict';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { examplesWorkspace } from '../harness/harness';
import { planFor } from '../harness/engine';
import { PLAN_ONLY, reportFor, result, transportAs } from './readinessHarness';

describe("readiness: the token's permissions against what each command needs", function () {
  this.timeout(60_000);
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  afterEach(async () => {
    await sb.close();
  });

  it('passes plan for the plan-only scopes, and those scopes really plan the examples without a refusal', async () => {
    const t = transportAs(sb, 'admin@contoso.com', PLAN_ONLY);
    const report = await reportFor(t, examplesWorkspace(), ['plan']);
    assert.equal(result(report, 'permissions.plan').status, 'pass');
    const { plan } = await planFor(t, examplesWorkspace(), sb.url);
    assert.deepEqual(
      plan.issues.filter((i) => i.severity === 'error').map((i) => i.message),
      [],
    );
  });

  it('fails apply for the plan-only scopes, naming each missing write scope', async () => {
    const t = transportAs(sb, 'admin@contoso.com', PLAN_ONLY);
    const r = result(await reportFor(t, examplesWorkspace(), ['apply']), 'permissions.apply');
    assert.equal(r.status, 'fail');
    const missing = r.details!.join('\n');
    for (const scope of [
      'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
      'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
      'RoleManagementPolicy.ReadWrite.AzureADGroup',
      'Group.ReadWrite.All',
      'Policy.ReadWrite.ConditionalAccess',
      'DeviceManagementRBAC.ReadWrite.All',
    ])
      assert.ok(missing.includes(scope), `${scope} in\n${missing}`);
    // Scopes it holds are not listed as missing.
    assert.ok(!/PrivilegedAccess\.Read\.AzureADGroup/.test(missing));
  });

  it('asks for the binding kinds only when the definitions use them', async () => {
    const t = transportAs(
      sb,
      'admin@contoso.com',
      PLAN_ONLY.filter((s) => s !== 'DeviceManagementRBAC.Read.All'),
    );
    const ws = examplesWorkspace();
    const withIntune = result(await reportFor(t, ws, ['plan']), 'permissions.plan');
    assert.equal(withIntune.status, 'fail');
    assert.match(withIntune.details!.join('\n'), /DeviceManagementRBAC\.Read\.All/);
    ws.groups = ws.groups.filter((g) => !g.bindings?.intuneRoles);
    assert.equal(result(await reportFor(t, ws, ['plan']), 'permissions.plan').status, 'pass');
  });

  it('warns when only an optional scope is missing (plan then skips its tenant checks)', async () => {
    const t = transportAs(
      sb,
      'admin@contoso.com',
      PLAN_ONLY.filter((s) => s !== 'Organization.Read.All').concat('LicenseAssignment.Read.All'),
    );
    const r = result(await reportFor(t, examplesWorkspace(), ['plan']), 'permissions.plan');
    assert.equal(r.status, 'pass', JSON.stringify(r));
    const bare = transportAs(
      sb,
      'admin@contoso.com',
      PLAN_ONLY.filter((s) => !/^(Organization|Policy)\./.test(s)),
    );
    const ws = examplesWorkspace();
    ws.groups = ws.groups.filter((g) => !g.bindings);
    const w = result(await reportFor(bare, ws, ['plan']), 'permissions.plan');
    assert.equal(w.status, 'warn');
    assert.match(w.what, /Policy\.Read\.All/);
  });
});
