// pim-groups history [--group NAME|ID ...] [--since P30D] [--principal UPN] [--json|--csv]: who activated,
// deactivated, was assigned or removed, approved or denied, when, for how long and why.
import { readHistory, type History, type HistoryEvent } from '../../governance';
import { paths } from '../../graph/api/paths';
import type { GraphTransport } from '../../graph/transport';
import { isGuid } from '../../tenant/resolveDirectory';
import { escapeControl } from '../../text/escape';
import { parseDuration } from '../../time';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { toCsv } from '../csv';
import { CliCommand, UsageError } from '../io';
import { bool, list, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { groupIdOf } from '../activationText';

const OPTIONS: OptionSpecs = {
  group: {
    type: 'string',
    multiple: true,
    value: 'NAME|ID',
    description: 'only this group (default: every onboarded group)',
  },
  since: { type: 'string', value: 'P30D', description: 'how far back, an ISO 8601 duration (default P30D)' },
  principal: { type: 'string', value: 'UPN|ID', description: "only this user's (or principal's) events" },
  json: { type: 'boolean', description: 'print the events as JSON (the data as the tenant holds it)' },
  csv: { type: 'boolean', description: 'print the events as CSV (formula-like cells get a leading apostrophe)' },
};

const HELP = renderHelp({
  usage: 'pim-groups history [--group NAME|ID ...] [--since P30D] [--principal UPN] [--json|--csv]',
  about: [
    "Activations, deactivations, admin assignments and removals, approvals and denials of the groups' PIM access,",
    'from the schedule requests and, when you may read it (AuditLog.Read.All), the directory audit log.',
  ],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export const CSV_COLUMNS = [
  'when',
  'action',
  'kind',
  'role',
  'group',
  'principal',
  'principalUpn',
  'by',
  'start',
  'end',
  'duration',
  'justification',
  'ticket',
  'outcome',
  'source',
  'requestId',
];

const ticketText = (e: HistoryEvent) =>
  e.ticket ? [e.ticket.system, e.ticket.number].filter(Boolean).join(':') : undefined;

function csvRow(e: HistoryEvent): (string | undefined)[] {
  return [
    e.at,
    e.action,
    e.kind,
    e.role,
    e.groupName,
    e.principalName,
    e.principalUpn,
    e.byName,
    e.start,
    e.end,
    e.duration,
    e.justification,
    ticketText(e),
    e.outcome,
    e.source,
    e.requestId,
  ];
}

function textLines(h: History): string[] {
  const lines = [`History since ${h.since} (${h.groupsRead} groups, ${h.events.length} events):`];
  for (const e of h.events) {
    const by = e.byName && e.byId !== e.principalId ? ` by ${e.byName}` : '';
    const length = e.duration ? ` for ${e.duration}` : e.end ? ` until ${e.end}` : '';
    const why = e.justification ? `  "${e.justification}"` : '';
    const ticket = ticketText(e) ? `  ticket ${ticketText(e)}` : '';
    lines.push(
      escapeControl(
        `${e.at}  ${e.action.padEnd(10)} ${e.kind} ${e.role}  ${e.groupName}  ${e.principalName}${by}${length}  [${e.outcome}]${why}${ticket}`,
      ),
    );
  }
  if (h.auditLog !== 'read')
    lines.push(
      '',
      'The directory audit log was not read (it needs AuditLog.Read.All and a reports reader role); expiries and events',
      'older than the request lists keep are missing.',
    );
  return lines;
}

async function principalIdOf(t: GraphTransport, value: string): Promise<string> {
  if (isGuid(value)) return value;
  return (await t.get<{ id: string }>(paths.userByUpn(value))).id;
}

export const command: CliCommand = {
  summary: "Show the groups' PIM history: activations, assignments, approvals (text, JSON or CSV)",
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    if (bool(p, 'json') && bool(p, 'csv')) throw new UsageError('--json and --csv exclude each other');
    const since = parseDuration(str(p, 'since') ?? 'P30D');
    if (!since.ok) throw new UsageError(`--since: ${since.message}`);
    const conn = await connect(p, io);
    const t = conn.transport;
    const groupIds = await Promise.all(list(p, 'group').map((g) => groupIdOf(t, g)));
    const principal = str(p, 'principal');
    const history = await readHistory(t, {
      groupIds,
      sinceMinutes: since.minutes,
      principalId: principal ? await principalIdOf(t, principal) : undefined,
      signal: io.signal,
    });
    if (bool(p, 'json')) io.out(JSON.stringify(history, null, 2));
    else if (bool(p, 'csv')) {
      const csv = toCsv(CSV_COLUMNS, history.events.map(csvRow));
      if (io.write) io.write(csv);
      else io.out(csv.replace(/\r\n$/, ''));
    } else for (const line of textLines(history)) io.out(line);
    if (history.auditLog !== 'read' && (bool(p, 'json') || bool(p, 'csv')))
      io.err(`pim-groups history: the directory audit log was not read: ${escapeControl(history.auditLog.refused)}`);
    return 0;
  },
};
