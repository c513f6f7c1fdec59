// pim-groups plan [PATH...]: what apply would change, with drift since the last apply.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasErrors, isEmpty, renderJson, renderMarkdown, renderText } from '../../plan';
import { connect, CONNECTION_OPTIONS } from '../connection';
import type { CliCommand } from '../io';
import { bool, list, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { loadDefinitions, planWorkspace, recordContext } from '../planning';

const OPTIONS: OptionSpecs = {
  out: { type: 'string', value: 'FILE', description: 'also write the plan as JSON (for apply --plan FILE)' },
  json: { type: 'boolean', description: 'print the plan as JSON (docs/plan-format.md) instead of text' },
  markdown: { type: 'boolean', description: 'print the plan as Markdown (for pull request comments)' },
  'detailed-exitcode': {
    type: 'boolean',
    description: 'exit 0 when there is nothing to do, 2 when there are changes, 1 on errors',
  },
  state: {
    type: 'string',
    value: 'FILE',
    description:
      'the applied record that tells drift from changes (default: .pim-groups/applied/<tenant>.json beside the definitions)',
  },
  forget: {
    type: 'string',
    multiple: true,
    value: 'NAME',
    description: 'do not report the deleted definition NAME (apply --forget drops it from the record)',
  },
};

const HELP = renderHelp({
  usage: 'pim-groups plan [PATH...] [options]',
  about: ['Reads the *.pim.yaml files under PATH (default: .), reads the tenant, and prints what apply would do.'],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export const command: CliCommand = {
  summary: 'Preview the changes that apply would make to the tenant',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS }, { positionals: true });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const ws = loadDefinitions(p.positionals, io);
    if (!ws) return 1;
    const conn = await connect(p, io);
    const { plan } = await planWorkspace(
      conn,
      ws,
      recordContext(p.positionals, io, conn.target, str(p, 'state'), list(p, 'forget')),
      io.signal,
    );
    if (str(p, 'out')) fs.writeFileSync(path.resolve(io.cwd, str(p, 'out')!), renderJson(plan));
    io.out(
      bool(p, 'json')
        ? renderJson(plan).trimEnd()
        : bool(p, 'markdown')
          ? renderMarkdown(plan)
          : renderText(plan, { color: io.isTty && !io.env.NO_COLOR }),
    );
    if (hasErrors(plan)) return 1;
    return bool(p, 'detailed-exitcode') && !isEmpty(plan) ? 2 : 0;
  },
};
