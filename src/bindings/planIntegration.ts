// The planner's and reader's entry points into bindings, so that their files each carry one call.
import type { PimGroupDefinition } from '../definitions/model';
import type { ActualState } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import type { GroupPlan, PlanIssue } from '../plan/model';
import type { AppliedGroupRecord } from '../plan/appliedRecord';
import type { BindingKind, BindingsState } from './model';
import { planBindings } from './planBindings';
import { readBindingsState } from './readBindings';

/** What to read for bindings (plain JSON: it travels in the read scope). */
export interface BindingsReadScope { kinds: BindingKind[]; azureScopes: string[] }

export function bindingsReadScopeOf(groups: readonly PimGroupDefinition[]): BindingsReadScope | undefined {
  const kinds = new Set<BindingKind>();
  const azureScopes = new Set<string>();
  for (const g of groups) {
    const b = g.bindings;
    if (!b) continue;
    if (b.intuneRoles) kinds.add('intuneRole');
    if (b.licenses) kinds.add('license');
    if (b.conditionalAccess) kinds.add('conditionalAccess');
    if (b.team) kinds.add('team');
    if (b.azureRoles) { kinds.add('azureRole'); for (const r of b.azureRoles) azureScopes.add(r.scope); }
  }
  return kinds.size ? { kinds: [...kinds].sort(), azureScopes: [...azureScopes].sort() } : undefined;
}

/** Reader hook: the binding state of the groups found, when the scope asks for bindings. */
export async function readBindingsFor(t: GraphTransport, scope: { groups: { key: string }[]; bindings?: BindingsReadScope }, state: ActualState, signal?: AbortSignal): Promise<BindingsState | undefined> {
  if (!scope.bindings?.kinds.length) return undefined;
  const groups = scope.groups.map((g) => {
    const l = state.groups[g.key];
    return l?.state === 'found' ? { key: g.key, id: l.group.id, type: l.group.type } : { key: g.key };
  });
  return readBindingsState(t, { kinds: new Set(scope.bindings.kinds), azureScopes: scope.bindings.azureScopes, groups }, signal);
}

/** Planner hook: appends the group's binding operations (after everything else in its plan) and its blast radius. */
export function appendBindings(def: PimGroupDefinition, state: ActualState & { bindings?: BindingsState }, plan: GroupPlan, issues: PlanIssue[], record?: AppliedGroupRecord, last?: AppliedGroupRecord): void {
  if (!def.bindings) return;
  if (record) record.bindings = def.bindings;
  const lookup = state.groups[def.metadata.name];
  if (lookup?.state === 'ambiguous' || lookup?.state === 'error') return;
  if (lookup?.state !== 'found' && def.group.id) return;
  if (issues.some((i) => i.severity === 'error' && i.groupKey === def.metadata.name && /^PIM20[3-6]$/.test(i.code))) return;
  // A failed group creation skips its bindings.
  const dependsOn = plan.operations.filter((o) => o.kind === 'createGroup').map((o) => o.id);
  const r = planBindings(def, state.bindings, lookup?.state === 'found' ? lookup.group.id : undefined, dependsOn, last?.bindings);
  plan.operations.push(...(r.ops as GroupPlan['operations']));
  issues.push(...r.issues);
  plan.grants = r.grants;
}
