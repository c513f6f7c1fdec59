import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../src/definitions';
import { exportGroups } from '../../../src/export/exportGroups';
import { discoverPimGroups } from '../../../src/tenant/discovery';
import { allOperations, isEmpty } from '../../../src/plan';
import { examplesWorkspace, harness, Harness } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';

describe('engine: export', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('exports every onboarded group as valid definitions whose plan is empty', async () => {
    await planAndApply(h.t, examplesWorkspace(), h.sb.url);
    const result = await exportGroups(h.t, { all: true });
    const names = result.groups.map((g) => g.definition.group.displayName);
    for (const expected of [
      'PIM-Intune-Helpdesk',
      'PIM-Exchange-Admins',
      'PIM-Finance-Reports',
      'PIM-Azure-Contractors',
    ])
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    const ws = loadWorkspace(result.groups.map((g) => ({ path: `${g.name}.pim.yaml`, text: g.text })));
    assert.deepEqual(
      ws.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}: ${f.message}`),
      [],
    );
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(
      plan.issues.filter((i) => i.severity === 'error'),
      [],
    );
    assert.ok(
      isEmpty(plan),
      allOperations(plan)
        .map((o) => `${o.groupKey}: ${o.summary}`)
        .join('\n'),
    );
  });

  it('discovers the PIM-enabled groups (for export --all and the tree view), not the others', async () => {
    const found = await discoverPimGroups(h.t);
    assert.deepEqual(
      found.map((g) => g.displayName),
      ['PIM-Exchange-Admins', 'PIM-Finance-Reports', 'PIM-Intune-Helpdesk'],
    );
    assert.equal(found.find((g) => g.displayName === 'PIM-Finance-Reports')!.type, 'microsoft365');
  });

  it('exports a group by name with its policies and assignments', async () => {
    const result = await exportGroups(h.t, { names: ['PIM-Intune-Helpdesk', 'No Such Group'] });
    assert.deepEqual(result.notFound, ['No Such Group']);
    const [g] = result.groups;
    assert.match(g.text, /displayName: PIM-Intune-Helpdesk/);
    assert.match(g.text, /maxDuration: PT4H/);
    assert.match(g.text, /principal: user:alice@contoso\.com/);
    assert.match(g.text, /principal: user:bob@contoso\.com/);
  });
});
