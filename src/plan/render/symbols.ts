// What each operation does to the tenant, and the one table of symbols every rendering uses for it (terminal text,
// a Markdown diff block, the editor's preview), so that an added binding is `+` everywhere, never `~` in one place.
import type { Operation } from '../model';

export type ChangeKind = 'add' | 'change' | 'remove';

export interface ChangeSymbol {
  /** Terminal text and JSON-minded tools. */
  text: string;
  /** Inside a ```diff block, where `!` is what GitHub colours as a change. */
  markdown: string;
  /** A rendered page (the preview webview): a true minus sign. */
  display: string;
  /** Words for screen readers and titles. */
  label: string;
  /** ANSI colour for a terminal. */
  ansi: number;
}

export const CHANGE_SYMBOLS: Readonly<Record<ChangeKind, ChangeSymbol>> = {
  add: { text: '+', markdown: '+', display: '+', label: 'add', ansi: 32 },
  change: { text: '~', markdown: '!', display: '~', label: 'change', ansi: 33 },
  remove: { text: '-', markdown: '-', display: '−', label: 'remove', ansi: 31 },
};

const KIND_CHANGE: Readonly<Record<Exclude<Operation['kind'], 'binding'>, ChangeKind>> = {
  createGroup: 'add',
  updateGroup: 'change',
  onboardGroup: 'change',
  updatePolicyRule: 'change',
  addAssignment: 'add',
  updateAssignment: 'change',
  removeAssignment: 'remove',
  addOwner: 'add',
  removeOwner: 'remove',
};

/** What an operation does: a binding's depends on its action. */
export function changeOf(op: Operation): ChangeKind {
  if (op.kind !== 'binding') return KIND_CHANGE[op.kind];
  return op.action === 'add' ? 'add' : op.action === 'remove' ? 'remove' : 'change';
}

export function symbolOf(op: Operation): ChangeSymbol {
  return CHANGE_SYMBOLS[changeOf(op)];
}
