// An administrator's row actions on one assignment in the Groups view, as in the portal: Update (a new end, or
// permanent), Extend (a later end), Renew (an expired or expiring one, again from now) and Remove. Each asks only
// what it needs, says in words what will change (who, which group and role, the new end) before sending, sends the
// same schedule request apply sends, and announces the write on the one refresh path.
import type { AdminChange } from '../../apply';
import { endsIn, relativeInWords } from '../../time';
import type { Connections } from '../common/connection';
import { ADMIN_CODE_WORDS, refusalSentence } from '../common/pimRefusal';
import type { TenantChanges } from '../common/tenantChanges';
import { loadEngine } from '../engine/engineLoader';
import { UserFacingError, hasCode } from '../infrastructure/errors';
import type { UserInput } from '../infrastructure/userInput';
import type { AssignmentNode } from './assignmentNode';
import { NEW_END_PROMPT, parseNewEnd } from './newEnd';

export type AssignmentAction = 'update' | 'extend' | 'renew' | 'remove';

export interface AssignmentActionContext {
  ui: UserInput;
  connections: Connections;
  tenant: TenantChanges;
  /** Refuses in an untrusted workspace (the same guard as activation). */
  guard: { require(action: string): void };
  notify(message: string): void;
}

export interface AssignmentActionOutcome {
  action: AssignmentAction;
  message: string;
  /** The end PIM was asked for (ISO), null for permanent; absent for Remove. */
  end?: string | null;
}

const VERB: Record<AssignmentAction, string> = { update: 'Update', extend: 'Extend', renew: 'Renew', remove: 'Remove' };
const DONE: Record<AssignmentAction, string> = {
  update: 'Updated',
  extend: 'Extended',
  renew: 'Renewed',
  remove: 'Removed',
};
const GRAPH_ACTION = {
  update: 'adminUpdate',
  extend: 'adminExtend',
  renew: 'adminRenew',
  remove: 'adminRemove',
} as const;

export async function changeAssignment(
  c: AssignmentActionContext,
  action: AssignmentAction,
  node: AssignmentNode,
): Promise<AssignmentActionOutcome> {
  c.guard.require(`${VERB[action]} Assignment`);
  const s = node.schedule;
  const what = describe(node);
  const title = `${VERB[action]} ${what}`;
  const now = Date.now();
  const currentEnd = s.end ? Date.parse(s.end) : undefined;
  let change: AdminChange = {
    action: GRAPH_ACTION[action],
    kind: s.kind,
    accessId: node.group.role,
    groupId: node.group.groupId,
    principalId: s.principalId,
  };
  let newEnd: string | null | undefined;
  if (action !== 'remove') {
    const rules = { now, currentEnd, mustBeLater: action === 'extend', allowPermanent: action !== 'extend' };
    const answer = await c.ui.input({
      title,
      prompt: `${NEW_END_PROMPT}. ${s.end ? `It ${endsIn(currentEnd!, now)} (${s.end}).` : 'It is permanent now.'}`,
      validate: (v) => {
        const r = parseNewEnd(v, { ...rules, now: Date.now() });
        return r.ok ? undefined : r.message;
      },
    });
    const parsed = parseNewEnd(answer, { ...rules, now: Date.now() });
    if (!parsed.ok) throw new UserFacingError(parsed.message);
    // An assignment that starts later keeps its start: only the end was asked about.
    const start = s.start && Date.parse(s.start) > now && action !== 'renew' ? s.start : undefined;
    change = { ...change, schedule: { ...parsed.spec, ...(start ? { start } : {}) } };
    newEnd = parsed.spec.permanent ? null : parsed.spec.until;
    const justification = (
      await c.ui.input({
        title,
        prompt: 'Justification, recorded with the change (the group policy may require one; empty for none)',
      })
    ).trim();
    if (justification) change.justification = justification;
  }
  await c.ui.confirm({
    message: confirmation(action, node, newEnd),
    detail: driftWarning(node),
    confirmLabel: VERB[action],
    modal: true,
  });
  try {
    await c.connections.transport().then((t) => loadEngine().apply.changeAssignment(t, change));
  } catch (error) {
    if (hasCode(error, 'UserCancelled')) throw error;
    throw new UserFacingError(refusalSentence(`${action} ${what}`, error, ADMIN_CODE_WORDS));
  } finally {
    c.tenant.wrote('assignment change');
  }
  const message = `${DONE[action]}: ${what}${action === 'remove' ? '' : ` ${endInWords(newEnd ?? null)}`}.`;
  c.notify(message);
  return { action, message, ...(action === 'remove' ? {} : { end: newEnd ?? null }) };
}

/** "Alice Ward's eligible Member assignment of PIM-Intune-Helpdesk". */
function describe(node: AssignmentNode): string {
  const role = node.group.role === 'member' ? 'Member' : 'Owner';
  return `${node.principalName}'s ${node.schedule.kind} ${role} assignment of ${node.group.groupName}`;
}

function endInWords(end: string | null): string {
  if (!end) return 'is now permanent';
  return `now ends ${relativeInWords(Date.parse(end) - Date.now())} (${new Date(end).toLocaleString()})`;
}

function confirmation(action: AssignmentAction, node: AssignmentNode, end: string | null | undefined): string {
  const what = describe(node);
  if (action === 'remove')
    return `Remove ${what}? ${node.principalName} loses ${node.schedule.kind === 'eligible' ? 'the eligibility' : 'the access'} at once.`;
  const to = end
    ? `to end ${new Date(end).toLocaleString()} (${relativeInWords(Date.parse(end) - Date.now())})`
    : 'to permanent';
  return `${VERB[action]} ${what} ${to}?`;
}

/** An experienced admin expects this: a managed group's file still says what it said. */
function driftWarning(node: AssignmentNode): string | undefined {
  const file = node.group.managed();
  return file
    ? `${node.group.groupName} is managed in ${file}: the next plan will show this change as drift (and apply would put the file's version back) unless you change the file too.`
    : undefined;
}
