// pim-groups plan [PATH...]: what apply would change, with drift since the last apply.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasErrors, isEmpty, renderJson, renderMarkdown, renderText } from '../../plan';
import { bool, list, parseArgs, str } from '../args';
import { connect, CONNECTION_FLAGS, CONNECTION_HELP } from '../connection';
import type { CliCommand } from '../io';
import { loadDefinitions, planWorkspace, recordContext } from '../planning';

const HELP = [
  'Usage: pim-groups plan [PATH...] [options]',
  'Reads the *.pim.yaml files under PATH (default: .), reads the tenant, and prints what apply would do.',
  '  --out FILE               also write the plan as JSON (for apply --plan FILE)',
  '  --json | --markdown      print the plan as JSON (docs/plan-format.md) or Markdown instead of text',
  '  --detailed-exitcode      exit 0 when there is nothing to do, 2 when there are changes, 1 on errors',
  '  --state FILE             the applied record used to tell drift from changes',
  '                           (default: .pim-groups/applied/<tenant>.json beside the definitions)',
  '  --forget NAME            do not report the deleted definition NAME (repeatable; apply --forget drops it)',
  ...CONNECTION_HELP,
].join('\n');

export const command: CliCommand = {
  summary: 'Preview the changes that apply would make to the tenant',
  async run(args, io) {
    if (args.includes('--help')) { io.out(HELP); return 0; }
    const p = parseArgs(args, { ...CONNECTION_FLAGS, out: 'string', json: 'boolean', markdown: 'boolean', 'detailed-exitcode': 'boolean', state: 'string', forget: 'strings' });
    const ws = loadDefinitions(p.positionals, io);
    if (!ws) return 1;
    const conn = await connect(p, io);
    const { plan } = await planWorkspace(conn, ws, recordContext(p.positionals, io, conn.target, str(p, 'state'), list(p, 'forget')), io.signal);
    if (str(p, 'out')) fs.writeFileSync(path.resolve(io.cwd, str(p, 'out')!), renderJson(plan));
    io.out(bool(p, 'json') ? renderJson(plan).trimEnd() : bool(p, 'markdown') ? renderMarkdown(plan) : renderText(plan, { color: io.isTty && !io.env.NO_COLOR }));
    if (hasErrors(plan)) return 1;
    return bool(p, 'detailed-exitcode') && !isEmpty(plan) ? 2 : 0;
  },
};
