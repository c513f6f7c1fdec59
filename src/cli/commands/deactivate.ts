// pim-groups deactivate --group NAME|ID [--role member|owner]: ends your activation early.
import { deactivate } from '../../activation';
import { parseArgs, str } from '../args';
import { connect, CONNECTION_FLAGS, CONNECTION_HELP } from '../connection';
import { CliCommand, UsageError } from '../io';
import { groupIdOf, roleOf } from './activate';

export const command: CliCommand = {
  summary: 'End your active group membership early',
  async run(args, io) {
    if (args.includes('--help')) { io.out(['Usage: pim-groups deactivate --group NAME|ID [--role member|owner]', ...CONNECTION_HELP].join('\n')); return 0; }
    const p = parseArgs(args, { ...CONNECTION_FLAGS, group: 'string', role: 'string' });
    const group = str(p, 'group');
    if (!group) throw new UsageError('--group NAME|ID is required');
    const conn = await connect(p, io);
    const result = await deactivate(conn.transport, await groupIdOf(conn.transport, group), roleOf(str(p, 'role')));
    io.out(`Deactivated (${result.status}), request ${result.requestId}.`);
    return 0;
  },
};
