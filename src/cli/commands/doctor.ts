// pim-groups doctor [PATH...] [--json] [--for COMMAND ...]: is the tenant ready for these definitions? Licences,
// the token's permissions, the caller's directory roles, each binding kind's reachability and the groups. Exit 0
// when nothing fails (warnings allowed), 1 when a check fails.
import { loadWorkspace } from '../../definitions';
import {
  PERMISSION_COMMANDS,
  PermissionCommand,
  readinessFailed,
  renderReadinessText,
  runReadiness,
} from '../../readiness';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { readDefinitionFiles } from '../definitionFiles';
import { CliCommand, UsageError } from '../io';
import { bool, list, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { loadDefinitions, recordContext } from '../planning';

const OPTIONS: OptionSpecs = {
  json: { type: 'boolean', description: 'print the report as JSON ({ target, results: [{ id, status, what, fix }] })' },
  for: {
    type: 'string',
    multiple: true,
    value: 'COMMAND',
    description: `check the permissions of COMMAND: ${PERMISSION_COMMANDS.join(', ')} (default plan and apply)`,
  },
  state: { type: 'string', value: 'FILE', description: 'the applied record (as plan --state), for groups known by id' },
};

const HELP = renderHelp({
  usage: 'pim-groups doctor [PATH...] [--json] [--for COMMAND ...]',
  about: [
    'Checks that the tenant is ready for the *.pim.yaml files under PATH (default: .; none is fine): a PIM-capable',
    "licence, the token's permissions, your directory roles, each binding kind's reachability, and the groups.",
    'Exit 0 when nothing fails (warnings allowed), 1 when a check fails.',
  ],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export const command: CliCommand = {
  summary: 'Check that the tenant is ready: licences, permissions, roles, bindings, groups',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS }, { positionals: true });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const commands = list(p, 'for');
    for (const c of commands)
      if (!(PERMISSION_COMMANDS as readonly string[]).includes(c))
        throw new UsageError(`--for must be one of ${PERMISSION_COMMANDS.join(', ')} (got '${c}')`);
    // With no definitions (a tenant not yet adopted), the tenant-wide checks still run.
    const none = !p.positionals.length && !readDefinitionFiles([], io.cwd).files.length;
    const ws = none ? loadWorkspace([]) : loadDefinitions(p.positionals, io);
    if (!ws) return 1;
    const conn = await connect(p, io);
    const report = await runReadiness(conn.transport, ws, {
      target: conn.target,
      commands: commands.length ? (commands as PermissionCommand[]) : undefined,
      record: recordContext(p.positionals, io, conn.target, str(p, 'state')),
      signal: io.signal,
    });
    io.out(bool(p, 'json') ? JSON.stringify(report, null, 2) : renderReadinessText(report));
    return readinessFailed(report) ? 1 : 0;
  },
};
