// What `pim-groups activate` and `deactivate` print and how they read a group and a role: one line per membership,
// the requirements of a group role, and the wait's outcomes. Tenant text goes through forTerminal.
import type { ActivationRequirements, Membership, RequestProblem, WaitOutcome } from '../activation';
import type { Role } from '../definitions/model';
import { resolveDirectory, isGuid } from '../tenant/resolveDirectory';
import type { GraphTransport } from '../graph/transport';
import { forTerminal } from '../text/escape';
import { UsageError } from './io';

/** "max PT8H, MFA, justification, approval" (empty when nothing is required). */
export function requirementsText(r: ActivationRequirements): string {
  return [
    r.maxDuration && `max ${r.maxDuration}`,
    r.requireMfa && 'MFA',
    r.requireJustification && 'justification',
    r.requireTicket && 'ticket',
    r.authenticationContext && `auth context ${r.authenticationContext}`,
    r.approvalRequired && 'approval',
  ]
    .filter(Boolean)
    .join(', ');
}

export function membershipLine(m: Membership): string {
  const needs = m.requirements ? requirementsText(m.requirements) : '';
  const when =
    m.state === 'pending'
      ? ' (awaiting approval)'
      : m.state === 'scheduled'
        ? ` from ${m.start}${m.end ? ` until ${m.end}` : ''}`
        : m.end
          ? ` until ${m.end}`
          : '';
  const request = m.state === 'scheduled' || m.state === 'pending' ? `  request ${m.requestId}` : '';
  const line = `${m.state.padEnd(8)} ${m.role.padEnd(6)} ${m.groupName}${when}${m.state === 'eligible' && needs ? `  [${needs}]` : ''}${request}`;
  return forTerminal(line);
}

/** The flag each request field comes from, so a problem points at what to change. */
const FLAG: Record<RequestProblem['field'], string> = {
  duration: '--duration',
  start: '--start',
  justification: '--justification',
  ticket: '--ticket SYSTEM:NUMBER',
};

export function problemLines(problems: RequestProblem[]): string {
  return problems.map((p) => `${FLAG[p.field]}: ${p.message}`).join('\n');
}

export function waitOutcomeLine(o: WaitOutcome, requestId: string, group: string): string {
  switch (o.outcome) {
    case 'approved':
      return o.start && Date.parse(o.start) > Date.now()
        ? `Approved: scheduled for ${o.start} (${o.status}), request ${requestId}.`
        : `Approved: you are active now (${o.status}), request ${requestId}.`;
    case 'denied':
      return forTerminal(
        `Denied by the approver${o.justification ? `: ${o.justification}` : ''} (request ${requestId}).`,
      );
    case 'expired':
      return `Nobody approved request ${requestId} within the approval window, so PIM closed it: request again when an approver is available.`;
    case 'ended':
      return `Request ${requestId} ended without an approval (${o.status}).`;
    case 'timeout':
      return forTerminal(
        `Stopped waiting: request ${requestId} is still waiting for its approver (withdraw it with pim-groups activate --cancel --group '${group}').`,
      );
  }
}

export async function groupIdOf(t: GraphTransport, nameOrId: string): Promise<string> {
  if (isGuid(nameOrId)) return nameOrId;
  const dir = await resolveDirectory(t, { groupIds: [], groupNames: [nameOrId], principalRefs: [], ids: [] });
  const list = dir.groupsByName.get(nameOrId.toLowerCase()) ?? [];
  if (list.length !== 1)
    throw new Error(
      list.length ? `${list.length} groups are named '${nameOrId}'; use its id.` : `No group named '${nameOrId}'.`,
    );
  return list[0].id;
}

/** --role as given; undefined lets the engine take the one the caller is eligible in. */
export function roleOf(value: string | undefined): Role | undefined {
  if (value === undefined || value === 'member' || value === 'owner') return value;
  throw new UsageError('--role must be member or owner');
}
