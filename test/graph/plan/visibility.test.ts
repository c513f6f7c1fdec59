// group.visibility of a Microsoft 365 group against the sandbox: set at creation, changed in place between Private
// and Public (drift-checked), exported, and never moved into or out of HiddenMembership on an existing group.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { loadWorkspace } from '../../../src/definitions';
import { exportGroups } from '../../../src/export/exportGroups';
import { allOperations, isEmpty, Plan } from '../../../src/plan';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planFor } from '../harness/engine';

const TEAM = (visibility: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: falcon-2 }
group:
  displayName: PIM-Falcon-Two
  type: microsoft365
  mailNickname: falcon-two
  visibility: ${visibility}
`;
const summaries = (plan: Plan) => allOperations(plan).map((o) => `${o.summary} [${o.marks.join(',')}]`);

describe('plan: group.visibility of Microsoft 365 groups', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());
  const group = () => Object.values(h.sb.state.groups).find((g) => g.displayName === 'PIM-Falcon-Two')!;

  it('creates a Private group, converges, changes it to Public in place, tells drift, and exports back', async () => {
    const ws = workspaceOf(TEAM('Private'));
    assert.deepEqual(ws.findings, []);
    const { plan, record } = await planFor(h.t, ws, h.sb.url);
    const create = allOperations(plan).find((o) => o.kind === 'createGroup')!;
    assert.equal(create.kind === 'createGroup' && create.group.visibility, 'Private');
    assert.deepEqual(create.marks, [], 'Private can change later: not irreversible');
    assert.ok((await applyPlan(h.t, plan)).converged);
    assert.equal(group().visibility, 'Private');
    assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url, record)).plan));

    const open = workspaceOf(TEAM('Public'));
    const change = await planFor(h.t, open, h.sb.url, record);
    assert.deepEqual(summaries(change.plan), ["update group visibility 'Private' → 'Public' []"]);
    assert.ok((await applyPlan(h.t, change.plan)).converged);
    assert.equal(group().visibility, 'Public');

    // Changed back in the tenant: the file has not changed since the last apply, so it is drift.
    await h.t.request('PATCH', `/groups/${group().id}`, { visibility: 'Private' }, { idempotent: true });
    const drift = await planFor(h.t, open, h.sb.url, change.record);
    assert.deepEqual(summaries(drift.plan), ["update group visibility 'Private' → 'Public' [drift]"]);

    const [g] = (await exportGroups(h.t, { names: ['PIM-Falcon-Two'] })).groups;
    assert.equal(g.definition.group.visibility, 'Private');
    const back = loadWorkspace([{ path: 'back.pim.yaml', text: g.text }]);
    assert.ok(isEmpty((await planFor(h.t, back, h.sb.url)).plan));
  });

  it('creates a group with hidden membership [irreversible], and refuses to change it later (PIM242)', async () => {
    const hidden = workspaceOf(TEAM('HiddenMembership'));
    const { plan } = await planFor(h.t, hidden, h.sb.url);
    assert.deepEqual(allOperations(plan).find((o) => o.kind === 'createGroup')!.marks, ['irreversible']);
    assert.ok((await applyPlan(h.t, plan)).converged);
    assert.equal(group().visibility, 'HiddenMembership');
    const { plan: change } = await planFor(h.t, workspaceOf(TEAM('Private')), h.sb.url);
    const issue = change.issues.find((i) => i.code === 'PIM242');
    assert.ok(issue, JSON.stringify(change.issues));
    assert.match(issue.message, /never changes that after creation/);
    assert.equal(
      allOperations(change).filter((o) => o.kind === 'updateGroup').length,
      0,
      'nothing is planned for the group',
    );
  });
});
