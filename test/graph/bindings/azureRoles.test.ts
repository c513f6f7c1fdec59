import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { isEmpty } from '../../../src/plan';
import { harness, Harness } from '../harness/harness';
import { planFor } from '../harness/engine';
import { bindingOps, groupWith, issueText, RG, SUB, groupIdOf } from './kit';

const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
interface ArmList {
  value: { id: string; name: string; properties: { scope: string; roleDefinitionId: string; principalType: string } }[];
}

describe('bindings: Azure roles (ARM at the sandbox /arm)', function () {
  this.timeout(120_000);
  let h: Harness, gid: string;
  beforeEach(async () => {
    h = await harness();
    gid = await groupIdOf(h);
  });
  afterEach(async () => {
    await h.close();
  });
  const armList = (scope: string) =>
    h.t.get<ArmList>(
      `${h.sb.url}/arm${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=principalId eq '${gid}'`,
    );

  it('grants Contributor on a resource group (principalType Group), re-plans empty, and removes it when unlisted', async () => {
    const ws = groupWith(`azureRoles: [ { scope: ${RG('rg-payments')}, role: Contributor } ]`);
    const { plan } = await planFor(h.t, ws, h.sb.url);
    assert.deepEqual(
      bindingOps(plan).map((o) => o.summary),
      [`grant Azure role 'Contributor' (id ${CONTRIBUTOR}) on ${RG('rg-payments')}`],
    );
    assert.equal((await applyPlan(h.t, plan)).counts.done, 1);
    const listed = (await armList(RG('rg-payments'))).value;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].properties.principalType, 'Group');
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
    const moved = groupWith(`azureRoles: [ { scope: ${RG('rg-contractor-sandbox')}, role: Reader } ]`);
    const next = await planFor(h.t, moved, h.sb.url);
    assert.deepEqual(
      bindingOps(next.plan)
        .map((o) => [o.action, o.marks])
        .sort(),
      [
        ['add', []],
        ['remove', ['removal']],
      ],
    );
    await applyPlan(h.t, next.plan);
    assert.equal(
      (await armList(RG('rg-payments'))).value.filter((a) => a.properties.scope === RG('rg-payments')).length,
      0,
    );
    assert.ok(isEmpty((await planFor(h.t, moved, h.sb.url)).plan));
  });

  it('treats 409 RoleAssignmentExists as done when the existing assignment is the same grant', async () => {
    const ws = groupWith(`azureRoles: [ { scope: ${RG('rg-payments')}, role: Contributor } ]`);
    const { plan } = await planFor(h.t, ws, h.sb.url);
    // Between plan and apply someone makes the same grant under another name (bindings are not in the fingerprint).
    await h.t.request(
      'PUT',
      `${h.sb.url}/arm${RG('rg-payments')}/providers/Microsoft.Authorization/roleAssignments/5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d?api-version=2022-04-01`,
      {
        properties: {
          roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${CONTRIBUTOR}`,
          principalId: gid,
          principalType: 'Group',
        },
      },
      { idempotent: true },
    );
    const report = await applyPlan(h.t, plan);
    assert.equal(report.counts.done, 1, JSON.stringify(report.outcomes));
    assert.equal((await armList(RG('rg-payments'))).value.length, 1);
  });

  it('marks Owner at subscription scope as privileged, and names unknown roles and resource groups as plan errors', async () => {
    const { plan } = await planFor(
      h.t,
      groupWith(`azureRoles: [ { scope: /subscriptions/${SUB}, role: Owner } ]`),
      h.sb.url,
    );
    const [op] = bindingOps(plan);
    assert.deepEqual(op.marks, ['weakens-policy']);
    assert.match(op.summary, /PRIVILEGED/);
    const bad = await planFor(
      h.t,
      groupWith(
        `azureRoles: [ { scope: ${RG('rg-nope')}, role: Reader }, { scope: ${RG('rg-payments')}, role: Janitor } ]`,
      ),
      h.sb.url,
    );
    assert.match(issueText(bad.plan), /Azure scope '.*rg-nope' cannot be used: .*ResourceGroupNotFound/);
    assert.match(issueText(bad.plan), /Azure role 'Janitor' does not exist/);
  });

  it("surfaces ARM's refusal at apply with the target named (a caller without rights on the scope)", async () => {
    const ws = groupWith(`azureRoles: [ { scope: ${RG('rg-payments')}, role: Reader } ]`);
    const { plan } = await planFor(h.t, ws, h.sb.url);
    // Take the caller's Owner away between plan and apply.
    const me = (await h.t.get<{ id: string }>('/me')).id;
    const mine = (
      await h.t.get<ArmList>(
        `${h.sb.url}/arm/subscriptions/${SUB}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=principalId eq '${me}'`,
      )
    ).value;
    await Promise.all(
      mine.map((a) =>
        h.t.request('DELETE', `${h.sb.url}/arm${a.id}?api-version=2022-04-01`, undefined, { idempotent: true }),
      ),
    );
    const report = await applyPlan(h.t, plan);
    const failed = report.outcomes.find((o) => o.status === 'failed');
    assert.match(failed?.message ?? '', /grant Azure role 'Reader'.*rg-payments.*AuthorizationFailed/);
  });
});
