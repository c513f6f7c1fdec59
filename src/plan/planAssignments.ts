// One group's assignments: listed vs the tenant's managed schedules → add, update, and (authoritative) remove.
// Each listed assignment is checked against the policy it will meet (the plan's own policy where the file manages a
// field, the tenant's where it does not), so the plan refuses what the service would refuse at apply time.
import { principalKey } from '../definitions/principalReference';
import type { AssignmentDefinition, PimGroupDefinition, Role } from '../definitions/model';
import { ActualPrincipal, ActualSchedule, ActualState, isManagedSchedule } from '../tenant/actualState';
import { durationMinutes } from '../time';
import type { AssignmentOp, PlanIssue, PrincipalInfo, RiskMark } from './model';
import { assignmentKey, describeSpec, describeState, satisfies, specMinutes, specOf, stateOf, updateAction } from './schedules';
import { sourceAt } from './sourceRefs';
import type { AppliedGroupRecord } from './appliedRecord';

export interface AssignmentPlanInput {
  def: PimGroupDefinition;
  state: ActualState;
  /** Managed schedules of the group (empty for a group the plan creates). */
  schedules: ActualSchedule[];
  /** Policy value after apply, per role; `managed` says whether the file sets it. */
  policy(role: Role, path: string): { value: unknown; managed: boolean };
  now: number;
  lastApplied?: AppliedGroupRecord;
  dependsOn(role: Role): string[];
}

export interface AssignmentPlan { ops: AssignmentOp[]; issues: PlanIssue[]; keys: string[]; roles: Partial<Record<Role, 'authoritative' | 'additive'>> }

const info = (p: ActualPrincipal, ref = p.ref): PrincipalInfo => ({ ref, id: p.id, kind: p.kind, displayName: p.displayName });

export function planAssignments(input: AssignmentPlanInput): AssignmentPlan {
  const { def, state, now } = input;
  const key = def.metadata.name;
  const ops: AssignmentOp[] = [];
  const issues: PlanIssue[] = [];
  const keys: string[] = [];
  const roles: AssignmentPlan['roles'] = {};
  const matched = new Set<string>();
  const managed = input.schedules.filter(isManagedSchedule);

  for (const kind of ['eligible', 'active'] as const) {
    def.assignments[kind].forEach((a: AssignmentDefinition, index) => {
      const source = sourceAt(def, ['assignments', kind, index]);
      const lookup = state.principals[principalKey(a.principal)];
      roles[a.role] = def.assignments.mode;
      if (!lookup || lookup.state !== 'found') {
        issues.push({
          severity: 'error', code: lookup?.state === 'ambiguous' ? 'PIM202' : 'PIM201', groupKey: key, source: sourceAt(def, ['assignments', kind, index, 'principal']),
          message: lookup?.state === 'ambiguous'
            ? `'${a.principal}' matches ${lookup.ids.length} objects in the tenant (${lookup.ids.join(', ')}); name it by id.`
            : `'${a.principal}' was not found in the tenant; check the spelling, or create it first.`,
        });
        return;
      }
      const principal = info(lookup.principal, a.principal);
      const spec = specOf(a);
      const akey = assignmentKey(kind, a.role, principalKey(a.principal), spec);
      keys.push(akey);
      issues.push(...checkAgainstPolicy(input, kind, a, spec, source));
      const existing = managed.filter((s) => s.kind === kind && s.role === a.role && s.principalId === principal.id);
      existing.forEach((s) => matched.add(s.id));
      const drift = Boolean(input.lastApplied?.assignments.includes(akey));
      const marks: RiskMark[] = [...(spec.permanent ? ['permanent' as const] : []), ...(drift ? ['drift' as const] : [])];
      const label = `${kind} ${a.role} ${a.principal}`;
      const base = { groupKey: key, role: a.role, assignmentKind: kind, principal, source, dependsOn: input.dependsOn(a.role), marks, justification: a.justification, ticket: a.ticket };
      if (!existing.length) {
        ops.push({ ...base, kind: 'addAssignment', id: `${key}/${kind}/${a.role}/${principal.id}`, schedule: spec, summary: `add ${label} ${describeSpec(spec)}` });
      } else if (!existing.some((s) => satisfies(spec, s, now))) {
        const s = existing[0];
        const action = updateAction(stateOf(s), spec, now);
        ops.push({ ...base, kind: 'updateAssignment', id: `${key}/${kind}/${a.role}/${principal.id}`, action, scheduleId: s.id, before: stateOf(s), schedule: spec,
          summary: `${action === 'adminExtend' ? 'extend' : 'update'} ${label}: ${describeState(stateOf(s))} → ${describeSpec(spec)}` });
      }
    });
  }

  if (def.assignments.mode === 'authoritative') {
    const listedRoles = new Set([...def.assignments.eligible, ...def.assignments.active].map((a) => a.role));
    for (const s of managed) {
      if (!listedRoles.has(s.role) || matched.has(s.id)) continue;
      const p = state.directory[s.principalId] ?? { id: s.principalId, kind: 'user' as const, ref: `id:${s.principalId}` };
      const drift = Boolean(input.lastApplied?.authoritativeRoles.includes(s.role));
      ops.push({
        kind: 'removeAssignment', id: `${key}/${s.kind}/${s.role}/${s.principalId}/remove`, groupKey: key, role: s.role, assignmentKind: s.kind,
        principal: info(p), scheduleId: s.id, before: stateOf(s), source: sourceAt(def, ['assignments']), dependsOn: [],
        marks: ['removal', ...(drift ? ['drift' as const] : [])],
        summary: `remove ${s.kind} ${s.role} ${p.ref} (${describeState(stateOf(s))}; not in the definitions)`,
      });
    }
  }
  return { ops, issues, keys, roles };
}

