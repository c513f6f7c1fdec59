// Plan and apply through the engine exactly as the CLI does, for the graph-tier tests.
import type { Workspace } from '../../../src/definitions/model';
import { readActualState } from '../../../src/tenant/readTenant';
import type { GraphTransport } from '../../../src/graph/transport';
import { applyPlan, ApplyOptions, ApplyReport } from '../../../src/apply';
import { AppliedRecord, buildPlan, Plan, readScopeOf } from '../../../src/plan';

export async function planFor(
  t: GraphTransport,
  ws: Workspace,
  target: string,
  lastApplied?: AppliedRecord,
  now?: Date,
): Promise<{ plan: Plan; record: AppliedRecord }> {
  return buildPlan(ws, await readActualState(t, readScopeOf(ws)), { target, lastApplied, now });
}

export async function planAndApply(
  t: GraphTransport,
  ws: Workspace,
  target: string,
  opts: ApplyOptions = {},
): Promise<{ plan: Plan; report: ApplyReport; record: AppliedRecord }> {
  const { plan, record } = await planFor(t, ws, target);
  const report = await applyPlan(t, plan, opts);
  return { plan, report, record: { ...record, appliedAt: new Date().toISOString() } };
}
