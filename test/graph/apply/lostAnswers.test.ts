// A write that the tenant applied but whose answer was lost, while the directory lags: apply must look before it
// sends anything again, never create a second group, and report the write done.
import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import { allOperations, isEmpty } from '../../../src/plan';
import type { CreateGroupOp } from '../../../src/plan/model';
import { createGroupRequest } from '../../../src/apply/requests';
import { examplesWorkspace, harness } from '../harness/harness';
import { planFor } from '../harness/engine';

describe('engine: lost answers and replication lag', function () {
  this.timeout(300_000);

  it('every group create loses its answer and new groups replicate in 1–2 s: one group each, converged, reported done', async () => {
    const h = await harness({
      consistencyLagMs: 2000,
      faults: { seed: 5, rate: 1, kinds: ['reset-after'], methods: ['PATCH'], path: '/v1.0/groups(uniqueName=' },
    });
    try {
      const ws = examplesWorkspace();
      const { plan } = await planFor(h.t, ws, h.sb.url);
      const creates = allOperations(plan).filter((o) => o.kind === 'createGroup');
      assert.ok(creates.length >= 2);
      const report = await applyPlan(h.t, plan);
      assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
      for (const op of creates) assert.equal(report.outcomes.find((o) => o.id === op.id)!.status, 'done');
      const names = Object.values(h.sb.state.groups).map((g) => g.displayName);
      assert.equal(new Set(names).size, names.length, 'no group created twice');
      assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
    } finally {
      await h.close();
    }
  });

  it('a group an earlier run created (answer lost) and $filter does not show yet is upserted again (204), not created twice', async () => {
    // A long lag (5–10 s), so that the plan and apply's freshness check both run while the group is still hidden.
    const h = await harness({ consistencyLagMs: 10_000 });
    try {
      const ws = examplesWorkspace();
      const before = (await planFor(h.t, ws, h.sb.url)).plan;
      const op = allOperations(before).find((o): o is CreateGroupOp => o.kind === 'createGroup')!;
      // The earlier run: its upsert landed, its answer never came back.
      const earlier = createGroupRequest(op);
      await h.t.request(earlier.method, earlier.url, earlier.body, { headers: earlier.headers, idempotent: true });
      const { plan } = await planFor(h.t, ws, h.sb.url);
      assert.ok(
        allOperations(plan).some((o) => o.id === op.id),
        'the lagging directory hides the group from the plan',
      );
      const report = await applyPlan(h.t, plan);
      assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
      assert.equal(
        Object.values(h.sb.state.groups).filter((g) => g.displayName === op.group.displayName).length,
        1,
        'one group',
      );
      const upserts = h.sb.requestLog.filter(
        (e) => e.method === 'PATCH' && e.path.includes(`/groups(uniqueName='${op.group.uniqueName}')`),
      );
      assert.deepEqual(
        upserts.map((e) => e.status),
        [201, 204],
      );
    } finally {
      await h.close();
    }
  });

  it('assignment and onboarding answers lost after processing are resolved by looking and reported done', async () => {
    const h = await harness({
      faults: { seed: 10, rate: 0.5, kinds: ['503-after', 'reset-after'], methods: ['POST', 'PATCH'], path: '/v1.0/' },
    });
    try {
      const ws = examplesWorkspace();
      const { plan } = await planFor(h.t, ws, h.sb.url);
      const report = await applyPlan(h.t, plan);
      assert.ok(report.converged, JSON.stringify(report.outcomes.filter((o) => o.status !== 'done')));
      assert.ok(
        h.sb.requestLog.some((e) => e.processedStatus !== undefined),
        'answers were lost',
      );
      assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
    } finally {
      await h.close();
    }
  });
});
