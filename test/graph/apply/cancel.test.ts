import * as assert from 'node:assert/strict';
import { applyPlan } from '../../../src/apply';
import type { ApplyEvent } from '../../../src/apply';
import { allOperations, isEmpty } from '../../../src/plan';
import { examplesWorkspace, harness, Harness } from '../harness/harness';
import { planFor } from '../harness/engine';

describe('engine: cancellation mid-apply', function () {
  this.timeout(120_000);
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ latencyMs: 5 });
  });
  afterEach(async () => {
    await h.close();
  });

  const cases: [string, (e: ApplyEvent, n: number) => boolean][] = [
    ['at the start of "create groups"', (e) => e.type === 'phase' && e.phase === 'create groups'],
    ['after the 6th operation (onboarding)', (_e, n) => n === 6],
    ['after the 12th operation (policy rules in flight)', (_e, n) => n === 12],
    ['at the start of "assignments"', (e) => e.type === 'phase' && e.phase === 'assignments'],
  ];
  for (const [when, trigger] of cases) {
    it(`stops between steps when cancelled ${when}, reports exactly what happened, and a new plan finishes the job`, async () => {
      const ws = examplesWorkspace();
      const { plan } = await planFor(h.t, ws, h.sb.url);
      const controller = new AbortController();
      let settled = 0;
      const report = await applyPlan(h.t, plan, {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'operation') settled++;
          if (trigger(e, settled)) controller.abort();
        },
      });
      assert.equal(report.cancelled, true);
      assert.equal(report.converged, false);
      assert.ok(report.counts.cancelled > 0);
      assert.equal(report.counts.failed, 0);
      assert.equal(report.outcomes.length, allOperations(plan).length, 'every operation has an outcome');
      // Correct report: each operation reported done is visible in the tenant.
      assert.deepEqual(report.notConverged, []);
      // Consistent state: what is left is exactly what was not done, and applying it converges.
      const notDone = new Set(report.outcomes.filter((o) => o.status !== 'done').map((o) => o.id));
      const rest = (await planFor(h.t, ws, h.sb.url)).plan;
      for (const op of allOperations(rest))
        assert.ok(notDone.has(op.id), `${op.id} was reported done but is planned again`);
      assert.equal(allOperations(rest).length, notDone.size);
      const finish = await applyPlan(h.t, rest);
      assert.ok(finish.converged, finish.notConverged.join('\n'));
      assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));
    });
  }
});
