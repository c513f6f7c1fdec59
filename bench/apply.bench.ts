// npm run bench:apply — apply 1,000 new eligible assignments against a throttled sandbox and print the whole apply
// (the fresh read that proves the plan current, the writes, the check afterwards) against the write-only floor (the
// writes alone at the write budget), checking that every assignment landed exactly once. Side by side in one run:
//  - the documented shape: Graph's identity-and-access limits meter writes apart from all requests (the smallest
//    tenant tier allows 3,500 resource units per 10 s and 3,000 writes per 150 s: 17.5 requests per write); scaled
//    to the bench's 10 writes per second that is 175 requests per second. PIM's own limits are not published.
//  - one shared budget: reads, writes and $batch envelopes all spend the same 10 requests per second (stricter than
//    anything documented; kept to show what reading less buys).
// Each with an immediately consistent sandbox and with a replication lag (BENCH_LAG_MS, 0 skips).
import { loadavg } from 'node:os';
import { startSandbox } from '../src/sandbox';
import { addGroup, addUser } from '../src/sandbox/seed/build';
import { loadWorkspace } from '../src/definitions';
import { sandboxTokenSource } from '../src/auth/tokenSource';
import { GraphTransport } from '../src/graph/transport';
import { readActualState } from '../src/tenant/readTenant';
import { applyPlan } from '../src/apply';
import { buildPlan, readScopeOf, allOperations } from '../src/plan';

const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 1000);
const PER_GROUP = 10;
const WRITES_PER_SECOND = 10;
const LAG_MS = Number(process.env.BENCH_LAG_MS ?? 2000);

interface Model {
  name: string;
  /** Every request (reads, writes, $batch envelopes). */
  requests: { requests: number; perMs: number };
  /** Writes alone, on top of `requests` (absent: writes only spend the shared budget). */
  writes?: { requests: number; perMs: number };
}
const MODELS: Model[] = [
  {
    name: 'documented shape: writes 10/s, all requests 175/s',
    requests: { requests: 175, perMs: 1000 },
    writes: { requests: WRITES_PER_SECOND, perMs: 1000 },
  },
  { name: 'one shared budget: 10 requests/s', requests: { requests: WRITES_PER_SECOND, perMs: 1000 } },
];

interface Result {
  model: string;
  lagMs: number;
  wall: number;
  ratio: number;
  accepted: number;
  reads: number;
  throttled: number;
  ok: boolean;
}

