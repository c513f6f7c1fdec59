import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportGroups } from '../../../src/export/exportGroups';
import { loadWorkspace } from '../../../src/definitions';
import { allOperations, isEmpty, renderMarkdown, renderText } from '../../../src/plan';
import { examplesWorkspace, harness, Harness, ROOT } from '../harness/harness';
import { planAndApply, planFor } from '../harness/engine';
import { bindingOps } from './kit';
import { renderExamplesPlan } from './planExamples';

describe('bindings: the examples (five use cases and a tier-0 group) end to end', function () {
  this.timeout(180_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('plans one binding operation per binding of the examples, with resolved ids and a blast radius per group', async () => {
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    assert.deepEqual(plan.issues, []);
    const byGroup = Object.fromEntries(
      plan.groups.map((g) => [
        g.key,
        bindingOps({ ...plan, groups: [g] }).map((o) => o.summary.replace(/[0-9a-f-]{36}/g, '…')),
      ]),
    );
    assert.deepEqual(byGroup, {
      'azure-contractors': [
        "grant Azure role 'Contributor' (id …) on /subscriptions/…/resourceGroups/rg-payments",
        "grant Azure role 'Contributor' (id …) on /subscriptions/…/resourceGroups/rg-contractor-sandbox",
      ],
      'ca-travellers': [
        "exclude from Conditional Access 'Block sign-ins from outside Australia' (id …)",
        "include in Conditional Access 'Travellers - stricter sign-in' (id …)",
      ],
      'intune-helpdesk': ["grant Intune role 'Help Desk Operator' (id …), scope tags Default (0)"],
      'power-automate-license': ['assign licence FLOW_FREE (skuId …)'],
      'project-falcon-team': ["create the Team of 'PIM-Project-Falcon-Team' (and its SharePoint site)"],
      'tier0-helpdesk-admins': [
        "assign Microsoft Entra role 'Helpdesk Administrator' (template …) on the directory — PRIVILEGED role",
      ],
    });
    assert.match(
      renderText(plan),
      /PIM-Azure-Contractors \(azure-contractors, new\)\n {2}membership grants: Azure Contributor on .*rg-payments; Azure Contributor on .*rg-contractor-sandbox/,
    );
    assert.match(renderMarkdown(plan), /_membership grants: licence FLOW\\_FREE_/);
  });

  it('applies the five examples, the bindings are in the tenant, re-plans empty, and an export plans empty too', async () => {
    const { report } = await planAndApply(h.t, examplesWorkspace(), h.sb.url);
    assert.equal(report.counts.failed, 0, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
    assert.ok(report.converged, report.notConverged.join('\n'));
    const s = h.sb.state;
    assert.equal(Object.values(s.intune.roleAssignments).length, 1);
    assert.equal(Object.values(s.azure.roleAssignments).filter((a) => a.principalType === 'Group').length, 2);
    assert.ok((await planFor(h.t, examplesWorkspace(), h.sb.url)).plan.groups.every((g) => !g.operations.length));

    const names = [
      'PIM-Intune-Helpdesk',
      'PIM-Azure-Contractors',
      'PIM-Project-Falcon-Team',
      'PIM-License-PowerAutomate',
      'PIM-CA-Travellers',
    ];
    const exported = await exportGroups(h.t, { names });
    const texts = exported.groups.map((g) => g.text).join('\n');
    for (const line of [
      'role: Help Desk Operator',
      'role: Contributor',
      'sku: FLOW_FREE',
      'excludeFrom:',
      'team: true',
    ])
      assert.ok(texts.includes(line), `${line} in the export`);
    const ws = loadWorkspace(exported.groups.map((g) => ({ path: `${g.name}.pim.yaml`, text: g.text })));
    assert.deepEqual(
      ws.findings.filter((f) => f.severity === 'error').map((f) => f.message),
      [],
    );
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.ok(
      isEmpty(plan),
      allOperations(plan)
        .map((o) => `${o.groupKey}: ${o.summary}`)
        .join('\n'),
    );
  });

  it('docs/plan-examples.md matches a fresh render of the examples against the demo tenant', async () => {
    const committed = fs.readFileSync(path.join(ROOT, 'docs/plan-examples.md'), 'utf8');
    assert.equal(
      committed,
      await renderExamplesPlan(),
      'regenerate: node out/test/graph/bindings/planExamples.js > docs/plan-examples.md',
    );
  });
});
