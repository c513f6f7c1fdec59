// The workspace's protected principals (Settings.protectedPrincipals: break-glass accounts, the pipeline's own
// identity) are never removed or shortened by a plan, whatever a file says: authoritative mode drops what a file does
// not list, and one careless edit would lock everyone out. Such a plan fails (PIM250), so nothing of it is applied;
// a protected reference that names nobody protects nothing, which the plan says too (PIM251).
import { principalKey } from '../definitions/principalReference';
import type { PathSegment, SettingsDefinition } from '../definitions/model';
import type { SourceRef } from '../definitions/sourceRef';
import type { ActualState } from '../tenant/actualState';
import type { GroupPlan, Operation, PlanIssue } from './model';
import { describeSpec, describeState, plannedEnd } from './schedules';

const MINUTE = 60_000;

const sourceOf = (settings: SettingsDefinition, path: readonly PathSegment[]): SourceRef => ({
  file: settings.source.file,
  range: settings.source.rangeOf(path),
});

/** What `op` takes away from its principal ("remove the eligible member assignment"), or undefined: nothing. */
function takesAway(op: Operation, now: number): string | undefined {
  if (op.kind === 'removeAssignment') return `remove the ${op.assignmentKind} ${op.role} assignment`;
  if (op.kind === 'removeOwner') return 'remove the standing directory ownership';
  if (op.kind !== 'updateAssignment' || op.schedule.permanent) return undefined;
  const shorten = (why: string) =>
    `shorten the ${op.assignmentKind} ${op.role} assignment (from ${describeState(op.before)} to ${describeSpec(op.schedule)}, ${why})`;
  if (op.before.permanent) return shorten('no longer permanent');
  if (!op.before.end) return undefined;
  const end = plannedEnd(op.schedule, now);
  return end !== null && Date.parse(end) < Date.parse(op.before.end) - MINUTE ? shorten('ending earlier') : undefined;
}

export function protectedPrincipalIssues(
  settings: SettingsDefinition | undefined,
  state: ActualState,
  groups: readonly GroupPlan[],
  now: number,
): PlanIssue[] {
  if (!settings?.protectedPrincipals.length) return [];
  const out: PlanIssue[] = [];
  // Object id → the protected entry; a name that matches several objects protects each of them.
  const byId = new Map<string, number>();
  settings.protectedPrincipals.forEach((ref, i) => {
    if (!ref) return;
    const lookup = state.principals[principalKey(ref)];
    if (lookup?.state === 'found') byId.set(lookup.principal.id.toLowerCase(), i);
    else if (lookup?.state === 'ambiguous') for (const id of lookup.ids) byId.set(id.toLowerCase(), i);
    else
      out.push({
        severity: 'warning',
        code: 'PIM251',
        source: sourceOf(settings, ['protectedPrincipals', i]),
        message: `The protected principal '${ref}' was not found in the tenant, so it protects nothing. Check the spelling (a user by UPN or object id, a group by display name or id, an app by appId or id).`,
      });
  });
  const where = `${settings.source.file}:${settings.source.rangeOf(['protectedPrincipals']).start.line + 1}`;
  for (const group of groups) {
    for (const op of group.operations) {
      if (!('principal' in op) || !op.principal) continue;
      const entry = byId.get(op.principal.id.toLowerCase());
      if (entry === undefined) continue;
      const taken = takesAway(op, now);
      if (!taken) continue;
      const ref = settings.protectedPrincipals[entry];
      out.push({
        severity: 'error',
        code: 'PIM250',
        groupKey: group.key,
        source: op.source ?? group.source,
        message: `The plan would ${taken} of the protected principal '${ref}' in '${group.displayName}'. Protected principals (Settings, ${where}) are never removed or shortened: list it in the definition as it is in the tenant, or take it out of protectedPrincipals first.`,
      });
    }
  }
  return out;
}