async function run(model: Model, lagMs: number): Promise<Result> {
  const sb = await startSandbox({
    seed: 'empty',
    throttle: model.requests,
    writeThrottle: model.writes,
    consistencyLagMs: lagMs || undefined,
  });
  const state = sb.state;
  const start = new Date(Date.now() - 86_400_000).toISOString();
  const groups = ASSIGNMENTS / PER_GROUP;
  const users = Array.from({ length: PER_GROUP * 5 }, (_, i) =>
    addUser(state, `apply.user${i}@${state.tenant.domain}`, `Apply User ${i}`),
  );
  const docs: string[] = [];
  for (let g = 0; g < groups; g++) {
    addGroup(state, `apply-group-${g}`, start, { pimOnboarded: true });
    const people = Array.from({ length: PER_GROUP }, (_, k) => users[(g + k * 5) % users.length]);
    docs.push(
      `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: apply-group-${g} }\ngroup: { displayName: apply-group-${g} }\nassignments:\n  mode: additive\n  eligible:\n${people.map((u) => `    - { principal: 'user:${u.userPrincipalName}', duration: P30D }`).join('\n')}\n`,
    );
  }
  const ws = loadWorkspace([{ path: 'apply.pim.yaml', text: docs.join('---\n') }]);
  const t = new GraphTransport({
    baseUrl: sb.url,
    credential: sandboxTokenSource({ upn: 'admin@contoso.com', mfa: true }),
  });
  const { plan } = buildPlan(ws, await readActualState(t, readScopeOf(ws)), { target: sb.url });
  const adds = allOperations(plan).filter((o) => o.kind === 'addAssignment').length;
  console.log(
    `Apply ${adds} new eligible assignments (${groups} groups); ${model.name}; ${lagMs ? `replication lag up to ${lagMs} ms` : 'no replication lag'}`,
  );

  const logStart = sb.requestLog.length;
  const started = Date.now();
  let writesStarted = 0,
    writesEnded = 0;
  const report = await applyPlan(t, plan, {
    onEvent: (e) => {
      if (e.type === 'phase' && e.phase === 'assignments') writesStarted = Date.now();
      if (e.type === 'verify') writesEnded = Date.now();
    },
  });
  const wall = (Date.now() - started) / 1000;
  const served = sb.requestLog.slice(logStart);
  const accepted = served.filter((e) => e.status !== 429).length;
  const throttled = served.length - accepted;
  const writeWall = (writesEnded - writesStarted) / 1000;
  const writeAccepted = served.filter(
    (e) => e.method === 'POST' && /eligibilityScheduleRequests/.test(e.path) && e.status !== 429,
  ).length;
  const perSecond = WRITES_PER_SECOND;

  const live = Object.values(sb.state.schedules).filter((s) => s.kind === 'eligibility' && !s.removedDateTime);
  const keys = live.map((s) => `${s.groupId}|${s.principalId}`);
  const duplicates = keys.length - new Set(keys).size;
  const lost = adds - new Set(keys).size;

  console.log(
    `whole apply (fresh read + ${adds} writes + verification read): ${wall.toFixed(1)} s; ${accepted} requests accepted, ${throttled} answered 429`,
  );
  if (!model.writes)
    console.log(
      `  throttle-limited minimum for those ${accepted} requests: ${(accepted / perSecond).toFixed(1)} s → ${(wall / (accepted / perSecond)).toFixed(2)}×`,
    );
  console.log(
    `  phases: fresh read ${((writesStarted - started) / 1000).toFixed(1)} s, writes ${writeWall.toFixed(1)} s, check ${(wall - (writesEnded - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `assignment phase alone: ${writeWall.toFixed(1)} s for ${writeAccepted} accepted writes (+ their $batch envelopes)`,
  );
  console.log(
    `  minimum for ${adds} writes at ${perSecond}/s: ${(adds / perSecond).toFixed(1)} s → ${(writeWall / (adds / perSecond)).toFixed(2)}×`,
  );
  const floor = adds / perSecond;
  const reads = served.filter((e) => e.method === 'GET' && e.status !== 429).length;
  console.log(
    `write-only floor (${adds} writes at ${perSecond}/s): ${floor.toFixed(1)} s → whole apply ${(wall / floor).toFixed(2)}× (target ≤ 1.3×); ${reads} reads accepted (${(reads / groups).toFixed(1)} per group)`,
  );
  console.log(
    `converged: ${report.converged}; lost: ${lost}; duplicated: ${duplicates}; failed: ${report.counts.failed}\n`,
  );
  await sb.close();
  const ok = report.converged && !lost && !duplicates && !report.counts.failed;
  return { model: model.name, lagMs, wall, ratio: wall / floor, accepted, reads, throttled, ok };
}

async function main(): Promise<void> {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  const results: Result[] = [];
  for (const model of MODELS) for (const lag of LAG_MS ? [0, LAG_MS] : [0]) results.push(await run(model, lag));
  console.log('whole apply against the write-only floor (target ≤ 1.3×):');
  for (const r of results)
    console.log(
      `  ${r.model.padEnd(50)} ${(r.lagMs ? `lag ≤ ${r.lagMs} ms` : 'no lag').padEnd(14)} ${r.wall.toFixed(1).padStart(6)} s  ${r.ratio.toFixed(2)}×  ${r.accepted} requests (${r.reads} reads), ${r.throttled} × 429${r.ok ? '' : '  NOT CONVERGED'}`,
    );
  const ok = results.every((r) => r.ok);
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
