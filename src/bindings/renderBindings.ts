// How binding operations and a group's blast radius read in the text and Markdown plans.
import type { BindingOp, GroupPlan } from '../plan/model';

export function bindingSymbol(op: BindingOp): string { return op.action === 'add' ? '+' : op.action === 'remove' ? '-' : '~'; }

export function bindingDetailLines(op: BindingOp): string[] {
  // An addition's summary already says what it grants; changes and removals show before → after.
  const lines = op.action === 'add' ? [] : [`${op.before ?? '(none)'} → ${op.after ?? '(none)'}`];
  const d = op.detail;
  if (d.binding === 'conditionalAccess') lines.push(`only this group's entry in ${d.list} changes; other groups in the policy are kept`);
  if (d.binding === 'intuneRole' && op.action === 'remove' && d.otherMembers?.length) lines.push(`the assignment keeps its ${d.otherMembers.length} other member group(s)`);
  if (d.binding === 'team' && op.action === 'add') lines.push('a Team needs an owner: when the group has none, the identity applying becomes its owner');
  return lines;
}

/** "What does membership grant" under a group's heading; empty without bindings. */
export function grantsLines(g: GroupPlan): string[] {
  if (!g.grants) return [];
  return g.grants.length ? [`membership grants: ${g.grants.join('; ')}`] : ['membership grants: nothing outside the group'];
}
