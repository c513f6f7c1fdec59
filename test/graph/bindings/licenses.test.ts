import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { isEmpty } from '../../../src/plan';
import { harness, Harness } from '../harness/harness';
import { planFor } from '../harness/engine';
import { bindingOps, groupWith, issueText, groupIdOf } from './kit';

const FLOW = 'f30db892-07e9-47e9-837c-80727f46fd3d';

describe('bindings: group-based licences', function () {
  this.timeout(120_000);
  let h: Harness, gid: string;
  beforeEach(async () => {
    h = await harness();
    gid = await groupIdOf(h);
  });
  afterEach(async () => {
    await h.close();
  });
  const assigned = async () =>
    (
      await h.t.get<{ assignedLicenses: { skuId: string; disabledPlans: string[] }[] }>(
        `/groups/${gid}?$select=assignedLicenses`,
      )
    ).assignedLicenses;

  it('assigns a SKU by part number, changes its disabled plans by name, shows drift, and removes it when unlisted', async () => {
    const ws = groupWith('licenses: [ { sku: FLOW_FREE } ]');
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(
      bindingOps(plan).map((o) => o.summary),
      [`assign licence FLOW_FREE (skuId ${FLOW})`],
    );
    await applyPlan(h.t, plan);
    assert.deepEqual(await assigned(), [{ skuId: FLOW, disabledPlans: [] }]);
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));

    const without = groupWith('licenses: [ { sku: FLOW_FREE, disabledPlans: [ FLOW_P2_VIRAL ] } ]');
    const change = (await planFor(h.t, without, h.sb.url)).plan;
    assert.deepEqual(
      bindingOps(change).map((o) => [o.action, o.before, o.after]),
      [['change', 'FLOW_FREE', 'FLOW_FREE without FLOW_P2_VIRAL']],
    );
    await applyPlan(h.t, change);
    assert.deepEqual((await assigned())[0].disabledPlans, ['50e68c76-46c6-4674-81f9-75456511b170']);
    // Drift: someone re-enables the plan in the portal.
    await h.t.post(`/groups/${gid}/assignLicense`, {
      addLicenses: [{ skuId: FLOW, disabledPlans: [] }],
      removeLicenses: [],
    });
    assert.deepEqual(
      bindingOps((await planFor(h.t, without, h.sb.url)).plan).map((o) => [o.action, o.before]),
      [['change', 'FLOW_FREE']],
    );

    const none = groupWith('licenses: []');
    const removal = (await planFor(h.t, none, h.sb.url)).plan;
    assert.deepEqual(
      bindingOps(removal).map((o) => [o.action, o.marks, o.summary]),
      [['remove', ['removal'], `remove licence FLOW_FREE (skuId ${FLOW})`]],
    );
    assert.equal((await applyPlan(h.t, removal)).counts.done, 1);
    assert.deepEqual(await assigned(), []);
    assert.ok(isEmpty((await planFor(h.t, none, h.sb.url)).plan));
  });

  it('names an unknown SKU or service plan as a plan error', async () => {
    const { plan } = await planFor(
      h.t,
      groupWith('licenses: [ { sku: POWER_NOTHING }, { sku: FLOW_FREE, disabledPlans: [ EXCHANGE_S_STANDARD ] } ]'),
      h.sb.url,
    );
    assert.match(issueText(plan), /Licence SKU 'POWER_NOTHING' is not subscribed/);
    assert.match(issueText(plan), /Service plan\(s\) 'EXCHANGE_S_STANDARD' are not part of FLOW_FREE/);
  });

  it("surfaces the directory's refusal at apply naming the licence (the SKU was removed from the tenant after planning)", async () => {
    const { plan } = await planFor(h.t, groupWith('licenses: [ { sku: FLOW_FREE } ]'), h.sb.url);
    delete h.sb.state.subscribedSkus[FLOW];
    const report = await applyPlan(h.t, plan);
    assert.match(
      report.outcomes[0].message ?? '',
      /assign licence FLOW_FREE.*Request_BadRequest.*does not correspond to a valid company License/,
    );
  });
});
