// npm run bench:plan — plan 500 groups (member and owner policies, 4 eligible + 1 active each) against a sandbox
// with 50 ms latency per request: our batched reader against a one-request-per-resource reader (the way other
// tools read), side by side in one run, same planner. Prints round trips and wall time for both. The sandbox runs in
// a process of its own (bench/support/sandboxProcess.ts), so CPU and memory are the client's.
import { join } from 'node:path';
import { forkSandbox } from './support/sandboxProcess';
import type { GroupSpec, PlanSandboxSetup } from './support/planSandbox.child';
import { loadWorkspace } from '../src/definitions';
import { sandboxTokenSource } from '../src/auth/tokenSource';
import { GraphTransport } from '../src/graph/transport';
import { paths } from '../src/graph/api/paths';
import { filterParam, quote } from '../src/graph/odata';
import { readActualState } from '../src/tenant/readTenant';
import { groupOf, policiesOf, scheduleOf, principalOf } from '../src/tenant/convert';
import type { ActualState, ReadScope, ActualGroup } from '../src/tenant/actualState';
import type { GraphGroup, GraphPolicyAssignment, GraphSchedule, GraphDirectoryObject } from '../src/graph/types';
import { principalKey } from '../src/definitions/principalReference';
import { buildPlan, readScopeOf, allOperations } from '../src/plan';

const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const LATENCY = 50;
const CONCURRENCY = 4;

/** One GET per thing read, `CONCURRENCY` in flight: group by name, onboarding, each policy assignment, each policy with its rules, each schedule list, each principal. */
async function naiveRead(t: GraphTransport, scope: ReadScope): Promise<ActualState> {
  const state: ActualState = { readAt: new Date().toISOString(), groups: {}, principals: {}, directory: {} };
  const jobs = scope.groups.map((ref) => async () => {
    const found = (await t.get<{ value: GraphGroup[] }>(paths.groupsWhere(`displayName eq ${quote(ref.displayName)}`)))
      .value;
    if (found.length !== 1) {
      state.groups[ref.key] = found.length ? { state: 'ambiguous', ids: found.map((g) => g.id) } : { state: 'absent' };
      return;
    }
    let onboarded = true;
    try {
      await t.get(paths.resource(found[0].id));
    } catch {
      onboarded = false;
    }
    const group: ActualGroup = groupOf(found[0], onboarded);
    const assignments: GraphPolicyAssignment[] = [];
    for (const role of ['member', 'owner']) {
      const a = (
        await t.get<{ value: GraphPolicyAssignment[] }>(
          `/policies/roleManagementPolicyAssignments?${filterParam(`scopeId eq ${quote(group.id)} and scopeType eq 'Group' and roleDefinitionId eq '${role}'`)}`,
        )
      ).value[0];
      if (!a) continue;
      a.policy = await t.get(`/policies/roleManagementPolicies/${a.policyId}?$expand=rules`);
      assignments.push(a);
    }
    group.policies = policiesOf(assignments);
    const elig = (await t.get<{ value: GraphSchedule[] }>(paths.eligibilitySchedules(group.id))).value;
    const assign = (await t.get<{ value: GraphSchedule[] }>(paths.assignmentSchedules(group.id))).value;
    group.schedules = [...elig.map((s) => scheduleOf(s, 'eligible')), ...assign.map((s) => scheduleOf(s, 'active'))]
      .filter((s) => !!s)
      .sort((a, b) => a!.id.localeCompare(b!.id)) as ActualGroup['schedules'];
    for (const s of group.schedules) {
      const o = await t.get<GraphDirectoryObject>(`/directoryObjects/${s.principalId}`);
      const p = principalOf(o);
      if (p) state.directory[p.id] = p;
    }
    state.groups[ref.key] = { state: 'found', group };
  });
  for (const ref of scope.principalRefs)
    jobs.push(async () => {
      const upn = ref.slice('user:'.length);
      try {
        const u = await t.get<GraphDirectoryObject>(
          `/users/${encodeURIComponent(upn)}?$select=id,displayName,userPrincipalName`,
        );
        const p = { id: u.id, kind: 'user' as const, ref: `user:${u.userPrincipalName}`, displayName: u.displayName };
        state.principals[principalKey(ref)] = { state: 'found', principal: p };
        state.directory[u.id] = p;
      } catch {
        state.principals[principalKey(ref)] = { state: 'unknown' };
      }
    });
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
  return state;
}

