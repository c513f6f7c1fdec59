// pim-groups approvals: the activation requests waiting for my approval, with requester, group, role, duration,
// justification and ticket (tenant text escaped for the terminal; --json keeps it as the tenant holds it).
import { approvalsWaiting, type WaitingApproval } from '../../governance';
import { escapeControl } from '../../text/escape';
import { connect, CONNECTION_OPTIONS } from '../connection';
import type { CliCommand } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp } from '../options';

const OPTIONS: OptionSpecs = {
  json: { type: 'boolean', description: 'print the requests as JSON' },
};

const HELP = renderHelp({
  usage: 'pim-groups approvals [--json]',
  about: [
    'Lists the activation requests waiting for your approval. Approve or deny one with',
    "'pim-groups approve --id ID --justification TEXT' or 'pim-groups deny ...'.",
  ],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export function approvalLines(a: WaitingApproval): string[] {
  const who = `${escapeControl(a.requesterName)}${a.requesterUpn ? ` <${escapeControl(a.requesterUpn)}>` : ''}`;
  const length = a.duration ?? (a.end ? `until ${a.end}` : 'default length');
  const ticket = a.ticket
    ? `  ticket ${escapeControl([a.ticket.system, a.ticket.number].filter(Boolean).join(':'))}`
    : '';
  return [
    `${a.requestId}  ${who} → ${escapeControl(a.groupName)} (${a.role}) for ${length}${ticket}`,
    `    asked ${a.createdDateTime ?? 'at an unknown time'}: ${a.justification ? escapeControl(a.justification) : '(no justification)'}`,
  ];
}

export const command: CliCommand = {
  summary: 'List the activation requests waiting for your approval',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const conn = await connect(p, io);
    const waiting = await approvalsWaiting(conn.transport, io.signal);
    if (bool(p, 'json')) {
      io.out(JSON.stringify(waiting, null, 2));
      return 0;
    }
    if (!waiting.length) io.out('No requests are waiting for your approval.');
    for (const a of waiting) for (const line of approvalLines(a)) io.out(line);
    return 0;
  },
};
