// pim-groups export --group NAME|ID... | --all [--out DIR]: the tenant's PIM groups as *.pim.yaml definitions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportGroups } from '../../export/exportGroups';
import { bool, list, parseArgs, str } from '../args';
import { connect, CONNECTION_FLAGS, CONNECTION_HELP } from '../connection';
import { CliCommand, UsageError } from '../io';

const HELP = [
  'Usage: pim-groups export (--group NAME|ID ... | --all) [--out DIR]',
  'Writes each group as <name>.pim.yaml in DIR (or prints them). Planning the export against the same tenant is empty.',
  ...CONNECTION_HELP,
].join('\n');

export const command: CliCommand = {
  summary: 'Export PIM groups from the tenant as definitions',
  async run(args, io) {
    if (args.includes('--help')) { io.out(HELP); return 0; }
    const p = parseArgs(args, { ...CONNECTION_FLAGS, group: 'strings', all: 'boolean', out: 'string', force: 'boolean' });
    const names = list(p, 'group');
    if (!names.length && !bool(p, 'all')) throw new UsageError('say which groups: --group NAME|ID (repeatable) or --all');
    const conn = await connect(p, io);
    const result = await exportGroups(conn.transport, { names, all: bool(p, 'all') }, io.signal);
    for (const w of result.warnings) io.err(`warning: ${w}`);
    for (const n of result.notFound) io.err(`error: no group '${n}' in the tenant`);
    const out = str(p, 'out');
    if (out) {
      const dir = path.resolve(io.cwd, out);
      fs.mkdirSync(dir, { recursive: true });
      for (const g of result.groups) {
        const file = path.join(dir, `${g.name}.pim.yaml`);
        if (fs.existsSync(file) && !bool(p, 'force')) { io.err(`error: ${path.relative(io.cwd, file)} exists; use --force to overwrite`); return 1; }
        fs.writeFileSync(file, g.text);
        io.out(`wrote ${path.relative(io.cwd, file)} (${g.groupId})`);
      }
    } else {
      io.out(result.groups.map((g) => g.text).join('---\n').trimEnd());
    }
    return result.notFound.length ? 1 : 0;
  },
};
