// pim-groups deactivate --group NAME|ID [--role member|owner]: ends your activation early.
import { deactivate, myMemberships } from '../../activation';
import type { Role } from '../../definitions/model';
import type { GraphTransport } from '../../graph/transport';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { groupIdOf, roleOf } from '../activationText';

const OPTIONS: OptionSpecs = {
  group: { type: 'string', value: 'NAME|ID', description: 'the group whose activation ends (required)' },
  role: { type: 'string', value: 'ROLE', description: 'member or owner (default: the one you have active)' },
};

const HELP = renderHelp({
  usage: 'pim-groups deactivate --group NAME|ID [--role member|owner]',
  about: ['Ends your active membership (or ownership) early.'],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export const command: CliCommand = {
  summary: 'End your active group membership early',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const group = str(p, 'group');
    if (!group) throw new UsageError('--group NAME|ID is required');
    const conn = await connect(p, io);
    const groupId = await groupIdOf(conn.transport, group);
    const role = roleOf(str(p, 'role')) ?? (await activeRole(conn.transport, groupId, io.signal));
    const result = await deactivate(conn.transport, groupId, role);
    io.out(`Deactivated (${result.status}), request ${result.requestId}.`);
    return 0;
  },
};

/** The role I activated in the group; when none or both, member (PIM's refusal, or --role, says the rest). */
async function activeRole(t: GraphTransport, groupId: string, signal: AbortSignal): Promise<Role> {
  const { memberships } = await myMemberships(t, signal);
  const active = memberships.filter((m) => m.state === 'active' && m.groupId.toLowerCase() === groupId.toLowerCase());
  return active.length === 1 ? active[0].role : 'member';
}
