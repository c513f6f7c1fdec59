// The binding kinds, in the order a plan lists their operations. Adding a kind is adding a file under kinds/ and a
// line here; the reader, planner, apply, convergence check, export and renderers iterate this list.
import type { BindingKind } from '../tenant/bindingsState';
import type { AnyBindingKindSpec, BindingKindSpec, StepOf } from './kind';
import { azureRole } from './kinds/azureRole';
import { conditionalAccess } from './kinds/conditionalAccess';
import { intuneRole } from './kinds/intuneRole';
import { license } from './kinds/license';
import { team } from './kinds/team';
import type { BindingStep } from './model';

const KINDS: { [K in BindingKind]: BindingKindSpec<K> } = { intuneRole, azureRole, license, conditionalAccess, team };

export const BINDING_KINDS: readonly AnyBindingKindSpec[] = [intuneRole, azureRole, license, conditionalAccess, team];

/** The kind that handles a step, typed for it. */
export function kindOf<K extends BindingKind>(step: BindingStep & { detail: { binding: K } }): { spec: BindingKindSpec<K>; step: StepOf<K> } {
  return { spec: KINDS[step.detail.binding] as BindingKindSpec<K>, step: step as StepOf<K> };
}
