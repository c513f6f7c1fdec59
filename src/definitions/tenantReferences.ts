// Every place a definition names a tenant object, with the path of its node (for ranges): assignment principals,
// approvers (in groups and templates), the managed group's name, and what bindings name. The edit-time checks and
// the editor's principal hover both walk this one list. Pure.
import type { PathSegment, PimGroupDefinition, PolicyTemplateDefinition } from './model';
import { ROLES } from './model';

export type TenantReference =
  | { kind: 'principal'; value: string; path: PathSegment[] }
  | { kind: 'approver'; value: string; path: PathSegment[] }
  | { kind: 'managedGroup'; value: string; path: PathSegment[] }
  | { kind: 'intuneRole'; value: string; path: PathSegment[] }
  | { kind: 'scopeTag'; value: string; path: PathSegment[] }
  | { kind: 'azureRole'; value: string; scope: string; path: PathSegment[] }
  | { kind: 'caPolicy'; value: string; path: PathSegment[] }
  | { kind: 'sku'; value: string; path: PathSegment[] };

export function referencesOf(def: PimGroupDefinition | PolicyTemplateDefinition): TenantReference[] {
  if (def.kind === 'PolicyTemplate')
    return (def.policy.activation?.approval?.approvers ?? []).map((value, j) => ({
      kind: 'approver',
      value,
      path: ['policy', 'activation', 'approval', 'approvers', j],
    }));
  const out: TenantReference[] = [];
  // A pinned id names the group; its display name is then what the plan renames it to, not a lookup.
  if (!def.group.id) out.push({ kind: 'managedGroup', value: def.group.displayName, path: ['group', 'displayName'] });
  for (const list of ['eligible', 'active'] as const)
    def.assignments[list].forEach((a, i) =>
      out.push({ kind: 'principal', value: a.principal, path: ['assignments', list, i, 'principal'] }),
    );
  for (const role of ROLES)
    (def.policies[role]?.activation?.approval?.approvers ?? []).forEach((value, j) =>
      out.push({ kind: 'approver', value, path: ['policies', role, 'activation', 'approval', 'approvers', j] }),
    );
  const b = def.bindings;
  (b?.intuneRoles ?? []).forEach((r, i) => {
    out.push({ kind: 'intuneRole', value: r.role, path: ['bindings', 'intuneRoles', i, 'role'] });
    (r.scopeTags ?? []).forEach((value, j) =>
      out.push({ kind: 'scopeTag', value, path: ['bindings', 'intuneRoles', i, 'scopeTags', j] }),
    );
  });
  (b?.azureRoles ?? []).forEach((r, i) =>
    out.push({ kind: 'azureRole', value: r.role, scope: r.scope, path: ['bindings', 'azureRoles', i, 'role'] }),
  );
  for (const list of ['excludeFrom', 'includeIn'] as const)
    (b?.conditionalAccess?.[list] ?? []).forEach((value, j) =>
      out.push({ kind: 'caPolicy', value, path: ['bindings', 'conditionalAccess', list, j] }),
    );
  (b?.licenses ?? []).forEach((l, i) =>
    out.push({ kind: 'sku', value: l.sku, path: ['bindings', 'licenses', i, 'sku'] }),
  );
  return out;
}
