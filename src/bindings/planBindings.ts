// Desired bindings (the file) vs the tenant's → binding operations. Each kind the file lists is authoritative for
// this group's own entries (a role, licence or CA membership of the group that the file does not list is removed);
// kinds the file leaves out are not managed. Other groups' entries (a CA policy's other excluded groups, an Intune
// assignment's other members) are never touched. Unresolvable references are errors naming the target. Each kind
// plans its own entries (kinds/*.ts); this file gives them one context per group.
import type { Bindings, PathSegment, PimGroupDefinition } from '../definitions/model';
import { sourceAt } from '../definitions/sourceRef';
import type { BindingsState, GroupBindingState } from '../tenant/bindingsState';
import type { AnyBindingKindSpec, PlanContext } from './kind';
import type { BindingIssue, BindingMark, PlannedBinding } from './model';
import { BINDING_KINDS } from './registry';

export type { PlannedBinding };
export interface BindingPlan {
  ops: PlannedBinding[];
  issues: BindingIssue[];
  grants: string[];
}

const EMPTY: GroupBindingState = {
  intuneRoles: [],
  azureRoles: [],
  licenses: [],
  conditionalAccess: { excludeFrom: [], includeIn: [] },
  team: false,
};
const canonical = (v: unknown) => JSON.stringify(v ?? null);

/** `lastApplied`: the file's bindings at the last apply; a difference on a kind the file has not changed since is drift. */
export function planBindings(
  def: PimGroupDefinition,
  state: BindingsState | undefined,
  groupId: string | undefined,
  dependsOn: string[],
  lastApplied?: Bindings,
): BindingPlan {
  const key = def.metadata.name;
  const out: BindingPlan = { ops: [], issues: [], grants: [] };
  if (!def.bindings) return out;
  if (!state) {
    out.issues.push({
      severity: 'error',
      code: 'PIM302',
      groupKey: key,
      source: sourceAt(def, ['bindings']),
      message: 'The bindings were not read from the tenant; plan again.',
    });
    return out;
  }
  for (const spec of BINDING_KINDS.filter((k) => def.bindings?.[k.field]))
    spec.plan(contextFor(spec, def, state, groupId, dependsOn, lastApplied, out));
  return out;
}

function contextFor(
  spec: AnyBindingKindSpec,
  def: PimGroupDefinition,
  state: BindingsState,
  groupId: string | undefined,
  dependsOn: string[],
  lastApplied: Bindings | undefined,
  out: BindingPlan,
): PlanContext {
  const key = def.metadata.name;
  const b = def.bindings!;
  const source = (path: PathSegment[]) => sourceAt(def, ['bindings', ...path]);
  // Drift: the tenant differs on a kind whose entries in the file are what was last applied.
  const drift = Boolean(
    groupId &&
    lastApplied &&
    spec.field in lastApplied &&
    canonical(lastApplied[spec.field]) === canonical(b[spec.field]),
  );
  return {
    def,
    bindings: b,
    catalog: state.catalog,
    actual: groupId ? (state.groups[key] ?? EMPTY) : EMPTY,
    groupId,
    error: (path, message) => {
      out.issues.push({ severity: 'error', code: 'PIM301', groupKey: key, source: source(path), message });
    },
    warning: (code, path, message) => {
      out.issues.push({ severity: 'warning', code, groupKey: key, source: source(path), message });
    },
    readFailed: () => {
      const why = state.catalog.errors[spec.kind];
      if (why)
        out.issues.push({
          severity: 'error',
          code: 'PIM302',
          groupKey: key,
          source: source([spec.field]),
          message: `Could not read ${spec.field} from the tenant: ${why}`,
        });
      return Boolean(why);
    },
    op: (id, action, detail, summary, before, after, path, marks = []) => {
      const all: BindingMark[] = [
        ...(action === 'remove' ? ['removal' as const] : []),
        ...marks,
        ...(drift ? ['drift' as const] : []),
      ];
      out.ops.push({
        kind: 'binding',
        id: `${key}/binding/${id}`,
        groupKey: key,
        action,
        detail,
        summary,
        before,
        after,
        marks: all,
        source: source(path),
        dependsOn,
      });
    },
    grant: (text) => {
      out.grants.push(text);
    },
  };
}
