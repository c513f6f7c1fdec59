// After apply: is a binding operation that reported success visible in a fresh read of the tenant?
import type { BindingsState } from '../tenant/bindingsState';
import type { BindingStep } from './model';
import { kindOf } from './registry';

export function bindingLanded(op: BindingStep, state: BindingsState | undefined): boolean {
  const g = state?.groups[op.groupKey];
  if (!g) return false;
  const { spec, step } = kindOf(op);
  const present = spec.present(step, g);
  return op.action === 'remove' ? !present : present;
}
