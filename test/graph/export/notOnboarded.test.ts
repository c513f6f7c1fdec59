import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../src/definitions';
import { exportGroups } from '../../../src/export/exportGroups';
import { allOperations, hasErrors, isEmpty } from '../../../src/plan';
import { harness, Harness } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';
import { listOnboardedGroupIds } from '../../../src/tenant/onboarded';

// 'Helpdesk Leads' is seeded as a plain security group that PIM does not manage (docs/sandbox.md).
const PLAIN = 'Helpdesk Leads';

describe('export: a group that is not onboarded to PIM', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  const exported = async () => {
    const result = await exportGroups(h.t, { names: [PLAIN] });
    assert.equal(result.groups.length, 1, result.warnings.join('\n'));
    return result.groups[0];
  };
  const opsOf = (plan: Parameters<typeof allOperations>[0]) =>
    allOperations(plan).map((o) => `${o.kind}: ${o.summary}`);

  it('is exported with onboard: false and without policies or assignments, and its plan is empty', async () => {
    const g = await exported();
    assert.match(g.text, /^ {2}onboard: false$/m);
    assert.doesNotMatch(g.text, /^policies:|^assignments:/m);
    const ws = loadWorkspace([{ path: `${g.name}.pim.yaml`, text: g.text }]);
    assert.deepEqual(
      ws.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`),
      [],
    );
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.equal(hasErrors(plan), false, plan.issues.map((i) => i.message).join('\n'));
    assert.ok(isEmpty(plan), opsOf(plan).join('\n'));
  });

  it('is onboarded by the plan once the file no longer says onboard: false', async () => {
    const g = await exported();
    const text = g.text.replace(/^ {2}onboard: false\n/m, '');
    assert.notEqual(text, g.text);
    const ws = loadWorkspace([{ path: `${g.name}.pim.yaml`, text }]);
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(opsOf(plan), [`onboardGroup: onboard '${PLAIN}' to PIM (permanent: a group cannot leave PIM)`]);
    const { report } = await planAndApply(h.t, ws, h.sb.url);
    assert.ok(report.converged, report.notConverged.join('\n'));
    assert.ok((await listOnboardedGroupIds(h.t)).has(g.groupId.toLowerCase()));
    // Exported again, it is an ordinary onboarded group.
    assert.doesNotMatch((await exported()).text, /onboard:/);
  });

  it('warns, and changes nothing, when the tenant onboarded the group since the export', async () => {
    const g = await exported();
    const onboard = loadWorkspace([{ path: 'x.pim.yaml', text: g.text.replace(/^ {2}onboard: false\n/m, '') }]);
    await planAndApply(h.t, onboard, h.sb.url);
    const { plan } = await planFor(h.t, loadWorkspace([{ path: `${g.name}.pim.yaml`, text: g.text }]), h.sb.url);
    assert.ok(isEmpty(plan), opsOf(plan).join('\n'));
    assert.deepEqual(
      plan.issues.map((i) => i.code),
      ['PIM218'],
    );
  });
});
