// Enter (or a click) on an assignment row in the Groups view: one quick pick with the row's details in its title and
// placeholder (who, kind, until, who assigned it and why) and the actions its context menu offers. The conditions
// below are the menus' `viewItem =~` conditions in package.json read as marks (a host test keeps them equal). In an
// untrusted workspace the changes are left out and the pick says why, with the way to trust the workspace.
import { COMMANDS } from '../commandIds';
import type { PickItem, UserInput } from '../infrastructure/userInput';
import type { AssignmentNode } from './assignmentNode';

/** The command VS Code's own trust editor opens under (the trust guard's "Manage Workspace Trust"). */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

interface RowAction {
  command: string;
  label: string;
  description: string;
  /** Changes the tenant: off in an untrusted workspace. */
  write: boolean;
  offered(m: Set<string>): boolean;
}

const ROW_ACTIONS: readonly RowAction[] = [
  {
    command: COMMANDS.updateAssignment,
    label: 'Update…',
    description: 'a new end, or permanent',
    write: true,
    offered: (m) => m.has('current') && m.has('managed'),
  },
  {
    command: COMMANDS.extendAssignment,
    label: 'Extend…',
    description: 'a later end',
    write: true,
    offered: (m) => m.has('current') && m.has('timed') && m.has('managed'),
  },
  {
    command: COMMANDS.renewAssignment,
    label: 'Renew…',
    description: 'again from now',
    write: true,
    offered: (m) => (m.has('expired') || m.has('endingSoon')) && m.has('managed'),
  },
  {
    command: COMMANDS.removeAssignment,
    label: 'Remove…',
    description: 'takes the access away at once',
    write: true,
    offered: (m) => m.has('current') && m.has('managed'),
  },
  {
    command: COMMANDS.copyObjectId,
    label: 'Copy Object Id',
    description: "the principal's object id",
    write: false,
    offered: () => true,
  },
  {
    command: COMMANDS.copyPrincipalName,
    label: 'Copy User Principal Name',
    description: "the user's sign-in name",
    write: false,
    offered: (m) => m.has('user'),
  },
];

/** The commands the row offers (trusted or not), in the context menu's order. */
export function rowActionsOf(node: AssignmentNode, trusted: boolean): RowAction[] {
  const marks = new Set(node.marks());
  return ROW_ACTIONS.filter((a) => a.offered(marks) && (trusted || !a.write));
}

/** Shows the row's details and actions; resolves to the command chosen (Escape throws UserCancelledError). */
export async function pickAssignmentAction(ui: UserInput, node: AssignmentNode, trusted: boolean): Promise<string> {
  const f = node.facts();
  const role = node.group.role === 'member' ? 'Member' : 'Owner';
  const items: PickItem<string>[] = rowActionsOf(node, trusted).map((a) => ({
    label: a.label,
    description: a.description,
    value: a.command,
  }));
  const withheld = ROW_ACTIONS.filter((a) => a.write && a.offered(new Set(node.marks())));
  if (!trusted && withheld.length)
    items.push({
      label: 'Manage Workspace Trust…',
      description: `${withheld.map((a) => a.label.replace('…', '')).join(', ')}: off in an untrusted workspace`,
      value: MANAGE_TRUST_COMMAND,
    });
  const details = [f.until, f.by, f.justification, f.ticket].filter(Boolean).join(' · ');
  return (
    await ui.pick(items, {
      title: `${node.principalName}: ${f.how} ${role} of ${node.group.groupName}${f.soon ? ` (${f.soon})` : ''}`,
      placeholder: details,
    })
  ).value;
}
