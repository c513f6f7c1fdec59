// npm run bench:apply — apply 1,000 new eligible assignments against a sandbox that allows 10 requests per second
// per caller (429 + Retry-After beyond that). Prints wall time against the throttle-limited minimum and against the
// write-only floor (the writes alone at the throttle), and checks that every assignment landed exactly once. Runs
// twice in one process: an immediately consistent sandbox, then one with a replication lag (BENCH_LAG_MS, 0 skips).
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
const RATE = { requests: 10, perMs: 1000 };
const LAG_MS = Number(process.env.BENCH_LAG_MS ?? 2000);

async function run(lagMs: number): Promise<boolean> {
  const sb = await startSandbox({ seed: 'empty', throttle: RATE, consistencyLagMs: lagMs || undefined });
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
    `Apply ${adds} new eligible assignments (${groups} groups), sandbox throttle ${RATE.requests} requests / ${RATE.perMs} ms per caller, ${lagMs ? `replication lag up to ${lagMs} ms` : 'no replication lag'}`,
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
  const perSecond = RATE.requests / (RATE.perMs / 1000);

  const live = Object.values(sb.state.schedules).filter((s) => s.kind === 'eligibility' && !s.removedDateTime);
  const keys = live.map((s) => `${s.groupId}|${s.principalId}`);
  const duplicates = keys.length - new Set(keys).size;
  const lost = adds - new Set(keys).size;

  console.log(
    `whole apply (fresh read + ${adds} writes + verification read): ${wall.toFixed(1)} s; ${accepted} requests accepted, ${throttled} answered 429`,
  );
  console.log(
    `  throttle-limited minimum for those ${accepted} requests: ${(accepted / perSecond).toFixed(1)} s → ${(wall / (accepted / perSecond)).toFixed(2)}× (target ≤ 1.25×)`,
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
  return report.converged && !lost && !duplicates;
}

async function main(): Promise<void> {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  let ok = await run(0);
  if (LAG_MS) ok = (await run(LAG_MS)) && ok;
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
