import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadWorkspace } from '../../../src/definitions';
import { allOperations, isEmpty } from '../../../src/plan';
import { applyPlan, StalePlanError } from '../../../src/apply';
import { paths } from '../../../src/graph/api/paths';
import { findDefinitionFiles } from '../../../src/cli/definitionFiles';
import { examplesWorkspace, harness, Harness, ROOT } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';

describe('engine: plan and apply against the sandbox', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('plans every operation kind for the examples in a handful of round trips', async () => {
    const before = h.t.stats.roundTrips;
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    const kinds = new Set(allOperations(plan).map((o) => o.kind));
    assert.deepEqual([...kinds].sort(), [
      'addAssignment',
      'addOwner',
      'binding',
      'createGroup',
      'onboardGroup',
      'removeAssignment',
      'updateAssignment',
      'updateGroup',
      'updatePolicyRule',
    ]);
    assert.deepEqual(plan.issues, []);
    // Groups, policies and schedules take a handful of batched round trips; bindings add two Graph batches and the
    // ARM reads of the subscription the examples name.
    // One more batch carries the facts the plan checks (authentication contexts, approver groups, owners, licences).
    assert.ok(h.t.stats.roundTrips - before <= 11, `read in ${h.t.stats.roundTrips - before} round trips`);
  });

  it('applies all examples, converges, and a new plan is empty', async () => {
    const { report } = await planAndApply(h.t, examplesWorkspace(), h.sb.url);
    assert.equal(report.counts.failed, 0, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    assert.ok(report.converged, report.notConverged.join('\n'));
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    assert.ok(isEmpty(plan), JSON.stringify(allOperations(plan).map((o) => o.summary)));
  });

  for (const file of findDefinitionFiles(['examples'], ROOT).filter((f) => !/templates/.test(f.path))) {
    it(`applies ${path.basename(file.path)} alone and converges`, async () => {
      const templates = findDefinitionFiles(['examples/templates.pim.yaml'], ROOT);
      const ws = loadWorkspace([...templates, file]);
      const { report } = await planAndApply(h.t, ws, h.sb.url);
      assert.ok(
        report.converged,
        JSON.stringify({ outcomes: report.outcomes.filter((o) => o.status !== 'done'), not: report.notConverged }),
      );
      assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
    });
  }

  it('refuses a plan when the tenant changed since it was made, and applies nothing', async () => {
    const ws = examplesWorkspace();
    const { plan } = await planFor(h.t, ws, h.sb.url);
    // Someone adds an eligibility in the portal for a group the plan manages authoritatively.
    const helpdesk = plan.groups.find((g) => g.key === 'intune-helpdesk')!.groupId!;
    const henry = (
      await h.t.get<{ value: { id: string }[] }>(`/users?$filter=userPrincipalName eq 'henry@contoso.com'`)
    ).value[0].id;
    await h.t.post(paths.eligibilityRequests, {
      action: 'adminAssign',
      accessId: 'member',
      groupId: helpdesk,
      principalId: henry,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } },
    });
    const writesBefore = h.sb.requestLog.filter((e) => e.method !== 'GET' && !/getByIds|\$batch/.test(e.path)).length;
    await assert.rejects(applyPlan(h.t, plan), StalePlanError);
    assert.equal(
      h.sb.requestLog.filter((e) => e.method !== 'GET' && !/getByIds|\$batch/.test(e.path)).length,
      writesBefore,
    );
  });

  it('does not treat changes outside what the plan depends on as staleness', async () => {
    const ws = examplesWorkspace();
    const { plan } = await planFor(h.t, ws, h.sb.url);
    // An eligibility in a group no definition names.
    const exchange = (
      await h.t.get<{ value: { id: string }[] }>(`/groups?$filter=displayName eq 'PIM-Exchange-Admins'`)
    ).value[0].id;
    const henry = (
      await h.t.get<{ value: { id: string }[] }>(`/users?$filter=userPrincipalName eq 'henry@contoso.com'`)
    ).value[0].id;
    await h.t.post(paths.eligibilityRequests, {
      action: 'adminAssign',
      accessId: 'member',
      groupId: exchange,
      principalId: henry,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } },
    });
    const report = await applyPlan(h.t, plan);
    assert.ok(report.converged);
  });
});