function definitions(groups: GroupSpec[]): string {
  const policy = `    activation: { maxDuration: PT8H, requireJustification: true }\n    eligibility: { allowPermanent: false, maxDuration: P365D }\n    assignment: { allowPermanent: false, maxDuration: P180D, requireJustification: true }\n`;
  return groups
    .map(
      (g) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: ${g.name} }
group: { displayName: ${g.name} }
policies:
  member:
${policy}  owner:
${policy}assignments:
  eligible:
${g.eligible.map((e) => `    - { principal: 'user:${e.upn}', until: '${e.until}' }`).join('\n')}
  active:
    - { principal: 'user:${g.active.upn}', until: '${g.active.until}', justification: on call }
`,
    )
    .join('---\n');
}

const seconds = (since: bigint) => (Number(process.hrtime.bigint() - since) / 1e9).toFixed(1);

async function main(): Promise<void> {
  const seeding = process.hrtime.bigint();
  const setup: PlanSandboxSetup = { groups: GROUPS, latencyMs: LATENCY };
  const sb = await forkSandbox<GroupSpec[]>(join(__dirname, 'support', 'planSandbox.child.js'), setup);
  const specs = sb.info;
  const seeded = seconds(seeding);
  const loading = process.hrtime.bigint();
  // 500 groups a file: a definition file is limited to 2 MB, and real repositories keep one file per team or group.
  const files = [];
  for (let i = 0; i < specs.length; i += 500)
    files.push({ path: `bench-${i / 500}.pim.yaml`, text: definitions(specs.slice(i, i + 500)) });
  const ws = loadWorkspace(files);
  const errors = ws.findings.filter((f) => f.severity === 'error');
  if (errors.length)
    throw new Error(
      errors
        .slice(0, 3)
        .map((f) => f.message)
        .join('\n'),
    );
  const scope = readScopeOf(ws);
  // Set-up, not part of a plan's cost: the sandbox's seeding and the definitions' load (validated in their own bench).
  console.log(
    `set-up: sandbox seeded in ${seeded} s, ${files.length} definition files loaded in ${seconds(loading)} s`,
  );
  const transport = () =>
    new GraphTransport({
      baseUrl: sb.url,
      credential: sandboxTokenSource({ upn: 'admin@contoso.com', mfa: true }),
      batchConcurrency: CONCURRENCY,
    });

  const measure = async (name: string, read: (t: GraphTransport) => Promise<ActualState>) => {
    const t = transport();
    const logStart = await sb.requestCount();
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const actual = await read(t);
    const readMs = Number(process.hrtime.bigint() - started) / 1e6;
    const { plan } = buildPlan(ws, actual, { target: sb.url });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const inner = (await sb.requestCount()) - logStart;
    const used = process.cpuUsage(cpu);
    const cpuS = (used.user + used.system) / 1e6;
    console.log(
      `${name.padEnd(34)} ${String(t.stats.roundTrips).padStart(6)} round trips ${String(inner).padStart(6)} requests served ${(ms / 1000).toFixed(1).padStart(7)} s (read ${(readMs / 1000).toFixed(1)} s + plan ${((ms - readMs) / 1000).toFixed(1)} s)   plan: ${allOperations(plan).length} operations, ${plan.issues.length} issues (${plan.issues.map((i) => i.code).join(', ')}), fingerprint ${plan.fingerprint.slice(0, 12)}\n${''.padEnd(34)} CPU ${cpuS.toFixed(1)} s (the client's; the sandbox runs in its own process, as the service is remote)`,
    );
    return { trips: t.stats.roundTrips, ms, fingerprint: plan.fingerprint };
  };

  console.log(
    `Plan for ${GROUPS} groups (member + owner policies, 4 eligible + 1 active each), sandbox latency ${LATENCY} ms, ${CONCURRENCY} requests/batches in flight\n`,
  );
  // Peak memory of the client (the sandbox is another process). memoryUsage.rss() reads the figure alone;
  // memoryUsage() walks the heap, which costs seconds at this size.
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const ours = await measure('batched reader (pim-groups)', (t) => readActualState(t, scope));
  clearInterval(sampler);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `peak RSS:    client ${mb(peak)} during read and plan, ${mb(process.resourceUsage().maxRSS * 1024)} including loading the definitions; sandbox process ${mb(await sb.peakRss())} (target: client < 500 MB, < 15 s at 5,000 groups)`,
  );
  // The one-request-per-resource reader takes hours at thousands of groups: BENCH_BATCHED_ONLY=1 skips it.
  if (process.env.BENCH_BATCHED_ONLY) {
    await sb.close();
    return;
  }
  const naive = await measure('one request per resource', (t) => naiveRead(t, scope));
  console.log(`\nround trips: ${(ours.trips / naive.trips).toFixed(3)} of the other reader's (target ≤ 0.1)`);
  console.log(`wall time:   ${(naive.ms / ours.ms).toFixed(1)}× faster (target ≥ 8×)`);
  console.log(
    `same plan:   ${ours.fingerprint === naive.fingerprint ? 'yes (identical fingerprints)' : 'NO — fingerprints differ'}`,
  );
  await sb.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
