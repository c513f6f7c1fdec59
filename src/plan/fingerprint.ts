// A hash of exactly the tenant facts a plan depends on: the named groups (existence, id, kind, onboarding), the
// managed policy fields, the schedules of the roles it compared, and what each principal reference resolved to.
// Anything else may change between plan and apply without making the plan stale.
import { createHash } from 'node:crypto';
import { principalKey } from '../definitions/principalReference';
import type { Role } from '../definitions/model';
import { ActualState, isManagedSchedule } from '../tenant/actualState';
import type { PlanBasis } from './model';
import { FIELD_BY_PATH } from '../tenant/policyFields';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export function fingerprintOf(basis: PlanBasis, state: ActualState): string {
  const groups: Record<string, unknown> = {};
  // Once per plan, not per group: with thousands of groups and principals a per-group set made this quadratic.
  const principalIds = new Set(
    Object.values(state.principals).flatMap((p) => (p.state === 'found' ? [p.principal.id] : [])),
  );
  for (const ref of basis.groups) {
    const lookup = state.groups[ref.key];
    if (!lookup || lookup.state !== 'found') {
      groups[ref.key] = lookup ?? { state: 'absent' };
      continue;
    }
    const g = lookup.group;
    const m = basis.managed[ref.key] ?? { fields: {}, assignments: {} };
    const fields: Record<string, unknown> = {};
    for (const role of Object.keys(m.fields) as Role[]) {
      const rules = g.policies[role]?.rules;
      for (const path of m.fields[role] ?? []) {
        const f = FIELD_BY_PATH.get(path);
        const rule = f && rules?.[f.ruleId];
        fields[`${role}.${path}`] = rule ? f!.get(rule) : null;
      }
    }
    const schedules = g.schedules
      .filter(isManagedSchedule)
      .filter((s) => {
        const mode = m.assignments[s.role];
        return mode === 'authoritative' || (mode === 'additive' && principalIds.has(s.principalId));
      })
      .map((s) => [s.id, s.kind, s.role, s.principalId, s.permanent, s.start, s.end]);
    const props = Object.fromEntries((m.groupFields ?? []).map((f) => [f, g[f]]));
    groups[ref.key] = {
      id: g.id,
      type: g.type,
      dynamic: g.dynamic,
      synced: g.synced,
      onboarded: g.onboarded,
      props,
      fields,
      schedules,
      ...(m.owners ? { owners: g.owners ?? [] } : {}),
    };
  }
  const principals = Object.fromEntries(
    basis.principalRefs.map((r) => {
      const p = state.principals[principalKey(r)];
      return [principalKey(r), p?.state === 'found' ? p.principal.id : (p?.state ?? 'unknown')];
    }),
  );
  return createHash('sha256').update(canonical({ groups, principals })).digest('hex');
}
