// How plan values read to a person: durations as written, booleans as on/off, lists comma-separated.
import type { FieldChange, Operation } from '../model';
import { bindingDetailLines } from '../../bindings/renderBindings';

export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '(not set)';
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(none)';
  return String(v);
}

export function changeText(c: FieldChange): string {
  const before = c.display?.before ?? showValue(c.before);
  const after = c.display?.after ?? showValue(c.after);
  return `${c.field}: ${before} → ${after}`;
}

/** One line per detail under an operation's summary. */
export function detailLines(op: Operation): string[] {
  switch (op.kind) {
    case 'updatePolicyRule':
      return op.changes.map(
        (c) =>
          `${changeText(c)}${c.weakens ? '  (weakens policy)' : ''}${c.drift ? '  (drift: changed in the tenant)' : ''}`,
      );
    case 'updateGroup':
      return op.changes.map(
        (c) =>
          `${c.field}: ${showValue(c.before)} → ${showValue(c.after)}${c.drift ? '  (drift: changed in the tenant)' : ''}`,
      );
    // The summary already says who and how long; details add what a reviewer checks against the directory.
    case 'addAssignment':
      return [`object id ${op.principal.id}${op.justification ? `; justification "${op.justification}"` : ''}`];
    case 'updateAssignment':
      return [`object id ${op.principal.id}; sent as ${op.action}`];
    case 'removeAssignment':
      return [`object id ${op.principal.id}; schedule ${op.scheduleId}`];
    // Owners are the group's standing directory owners (owners/$ref), not PIM owner assignments: say so once.
    case 'addOwner':
    case 'removeOwner':
      return [`object id ${op.principal.id}; a standing directory owner (not a PIM assignment)`];
    case 'binding':
      return bindingDetailLines(op);
    default:
      return [];
  }
}

export function marksText(op: Operation): string {
  return op.marks.length ? ` [${op.marks.join(', ')}]` : '';
}
