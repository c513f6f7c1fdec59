import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { allOperations } from '../../../src/plan';
import { examplesWorkspace, harness, Harness } from '../harness/harness';
import { planFor } from '../harness/engine';

describe('engine: a failed step stops only what depends on it', function () {
  this.timeout(120_000);
  let h: Harness;
  // Every group upsert (PATCH /groups(uniqueName=…)) fails with 503: no group can be created; the existing group's
  // changes do not depend on that.
  beforeEach(async () => {
    h = await harness({
      faults: { seed: 3, rate: 1, kinds: ['503'], retryAfter: 0, path: '/v1.0/groups(uniqueName=', methods: ['PATCH'] },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('skips the dependents of failed group creations, applies the independent group, and reports each outcome', async () => {
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    const report = await applyPlan(h.t, plan);
    const byId = new Map(report.outcomes.map((o) => [o.id, o]));
    const created = allOperations(plan).filter((o) => o.kind === 'createGroup');
    assert.equal(created.length, 4);
    for (const op of created) assert.equal(byId.get(op.id)!.status, 'failed');
    for (const op of allOperations(plan).filter((o) => o.groupKey !== 'intune-helpdesk' && o.kind !== 'createGroup')) {
      assert.equal(byId.get(op.id)!.status, 'skipped', op.id);
      assert.match(byId.get(op.id)!.message ?? '', /not attempted/);
    }
    for (const op of allOperations(plan).filter((o) => o.groupKey === 'intune-helpdesk'))
      assert.equal(byId.get(op.id)!.status, 'done', op.id);
    assert.equal(report.converged, false);
    assert.deepEqual(report.notConverged, [], 'everything reported done is in the tenant');
    const creates = h.sb.requestLog.filter(
      (e) => e.method === 'PATCH' && e.path.startsWith('/v1.0/groups(uniqueName='),
    );
    assert.ok(creates.length >= 4 && creates.every((e) => e.status === 503));
    assert.ok(
      !Object.values(h.sb.state.groups).some((g) => g.displayName === 'PIM-Azure-Contractors'),
      'no group half-created',
    );
  });
});

describe('engine: an assignment the service keeps refusing with 5xx', function () {
  this.timeout(180_000);
  let h: Harness;
  // Every assignment request answers 503 (before processing): apply gives up, and says what the service said.
  beforeEach(async () => {
    h = await harness({
      faults: {
        seed: 5,
        rate: 1,
        kinds: ['503'],
        retryAfter: 0,
        path: 'assignmentScheduleRequests',
        methods: ['POST'],
      },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('fails it with the last service answer (status, code and message), not a generic line', async () => {
    const { plan } = await planFor(h.t, examplesWorkspace(), h.sb.url);
    const report = await applyPlan(h.t, plan);
    const failed = report.outcomes.filter((o) => o.status === 'failed' && o.kind === 'addAssignment');
    assert.ok(failed.length > 0, 'some assignment failed');
    for (const o of failed) {
      assert.match(o.message ?? '', /gave up after \d+ attempts/);
      assert.match(o.message ?? '', /the last was POST .*assignmentScheduleRequests failed \(503 /, o.message);
    }
  });
});
