// pim-groups activate [--group NAME|ID] ...: list my memberships, or activate one.
import { activate, myMemberships, Membership } from '../../activation';
import type { Role } from '../../definitions/model';
import { resolveDirectory, isGuid } from '../../tenant/resolveDirectory';
import type { GraphTransport } from '../../graph/transport';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';

const OPTIONS: OptionSpecs = {
  group: {
    type: 'string',
    value: 'NAME|ID',
    description: 'the group to activate; without it, your memberships are listed',
  },
  role: { type: 'string', value: 'ROLE', description: 'member (default) or owner' },
  duration: { type: 'string', value: 'PT2H', description: 'how long (default: the most the policy allows)' },
  justification: { type: 'string', value: 'TEXT', description: 'why (when the policy requires it)' },
  ticket: { type: 'string', value: 'SYSTEM:NUMBER', description: 'ticket (when the policy requires it)' },
  start: { type: 'string', value: 'INSTANT', description: 'start later, e.g. 2026-12-01T08:00:00Z' },
  list: { type: 'boolean', description: 'list your memberships (also without --group)' },
};

const HELP = renderHelp({
  usage:
    'pim-groups activate [--group NAME|ID [--role member|owner] [--duration PT2H] [--justification TEXT] [--ticket SYSTEM:NUMBER]]',
  about: ['Without --group: lists your eligible, active and pending group memberships and ownerships.'],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export function membershipLine(m: Membership): string {
  const r = m.requirements;
  const needs = r
    ? [
        r.maxDuration && `max ${r.maxDuration}`,
        r.requireMfa && 'MFA',
        r.requireJustification && 'justification',
        r.requireTicket && 'ticket',
        r.authenticationContext && `auth context ${r.authenticationContext}`,
        r.approvalRequired && 'approval',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return `${m.state.padEnd(8)} ${m.role.padEnd(6)} ${m.groupName}${m.end ? ` until ${m.end}` : m.state === 'pending' ? ' (awaiting approval)' : ''}${m.state === 'eligible' && needs ? `  [${needs}]` : ''}`;
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

export function roleOf(value: string | undefined): Role {
  if (value === undefined || value === 'member' || value === 'owner') return value ?? 'member';
  throw new UsageError('--role must be member or owner');
}

export const command: CliCommand = {
  summary: 'List or activate your eligible group memberships',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const conn = await connect(p, io);
    const group = str(p, 'group');
    if (!group || bool(p, 'list')) {
      const { me, memberships } = await myMemberships(conn.transport, io.signal);
      io.out(`Signed in as ${me.userPrincipalName ?? me.id}`);
      if (!memberships.length) io.out('You have no eligible or active group memberships.');
      for (const m of memberships) io.out(membershipLine(m));
      return 0;
    }
    const ticketText = str(p, 'ticket');
    const [system, number] = ticketText?.includes(':') ? ticketText.split(/:(.*)/s) : [undefined, ticketText];
    const result = await activate(conn.transport, {
      groupId: await groupIdOf(conn.transport, group),
      role: roleOf(str(p, 'role')),
      duration: str(p, 'duration'),
      justification: str(p, 'justification'),
      ticket: number ? { system, number } : undefined,
      start: str(p, 'start'),
    });
    io.out(
      result.pendingApproval
        ? `Requested (${result.status}): an approver must approve request ${result.requestId} before you become active.`
        : `Activated (${result.status}), request ${result.requestId}.`,
    );
    return 0;
  },
};
