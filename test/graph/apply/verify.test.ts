import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { allOperations, AssignmentOp } from '../../../src/plan';
import { addGroup, addUser } from '../../../src/sandbox/seed/build';
import { touch } from '../../../src/sandbox/pimIndex';
import { harness, Harness, workspaceOf } from '../harness/harness';
import { planFor } from '../harness/engine';

describe('engine: the check after an apply that only adds eligible assignments', function () {
  this.timeout(120_000);
  let h: Harness;
  const groups = ['verify-a', 'verify-b'];
  beforeEach(async () => {
    h = await harness({ seed: 'empty' });
    const start = new Date(Date.now() - 86_400_000).toISOString();
    for (const g of groups) addGroup(h.sb.state, g, start, { pimOnboarded: true });
    for (const u of ['ada', 'bo']) addUser(h.sb.state, `${u}@${h.sb.state.tenant.domain}`, u);
  });
  afterEach(async () => {
    await h.close();
  });

  const definitions = () =>
    workspaceOf(
      groups
        .map(
          (g) =>
            `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: ${g} }\ngroup: { displayName: ${g} }\n` +
            `assignments:\n  mode: additive\n  eligible:\n` +
            ['ada', 'bo'].map((u) => `    - { principal: 'user:${u}@contoso.com', duration: P30D }\n`).join(''),
        )
        .join('---\n'),
    );

  it('reads one eligibility list per group, and reports an assignment that is gone by then', async () => {
    const { plan } = await planFor(h.t, definitions(), h.sb.url);
    const adds = allOperations(plan) as AssignmentOp[];
    assert.deepEqual(
      adds.map((o) => o.kind),
      ['addAssignment', 'addAssignment', 'addAssignment', 'addAssignment'],
    );
    const gone = adds[0];
    let checkFrom = 0;
    const report = await applyPlan(h.t, plan, {
      onEvent: (e) => {
        if (e.type !== 'verify') return;
        checkFrom = h.sb.requestLog.length;
        // Someone removes one of the new assignments between its write and the check.
        const s = Object.values(h.sb.state.schedules).find(
          (x) => !x.removedDateTime && x.principalId === gone.principal.id && x.groupId === plan.groups[0].groupId,
        )!;
        s.removedDateTime = new Date().toISOString();
        touch(h.sb.state); // the sandbox's indexes see the change
      },
    });
    assert.ok(checkFrom > 0, 'the check ran');
    const reads = h.sb.requestLog
      .slice(checkFrom)
      .filter((e) => e.inBatch || e.method === 'GET')
      .map((e) => decodeURIComponent(e.path));
    assert.deepEqual(
      reads.sort(),
      plan.groups
        .map(
          (g) =>
            `/v1.0/identityGovernance/privilegedAccess/group/eligibilitySchedules?$filter=groupId eq '${g.groupId}'`,
        )
        .sort(),
    );
    assert.equal(report.counts.done, 4, 'every write was answered as done');
    assert.equal(report.converged, false);
    assert.deepEqual(report.notConverged, [`${gone.summary}: not reflected in the tenant`]);
  });
});
