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

  const idOf = async (collection: string, filter: string) =>
    (await h.t.get<{ value: { id: string }[] }>(`/${collection}?$filter=${filter}`)).value[0].id;
  /** Someone makes henry eligible in the portal, in group `groupId`, after the plan was made. */
  async function portalAddsHenryTo(groupId: string): Promise<void> {
    await h.t.post(paths.eligibilityRequests, {
      action: 'adminAssign',
      accessId: 'member',
      groupId,
      principalId: await idOf('users', `userPrincipalName eq 'henry@contoso.com'`),
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'P10D' } },
    });
  }
  const writes = () => h.sb.requestLog.filter((e) => e.method !== 'GET' && !/getByIds|\$batch/.test(e.path)).length;

  it('refuses a plan when the tenant changed since it was made, and applies nothing', async () => {
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    // A group the plan manages authoritatively.
    await portalAddsHenryTo(plan.groups.find((g) => g.key === 'intune-helpdesk')!.groupId!);
    const writesBefore = writes();
    await assert.rejects(applyPlan(h.t, plan), StalePlanError);
    assert.equal(writes(), writesBefore);
  });

  it('does not treat changes outside what the plan depends on as staleness', async () => {
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    // A group no definition names.
    await portalAddsHenryTo(await idOf('groups', `displayName eq 'PIM-Exchange-Admins'`));
    assert.ok((await applyPlan(h.t, plan)).converged);
  });
});
