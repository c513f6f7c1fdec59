// The binding kinds, in the order a plan lists their operations. Adding a kind is adding a file under kinds/ and a
// line here; the reader, planner, apply, convergence check, export and renderers iterate this list. Every entry point
// of bindings imports this module, so loading any of them registers the bindings reader with the tenant reader.
import type { PimGroupDefinition } from '../definitions/model';
import type { BindingKind, BindingsReadScope } from '../tenant/bindingsState';
import { registerStateReader } from '../tenant/stateReaders';
import type { AnyBindingKindSpec, BindingKindSpec, StepOf } from './kind';
import { azureRole } from './kinds/azureRole';
import { directoryRole } from './kinds/directoryRole';
import { conditionalAccess } from './kinds/conditionalAccess';
import { intuneRole } from './kinds/intuneRole';
import { license } from './kinds/license';
import { team } from './kinds/team';
import type { BindingStep } from './model';
import { readBindingsState } from './readBindings';

const KINDS: { [K in BindingKind]: BindingKindSpec<K> } = {
  directoryRole,
  intuneRole,
  azureRole,
  license,
  conditionalAccess,
  team,
};

export const BINDING_KINDS: readonly AnyBindingKindSpec[] = [
  directoryRole,
  intuneRole,
  azureRole,
  license,
  conditionalAccess,
  team,
];

/** The kind that handles a step, typed for it. */
export function kindOf<K extends BindingKind>(
  step: BindingStep & { detail: { binding: K } },
): { spec: BindingKindSpec<K>; step: StepOf<K> } {
  return { spec: KINDS[step.detail.binding] as BindingKindSpec<K>, step: step as StepOf<K> };
}

/** What to read for the bindings of these definitions; undefined when none has bindings. */
export function bindingsReadScopeOf(groups: readonly PimGroupDefinition[]): BindingsReadScope | undefined {
  const kinds = new Set<BindingKind>();
  const azureScopes = new Set<string>();
  for (const b of groups.map((g) => g.bindings)) {
    if (!b) continue;
    for (const spec of BINDING_KINDS.filter((k) => b[k.field])) {
      kinds.add(spec.kind);
      for (const s of spec.scopesOf?.(b) ?? []) azureScopes.add(s);
    }
  }
  return kinds.size ? { kinds: [...kinds].sort(), azureScopes: [...azureScopes].sort() } : undefined;
}

registerStateReader({
  async read(t, scope, state, signal) {
    if (!scope.bindings?.kinds.length) return;
    const groups = scope.groups.map((g) => {
      const l = state.groups[g.key];
      return l?.state === 'found' ? { key: g.key, id: l.group.id, type: l.group.type } : { key: g.key };
    });
    state.bindings = await readBindingsState(
      BINDING_KINDS,
      t,
      { kinds: new Set(scope.bindings.kinds), azureScopes: scope.bindings.azureScopes, groups },
      signal,
    );
  },
});
