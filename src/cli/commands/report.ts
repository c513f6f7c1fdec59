// pim-groups report expiring [--within P14D] [--group NAME|ID ...] [--json]: eligible and active assignments that
// end within the window. Exit 2 when any does, 0 when none, 1 on error, so a scheduled pipeline can alert on it.
import { expiringAssignments, type ExpiringReport } from '../../governance';
import { escapeControl } from '../../text/escape';
import { parseDuration } from '../../time';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, UsageError } from '../io';
import { bool, list, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { groupIdOf } from '../activationText';

const OPTIONS: OptionSpecs = {
  within: { type: 'string', value: 'P14D', description: 'the window from now, an ISO 8601 duration (default P14D)' },
  group: {
    type: 'string',
    multiple: true,
    value: 'NAME|ID',
    description: 'only this group (default: every onboarded group)',
  },
  json: { type: 'boolean', description: 'print the report as JSON' },
};

const HELP = renderHelp({
  usage: 'pim-groups report expiring [--within P14D] [--group NAME|ID ...] [--json]',
  about: [
    'Lists the eligible and active assignments whose schedule ends within the window, by group, principal and end.',
    'PIM does not renew them. Exit code: 0 none, 2 at least one ends within the window, 1 error.',
  ],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export function reportLines(r: ExpiringReport): string[] {
  const lines = [
    `Assignments ending by ${new Date(Date.parse(r.asOf) + r.withinMinutes * 60_000).toISOString()} (${r.groupsRead} groups read):`,
  ];
  if (!r.assignments.length) return [...lines, '  none'];
  let group = '';
  for (const a of r.assignments) {
    if (a.groupId !== group) lines.push(`  ${escapeControl(a.groupName)}`);
    group = a.groupId;
    const who = a.principalUpn ? `${a.principalName} <${a.principalUpn}>` : a.principalName;
    lines.push(`    ${a.kind.padEnd(8)} ${a.role.padEnd(6)} ${escapeControl(who)}  ${a.end}  (${a.remaining})`);
  }
  return lines;
}

export const command: CliCommand = {
  summary: 'Reports for pipelines: `report expiring` lists access that ends soon (exit 2 when any)',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS }, { positionals: true });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const [report, ...extra] = p.positionals;
    if (report !== 'expiring' || extra.length)
      throw new UsageError(report ? `unknown report '${report}' (known: expiring)` : 'name the report: expiring');
    const within = parseDuration(str(p, 'within') ?? 'P14D');
    if (!within.ok) throw new UsageError(`--within: ${within.message}`);
    const conn = await connect(p, io);
    const groupIds = await Promise.all(list(p, 'group').map((g) => groupIdOf(conn.transport, g)));
    const result = await expiringAssignments(conn.transport, {
      withinMinutes: within.minutes,
      groupIds,
      signal: io.signal,
    });
    if (bool(p, 'json')) io.out(JSON.stringify(result, null, 2));
    else for (const line of reportLines(result)) io.out(line);
    return result.assignments.length ? 2 : 0;
  },
};
