// A group's history as a Markdown table in a read-only document: every cell is tenant text made inert for Markdown
// (no link, image, HTML or cell break can come out of a justification). Pure rendering here; the command opens it.
import type { History } from '../../governance/history';
import { forMarkdown } from '../../text/escape';

export function historyMarkdown(groupName: string, h: History): string {
  const head = [
    'When (UTC)',
    'Action',
    'Kind',
    'Role',
    'Principal',
    'By',
    'Length',
    'Justification',
    'Ticket',
    'Outcome',
  ];
  const rows = h.events.map((e) => [
    e.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
    e.action,
    e.kind,
    e.role,
    e.principalName,
    e.byName && e.byId !== e.principalId ? e.byName : '',
    e.duration ?? (e.end ? `until ${e.end}` : ''),
    e.justification ?? '',
    e.ticket ? [e.ticket.system, e.ticket.number].filter(Boolean).join(':') : '',
    e.outcome,
  ]);
  const line = (cells: string[]) => `| ${cells.map((c) => forMarkdown(c)).join(' | ')} |`;
  return [
    `# History of ${forMarkdown(groupName)}`,
    '',
    `Since ${h.since} (tenant time ${h.asOf}); ${h.events.length} events, newest first.` +
      (h.auditLog === 'read' ? '' : ' The directory audit log was not readable, so expiries are missing.'),
    '',
    line(head),
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map(line),
    '',
  ].join('\n');
}
