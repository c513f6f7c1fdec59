// How binding operations and a group's blast radius read in the text and Markdown plans.
import type { BindingStep } from './model';
import { kindOf } from './registry';

export function bindingDetailLines(op: BindingStep): string[] {
  // An addition's summary already says what it grants; changes and removals show before → after.
  const lines = op.action === 'add' ? [] : [`${op.before ?? '(none)'} → ${op.after ?? '(none)'}`];
  const { spec, step } = kindOf(op);
  return [...lines, ...spec.notes(step)];
}

/** "What does membership grant" under a group's heading; empty without bindings. */
export function grantsLines(g: { grants?: string[] }): string[] {
  if (!g.grants) return [];
  return g.grants.length
    ? [`membership grants: ${g.grants.join('; ')}`]
    : ['membership grants: nothing outside the group'];
}
