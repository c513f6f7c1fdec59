// One group's assignments: listed vs the tenant's managed schedules → add, update, and (authoritative) remove.
// Each listed assignment is checked against the policy it will meet (the plan's own policy where the file manages a
// field, the tenant's where it does not), so the plan refuses what the service would refuse at apply time.
// The applied record tells what happened since the last apply: an assignment that ended by itself (natural expiry,
// never drift: reported, or renewed with `renew: auto`), one removed or added in the tenant (drift), and one the
// file dropped (a plain removal).
import { principalKey } from '../definitions/principalReference';
import type { AssignmentDefinition, PimGroupDefinition, Role } from '../definitions/model';
import { ActualPrincipal, ActualSchedule, ActualState, isManagedSchedule } from '../tenant/actualState';
import type { AssignmentOp, PlanIssue, PrincipalInfo, RiskMark } from './model';
import {
  assignmentKey,
  describeSpec,
  describeState,
  fixedEnd,
  plannedEnd,
  satisfies,
  specOf,
  stateOf,
  updateAction,
} from './schedules';
import { sourceAt } from '../definitions/sourceRef';
import type { AppliedGrant, AppliedGroupRecord } from './appliedRecord';
import { authorityOf, Kind, KINDS } from './authority';
import { checkAgainstPolicy } from './assignmentPolicyChecks';
import { endingSoonNote } from './endingSoon';
import { listedOwnerIds } from './planOwners';

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

export interface AssignmentPlan {
  ops: AssignmentOp[];
  issues: PlanIssue[];
  keys: string[];
  grants: AppliedGrant[];
  roles: Partial<Record<Role, 'authoritative' | 'additive'>>;
  authority: Partial<Record<Kind, Role[]>>;
}

const info = (p: ActualPrincipal, ref = p.ref): PrincipalInfo => ({
  ref,
  id: p.id,
  kind: p.kind,
  displayName: p.displayName,
});
const day = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

