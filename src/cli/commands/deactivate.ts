// pim-groups deactivate --group NAME|ID [--role member|owner]: ends your activation early.
import { deactivate } from '../../activation';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { groupIdOf, roleOf } from './activate';

const OPTIONS: OptionSpecs = {
  group: { type: 'string', value: 'NAME|ID', description: 'the group whose activation ends (required)' },
  role: { type: 'string', value: 'ROLE', description: 'member (default) or owner' },
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
    const result = await deactivate(conn.transport, await groupIdOf(conn.transport, group), roleOf(str(p, 'role')));
    io.out(`Deactivated (${result.status}), request ${result.requestId}.`);
    return 0;
  },
};