function checkAgainstPolicy(input: AssignmentPlanInput, kind: 'eligible' | 'active', a: AssignmentDefinition, spec: ReturnType<typeof specOf>, source: PlanIssue['source']): PlanIssue[] {
  const out: PlanIssue[] = [];
  const block = kind === 'eligible' ? 'eligibility' : 'assignment';
  const key = input.def.metadata.name;
  // Fields the file manages are checked by the definitions rules already (editor and validate); here: tenant facts.
  const tenant = (path: string) => { const v = input.policy(a.role, path); return v.managed ? undefined : v.value; };
  const allowPermanent = tenant(`${block}.allowPermanent`);
  const maxDuration = tenant(`${block}.maxDuration`) as string | undefined;
  const what = `${kind} ${a.role} assignment of ${a.principal}`;
  if (spec.permanent && allowPermanent === false) {
    out.push({ severity: 'error', code: 'PIM207', groupKey: key, source, message: `The tenant's ${a.role} policy requires an expiry for ${kind} assignments, so the permanent ${what} would be refused. Give it a duration or until, or manage ${block}.allowPermanent in the file.` });
  }
  const minutes = specMinutes(spec, input.now);
  const max = maxDuration ? durationMinutes(maxDuration) : undefined;
  if (!spec.permanent && minutes !== undefined && max !== undefined && minutes > max + 1) {
    out.push({ severity: 'error', code: 'PIM208', groupKey: key, source, message: `The ${what} is longer than the tenant's ${a.role} policy allows (${block}.maxDuration ${maxDuration}); shorten it or manage ${block}.maxDuration in the file.` });
  }
  if (kind === 'active') {
    if (tenant('assignment.requireJustification') === true && !a.justification) out.push({ severity: 'error', code: 'PIM209', groupKey: key, source, message: `The tenant's ${a.role} policy requires a justification for active assignments; add justification to the ${what}.` });
    if (tenant('assignment.requireTicket') === true && !a.ticket?.number) out.push({ severity: 'error', code: 'PIM210', groupKey: key, source, message: `The tenant's ${a.role} policy requires a ticket for active assignments; add ticket to the ${what}.` });
  }
  return out;
}
