// pim-groups export --group NAME|ID... | --all [--out DIR]: the tenant's PIM groups as *.pim.yaml definitions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportGroups } from '../../export/exportGroups';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, UsageError } from '../io';
import { bool, list, OptionSpecs, parseOptions, renderHelp, str } from '../options';

const OPTIONS: OptionSpecs = {
  group: { type: 'string', multiple: true, value: 'NAME|ID', description: 'a group to export' },
  all: { type: 'boolean', description: 'export every PIM-onboarded group' },
  out: { type: 'string', value: 'DIR', description: 'write <name>.pim.yaml files into DIR instead of printing them' },
  force: { type: 'boolean', description: 'overwrite files that exist in DIR' },
};

const HELP = renderHelp({
  usage: 'pim-groups export (--group NAME|ID ... | --all) [--out DIR]',
  about: [
    'Writes each group as <name>.pim.yaml in DIR (or prints them). Planning the export against the same tenant is empty.',
  ],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export const command: CliCommand = {
  summary: 'Export PIM groups from the tenant as definitions',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const names = list(p, 'group');
    if (!names.length && !bool(p, 'all'))
      throw new UsageError('say which groups: --group NAME|ID (repeatable) or --all');
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
        if (fs.existsSync(file) && !bool(p, 'force')) {
          io.err(`error: ${path.relative(io.cwd, file)} exists; use --force to overwrite`);
          return 1;
        }
        fs.writeFileSync(file, g.text);
        io.out(`wrote ${path.relative(io.cwd, file)} (${g.groupId})`);
      }
    } else {
      io.out(
        result.groups
          .map((g) => g.text)
          .join('---\n')
          .trimEnd(),
      );
    }
    return result.notFound.length ? 1 : 0;
  },
};