export function planAssignments(input: AssignmentPlanInput): AssignmentPlan {
  const { def, state, now } = input;
  const key = def.metadata.name;
  const last = input.lastApplied;
  const ops: AssignmentOp[] = [];
  const issues: PlanIssue[] = [];
  const keys: string[] = [];
  const grants: AppliedGrant[] = [];
  const authority = authorityOf(def);
  const roles: AssignmentPlan['roles'] = {};
  for (const kind of KINDS) for (const role of authority[kind] ?? []) roles[role] = 'authoritative';
  if (def.assignments.mode === 'additive')
    for (const a of [...def.assignments.eligible, ...def.assignments.active]) roles[a.role] ??= 'additive';
  const matched = new Set<string>();
  const managed = input.schedules.filter(isManagedSchedule);
  // Older records keep only keys: an assignment there counts as applied, with an unknown end.
  const lastGrant = (k: string): AppliedGrant | undefined =>
    last?.grants
      ? last.grants.find((g) => g.key === k)
      : last?.assignments.includes(k)
        ? ({ key: k, end: null } as AppliedGrant)
        : undefined;

  for (const kind of KINDS) {
    def.assignments[kind].forEach((a: AssignmentDefinition, index) => {
      const source = sourceAt(def, ['assignments', kind, index]);
      const lookup = state.principals[principalKey(a.principal)];
      if (!lookup || lookup.state !== 'found') {
        issues.push({
          severity: 'error',
          code: lookup?.state === 'ambiguous' ? 'PIM202' : 'PIM201',
          groupKey: key,
          source: sourceAt(def, ['assignments', kind, index, 'principal']),
          message:
            lookup?.state === 'ambiguous'
              ? `'${a.principal}' matches ${lookup.ids.length} objects in the tenant (${lookup.ids.join(', ')}); name it by id.`
              : `'${a.principal}' was not found in the tenant; check the spelling, or create it first.`,
        });
        return;
      }
      const principal = info(lookup.principal, a.principal);
      const spec = specOf(a);
      const akey = assignmentKey(kind, a.role, principalKey(a.principal), spec);
      const label = `${kind} ${a.role} ${a.principal}`;
      const existing = managed.filter((s) => s.kind === kind && s.role === a.role && s.principalId === principal.id);
      existing.forEach((s) => matched.add(s.id));
      keys.push(akey);
      const grant = (end: string | null) =>
        grants.push({ kind, role: a.role, principalId: principal.id, key: akey, end });

      // The file's own dates have passed: nothing can be granted (the editor warns with PIM022).
      const ended = fixedEnd(spec);
      if (ended !== undefined && ended <= now && !existing.length) {
        issues.push({
          severity: 'warning',
          code: 'PIM220',
          groupKey: key,
          source,
          message: `The ${label} ended on ${day(new Date(ended).toISOString())} (its ${spec.until ? 'until' : 'start + duration'} has passed); nothing is granted for it. Remove it from the file.`,
        });
        return;
      }
      issues.push(...checkAgainstPolicy(input, kind, a, spec, source));
      const previous = lastGrant(akey);
      const renew = a.renew ?? def.assignments.renew ?? 'never';
      const base = {
        groupKey: key,
        role: a.role,
        assignmentKind: kind,
        principal,
        source,
        dependsOn: input.dependsOn(a.role),
        justification: a.justification,
        ticket: a.ticket,
      };
      const permanent: RiskMark[] = spec.permanent ? ['permanent'] : [];
      const id = `${key}/${kind}/${a.role}/${principal.id}`;
      if (!existing.length) {
        const expired = previous?.end != null && Date.parse(previous.end) <= now;
        if (expired && renew === 'never') {
          grant(previous!.end);
          issues.push({
            severity: 'warning',
            code: 'PIM221',
            groupKey: key,
            source,
            message: `The ${label} expired on ${day(previous!.end!)}; not renewed (renew: never), so nothing is planned for it. Remove it from the file, or write renew: auto to grant it again.`,
          });
          return;
        }
        grant(plannedEnd(spec, now));
        if (expired) {
          ops.push({
            ...base,
            kind: 'addAssignment',
            id,
            schedule: spec,
            marks: [...permanent, 'renewal'],
            summary: `renew ${label} ${describeSpec(spec)} (expired on ${day(previous!.end!)})`,
          });
        } else {
          // Applied before and still due, yet gone: someone removed it in the tenant.
          ops.push({
            ...base,
            kind: 'addAssignment',
            id,
            schedule: spec,
            marks: [...permanent, ...(previous ? ['drift' as const] : [])],
            summary: `add ${label} ${describeSpec(spec)}`,
          });
        }
      } else if (!existing.some((s) => satisfies(spec, s, now))) {
        const s = existing[0];
        const action = updateAction(stateOf(s), spec, now);
        grant(plannedEnd(spec, now));
        ops.push({
          ...base,
          kind: 'updateAssignment',
          id,
          action,
          scheduleId: s.id,
          before: stateOf(s),
          schedule: spec,
          marks: [...permanent, ...(previous ? ['drift' as const] : [])],
          summary: `${action === 'adminExtend' ? 'extend' : 'update'} ${label}: ${describeState(stateOf(s))} → ${describeSpec(spec)}`,
        });
      } else {
        const current = existing.find((s) => satisfies(spec, s, now))!;
        grant(current.end);
        const note = endingSoonNote(label, current.end, spec, renew, now);
        if (note) issues.push({ severity: 'warning', code: 'PIM222', groupKey: key, source, message: note });
      }
    });
  }

  // A standing owner the file lists under group.owners is that list's to keep: its permanent active owner schedule
  // (how PIM shows a directory owner) is never an unlisted assignment.
  const standingOwners = listedOwnerIds(def, state);
  for (const s of managed) {
    if (matched.has(s.id) || !authority[s.kind]?.includes(s.role)) continue;
    if (s.kind === 'active' && s.role === 'owner' && s.permanent && standingOwners.has(s.principalId.toLowerCase()))
      continue;
    const p = state.directory[s.principalId] ?? {
      id: s.principalId,
      kind: 'user' as const,
      ref: `id:${s.principalId}`,
    };
    // Drift only when the last apply held this kind and role authoritatively and did not grant this principal:
    // then it was added in the tenant since. A principal the file listed then and dropped now is a plain removal.
    const wasGranted = last?.grants?.some(
      (g) => g.kind === s.kind && g.role === s.role && g.principalId === s.principalId,
    );
    const wasAuthoritative =
      last?.grants !== undefined && (last.authority?.[s.kind] ?? last.authoritativeRoles).includes(s.role);
    const drift = wasAuthoritative && !wasGranted;
    ops.push({
      kind: 'removeAssignment',
      id: `${key}/${s.kind}/${s.role}/${s.principalId}/remove`,
      groupKey: key,
      role: s.role,
      assignmentKind: s.kind,
      principal: info(p),
      scheduleId: s.id,
      before: stateOf(s),
      source: sourceAt(def, ['assignments', s.kind]),
      dependsOn: [],
      marks: ['removal', ...(drift ? ['drift' as const] : [])],
      summary: `remove ${s.kind} ${s.role} ${p.ref} (${describeState(stateOf(s))}; ${drift ? 'added in the tenant since the last apply' : 'not in the definitions'})`,
    });
  }
  return { ops, issues, keys, grants, roles, authority };
}
