// Definitions + the tenant's actual state → a Plan. Pure: the reader fetched everything beforehand.
import { effectivePolicy } from '../definitions/templates';
import type { Workspace } from '../definitions/model';
import { ROLES } from '../definitions/model';
import type { ActualState, ReadScope } from '../tenant/actualState';
import type { AppliedRecord } from './appliedRecord';
import { fingerprintOf } from './fingerprint';
import { Plan, PlanBasis, PlanIssue, PLAN_FORMAT_VERSION, summarize } from './model';
import { planGroup } from './planGroup';
import { deletedDefinitionIssue, deletedDefinitionsOf } from './deletedDefinitions';
import { tenantChecks, tenantChecksScope } from './tenantChecks';
import { bindingsReadScopeOf } from '../bindings/registry';
import { appendBindings } from './bindingOps';
import { protectedPrincipalIssues } from './protectedPrincipals';

/** What the applied record adds to a plan: the last apply for this target, and which of its groups this plan covers. */
export interface RecordContext {
  target?: string;
  lastApplied?: AppliedRecord;
  /** Whether a recorded definition file is part of this plan (default: it is one of the workspace's files). */
  covers?: (file: string) => boolean;
  /** Recorded definitions to stop reporting as deleted (their access stays; apply drops them from the record). */
  forget?: string[];
}

/**
 * What the reader must fetch for a workspace: its groups (by the applied record's id when the file pins none), the
 * groups of definitions deleted since the last apply, and every principal and approver it names.
 */
export function readScopeOf(
  ws: Pick<Workspace, 'groups' | 'templates' | 'settings'>,
  ctx: RecordContext = {},
): ReadScope {
  const refs = new Set<string>();
  for (const ref of ws.settings?.protectedPrincipals ?? []) if (ref) refs.add(ref);
  for (const g of ws.groups) {
    for (const a of [...g.assignments.eligible, ...g.assignments.active]) refs.add(a.principal);
    for (const ref of g.group.owners ?? []) refs.add(ref);
    for (const role of ROLES)
      for (const ref of effectivePolicy(g, role, ws.templates)?.activation?.approval?.approvers ?? []) refs.add(ref);
  }
  return {
    groups: [
      ...ws.groups.map((g) => {
        const recordedId = g.group.id ? undefined : lastOf(ctx)?.groups[g.metadata.name]?.groupId;
        return {
          key: g.metadata.name,
          displayName: g.group.displayName,
          ...(g.group.id ? { id: g.group.id } : recordedId ? { id: recordedId, recorded: true } : {}),
          ...(g.group.owners ? { owners: true } : {}),
        };
      }),
      ...deletedDefinitions(ws, ctx)
        .filter(([, r]) => r.groupId)
        .map(([key, r]) => ({ key, id: r.groupId!, displayName: r.group?.displayName ?? key })),
    ],
    principalRefs: [...refs].sort(),
    bindings: bindingsReadScopeOf(ws.groups),
    checks: tenantChecksScope(ws),
  };
}

export interface PlanOptions extends RecordContext {
  target: string;
  /** Default: when the tenant was read, by its clock (expiry is judged by the tenant's time). */
  now?: Date;
}

const lastOf = (ctx: RecordContext) =>
  ctx.lastApplied && (!ctx.target || ctx.lastApplied.target === ctx.target) ? ctx.lastApplied : undefined;

export interface PlanResult {
  plan: Plan;
  record: AppliedRecord;
}

export function buildPlan(
  ws: Pick<Workspace, 'groups' | 'templates' | 'settings'>,
  state: ActualState,
  opts: PlanOptions,
): PlanResult {
  const now = (opts.now ?? new Date(state.readAt)).getTime();
  const scope = readScopeOf(ws, opts);
  const basis: PlanBasis = {
    ...scope,
    managed: {},
    ...(ws.settings ? { settingsFile: ws.settings.source.file } : {}),
  };
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
  issues.push(...deletedDefinitions(ws, opts).map(([key, r]) => deletedDefinitionIssue(key, r, state)));
  issues.push(...tenantChecks(ws, state, groups));
  issues.push(...protectedPrincipalIssues(ws.settings, state, groups, now));
  basis.desired = record.groups;
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: new Date(now).toISOString(),
    target: opts.target,
    fingerprint: fingerprintOf(basis, state),
    basis,
    groups,
    issues,
    summary: summarize(groups, issues),
  };
  return { plan, record };
}

function deletedDefinitions(ws: Pick<Workspace, 'groups'>, ctx: RecordContext) {
  return deletedDefinitionsOf(ws, lastOf(ctx), ctx.covers, ctx.forget);
}
