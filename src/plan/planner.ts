// Definitions + the tenant's actual state → a Plan. Pure: the reader fetched everything beforehand.
import { effectivePolicy } from '../definitions/templates';
import type { Workspace } from '../definitions/model';
import { ROLES } from '../definitions/model';
import type { ActualState, ReadScope } from '../tenant/actualState';
import type { AppliedRecord } from './appliedRecord';
import { fingerprintOf } from './fingerprint';
import { Plan, PlanBasis, PlanIssue, PLAN_FORMAT_VERSION, summarize } from './model';
import { planGroup } from './planGroup';
import { appendBindings, bindingsReadScopeOf } from '../bindings/planIntegration';

/** What the reader must fetch for a workspace: its groups, and every principal and approver it names. */
export function readScopeOf(ws: Pick<Workspace, 'groups' | 'templates'>): ReadScope {
  const refs = new Set<string>();
  for (const g of ws.groups) {
    for (const a of [...g.assignments.eligible, ...g.assignments.active]) refs.add(a.principal);
    for (const role of ROLES) for (const ref of effectivePolicy(g, role, ws.templates)?.activation?.approval?.approvers ?? []) refs.add(ref);
  }
  return {
    groups: ws.groups.map((g) => ({ key: g.metadata.name, displayName: g.group.displayName, ...(g.group.id ? { id: g.group.id } : {}) })),
    principalRefs: [...refs].sort(),
    bindings: bindingsReadScopeOf(ws.groups),
  };
}

export interface PlanOptions { target: string; now?: Date; lastApplied?: AppliedRecord }

export interface PlanResult { plan: Plan; record: AppliedRecord }

export function buildPlan(ws: Pick<Workspace, 'groups' | 'templates'>, state: ActualState, opts: PlanOptions): PlanResult {
  const now = (opts.now ?? new Date()).getTime();
  const scope = readScopeOf(ws);
  const basis: PlanBasis = { ...scope, managed: {} };
  const last = opts.lastApplied?.target === opts.target ? opts.lastApplied : undefined;
  const record: AppliedRecord = { formatVersion: 1, target: opts.target, appliedAt: '', groups: {} };
  const issues: PlanIssue[] = [];
  const groups = ws.groups.map((def) => {
    const r = planGroup(def, ws.templates, state, now, last?.groups[def.metadata.name]);
    basis.managed[def.metadata.name] = r.managed;
    record.groups[def.metadata.name] = r.record;
    issues.push(...r.issues);
    appendBindings(def, state, r.plan, issues, r.record, last?.groups[def.metadata.name]);
    return r.plan;
  });
  basis.desired = record.groups;
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION, createdAt: new Date(now).toISOString(), target: opts.target,
    fingerprint: fingerprintOf(basis, state), basis, groups, issues, summary: summarize(groups, issues),
  };
  return { plan, record };
}
