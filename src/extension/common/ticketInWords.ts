// A schedule request's ticket as people write it, for tree items and tooltips (Groups view, My Access). Pure.

/** "INC-1234 (ServiceNow)", or just the number or the system; undefined without a ticket. */
export function ticketInWords(ticket: { system?: string; number?: string } | undefined): string | undefined {
  if (!ticket?.number && !ticket?.system) return undefined;
  if (ticket.number && ticket.system) return `${ticket.number} (${ticket.system})`;
  return ticket.number ?? ticket.system;
}
