import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { isEmpty } from '../../../src/plan';
import { harness, Harness } from '../harness/harness';
import { planFor } from '../harness/engine';
import { bindingOps, groupWith, issueText, groupIdOf } from './kit';

interface IntuneAssignment {
  id: string;
  members: string[];
  roleScopeTagIds: string[];
}

describe('bindings: Intune roles', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });
  const assignments = async () =>
    await h.t.getAll<IntuneAssignment>('/deviceManagement/roleAssignments', { version: 'beta' });
  const groupId = () => groupIdOf(h);

  it('grants a role named by display name, shown with its id, then re-plans empty', async () => {
    const ws = groupWith('intuneRoles: [ { role: Help Desk Operator, scopeTags: [ Default ] } ]');
    const { plan } = await planFor(h.t, ws, h.sb.url);
    const [op] = bindingOps(plan);
    assert.equal(op.action, 'add');
    assert.match(op.summary, /Intune role 'Help Desk Operator' \(id [0-9a-f-]{36}\), scope tags Default \(0\)/);
    assert.deepEqual(plan.groups[0].grants, ['Intune role Help Desk Operator (scope tags Default)']);
    const report = await applyPlan(h.t, plan);
    assert.equal(report.counts.done, 1, JSON.stringify(report.outcomes));
    const g = await groupId();
    const mine = (await assignments()).filter((a) => a.members.includes(g));
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0].roleScopeTagIds, ['0']);
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
  });

  it('changes the scope tags in place, shows drift made in the tenant, and removes a role no longer listed', async () => {
    await applyPlan(
      h.t,
      (await planFor(h.t, groupWith('intuneRoles: [ { role: Help Desk Operator } ]'), h.sb.url)).plan,
    );
    const eu = groupWith('intuneRoles: [ { role: Help Desk Operator, scopeTags: [ Helpdesk-EU ] } ]');
    const change = bindingOps((await planFor(h.t, eu, h.sb.url)).plan);
    assert.deepEqual(
      change.map((o) => [o.action, o.before, o.after]),
      [['change', 'Default (0)', 'Helpdesk-EU (1)']],
    );
    const applied = await planFor(h.t, eu, h.sb.url);
    await applyPlan(h.t, applied.plan);
    const g = await groupId();
    const [a] = (await assignments()).filter((x) => x.members.includes(g));
    assert.deepEqual(a.roleScopeTagIds, ['1']);
    // Someone puts the Default tag back in the portal: drift, field by field.
    await h.t.patch(`/deviceManagement/roleAssignments/${a.id}`, { roleScopeTagIds: ['0'] }, { version: 'beta' });
    const drifted = bindingOps((await planFor(h.t, eu, h.sb.url, applied.record)).plan);
    assert.deepEqual(
      drifted.map((o) => [o.action, o.before, o.after, o.marks]),
      [['change', 'Default (0)', 'Helpdesk-EU (1)', ['drift']]],
    );
    // Without the applied record it is an ordinary change (the file may have been edited).
    assert.deepEqual(
      bindingOps((await planFor(h.t, eu, h.sb.url)).plan).map((o) => o.marks),
      [[]],
    );
    const none = groupWith('intuneRoles: []');
    const { plan } = await planFor(h.t, none, h.sb.url);
    assert.deepEqual(
      bindingOps(plan).map((o) => [o.action, o.marks]),
      [['remove', ['removal']]],
    );
    await applyPlan(h.t, plan);
    assert.equal((await assignments()).filter((x) => x.id === a.id).length, 0);
    assert.ok(isEmpty((await planFor(h.t, none, h.sb.url)).plan));
  });

  it('refuses an unknown role or scope tag as a plan error naming it, before anything is written', async () => {
    const { plan } = await planFor(
      h.t,
      groupWith('intuneRoles: [ { role: Help Desk Operater }, { role: Read Only Operator, scopeTags: [ Nowhere ] } ]'),
      h.sb.url,
    );
    assert.match(issueText(plan), /Intune role 'Help Desk Operater' does not exist/);
    assert.match(issueText(plan), /scope tag\(s\) 'Nowhere' do not exist/);
    await assert.rejects(applyPlan(h.t, plan), /error/);
  });
});
