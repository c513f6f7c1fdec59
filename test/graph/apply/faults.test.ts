import * as assert from 'node:assert/strict';
import { allOperations, isEmpty } from '../../../src/plan';
import { applyPlan } from '../../../src/apply';
import type { RemoveAssignmentOp } from '../../../src/plan/model';
import { examplesWorkspace, harness } from '../harness/harness';
import { planFor } from '../harness/engine';

const RUNS = 50;

describe('engine: 50 seeded runs with 10% of requests failing (429, 503, dropped connection, answer lost after processing) and a 1–3 s replication lag', function () {
  this.timeout(600_000);
  for (let seed = 1; seed <= RUNS; seed++) {
    // Half to all of the lag per new object (replication.ts): 2,000–3,000 ms gives lags between 1 and 3 s.
    const lagMs = 2000 + ((seed * 397) % 1001);
    it(`seed ${seed} (lag ${lagMs} ms): converges, creates nothing twice, writes nothing outside the plan`, async () => {
      const h = await harness({
        faults: { seed, rate: 0.1, kinds: ['429', '503', 'reset', 'reset-after', '503-after'], retryAfter: 0, lagMs },
      });
      try {
        const ws = examplesWorkspace();
        const { plan } = await planFor(h.t, ws, h.sb.url);
        assert.deepEqual(plan.issues, []);
        const report = await applyPlan(h.t, plan);
        assert.ok(
          report.converged,
          JSON.stringify({ failed: report.outcomes.filter((o) => o.status !== 'done'), not: report.notConverged }),
        );
        assert.ok(isEmpty((await planFor(h.t, ws, h.sb.url)).plan));

        const faults = h.sb.requestLog.filter((e) => e.status === 429 || e.status === 503 || e.status === 0).length;
        assert.ok(faults > 0, 'the run met injected faults');
        // What the tenant processed, whether or not its answer reached the engine.
        const processed = (e: { status: number; processedStatus?: number }) => e.processedStatus ?? e.status;
        const writes = h.sb.requestLog.filter(
          (e) => e.method !== 'GET' && processed(e) >= 200 && processed(e) < 300 && !/\$batch|getByIds/.test(e.path),
        );
        // No assignment created twice: one accepted adminAssign per (kind, group, role, principal), one live schedule each.
        const assigns = writes
          .filter(
            (e) =>
              /ScheduleRequests$/.test(e.path.split('?')[0]) &&
              (e.body as { action?: string })?.action === 'adminAssign',
          )
          .map((e) => {
            const b = e.body as { groupId: string; accessId: string; principalId: string };
            return `${e.path.includes('eligibility') ? 'E' : 'A'}|${b.groupId}|${b.accessId}|${b.principalId}`;
          });
        assert.equal(new Set(assigns).size, assigns.length, `duplicate adminAssign: ${assigns.join('\n')}`);
        const live = Object.values(h.sb.state.schedules)
          .filter((s) => !s.removedDateTime)
          .map((s) => `${s.kind}|${s.groupId}|${s.accessId}|${s.principalId}|${s.assignmentType}`);
        assert.equal(new Set(live).size, live.length, 'one schedule per principal, role and kind');
        const names = Object.values(h.sb.state.groups).map((g) => g.displayName);
        assert.equal(new Set(names).size, names.length, 'no group created twice');
        const upserts = writes
          .filter((e) => e.path.includes('/groups(uniqueName=') && processed(e) === 201)
          .map((e) => e.path);
        assert.equal(new Set(upserts).size, upserts.length, 'each group created by exactly one request');
        // Every write is one the plan asked for: group upserts by a planned uniqueName, and nothing else on /groups.
        const plannedKeys = new Set(
          allOperations(plan)
            .filter((o) => o.kind === 'createGroup')
            .map((o) => `'pim-groups.${o.groupKey}'`),
        );
        for (const e of writes.filter((w) => w.path.includes('/groups(uniqueName=')))
          assert.ok(
            [...plannedKeys].some((k) => e.path.includes(k)),
            `unplanned group write ${e.path}`,
          );
        // Nothing outside the definitions removed: every accepted adminRemove is one the plan listed.
        const planned = new Set(
          allOperations(plan)
            .filter((o): o is RemoveAssignmentOp => o.kind === 'removeAssignment')
            .map((o) => `${o.principal.id}|${o.role}`),
        );
        const removes = writes
          .filter((e) => (e.body as { action?: string })?.action === 'adminRemove')
          .map((e) => {
            const b = e.body as { principalId: string; accessId: string };
            return `${b.principalId}|${b.accessId}`;
          });
        for (const r of removes) assert.ok(planned.has(r), `unplanned removal ${r}`);
        // Every accepted write touched a group the plan manages.
        const managedIds = new Set(
          Object.values(h.sb.state.groups)
            .filter((g) => plan.groups.some((p) => p.displayName === g.displayName))
            .map((g) => g.id),
        );
        for (const e of writes) {
          const groupId =
            (e.body as { groupId?: string })?.groupId ??
            /roleManagementPolicies\/Group_([0-9a-f-]{36})_/i.exec(e.path)?.[1];
          if (groupId) assert.ok(managedIds.has(groupId), `write outside the definitions: ${e.method} ${e.path}`);
        }
      } finally {
        await h.close();
      }
    });
  }
});
