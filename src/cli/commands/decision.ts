// pim-groups approve / deny --id ID --justification TEXT: one decision on a request waiting for me. Both commands
// are this one with a different verb; the engine call is the extension's, so refusals read the same.
import { decideApproval } from '../../governance';
import { escapeControl } from '../../text/escape';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';

const OPTIONS: OptionSpecs = {
  id: { type: 'string', value: 'ID', description: "the request's id, as 'pim-groups approvals' lists it (required)" },
  justification: { type: 'string', value: 'TEXT', description: 'why, recorded with the decision (required)' },
  json: { type: 'boolean', description: 'print the outcome as JSON' },
};

export function decisionCommand(decision: 'Approve' | 'Deny'): CliCommand {
  const verb = decision.toLowerCase();
  const help = renderHelp({
    usage: `pim-groups ${verb} --id ID --justification TEXT`,
    about: [`${decision}s an activation request waiting for your approval.`],
    options: [
      ['', OPTIONS],
      ['Connection', CONNECTION_OPTIONS],
    ],
  });
  return {
    summary: `${decision} an activation request waiting for your approval`,
    async run(args, io) {
      const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
      if (bool(p, 'help')) {
        io.out(help);
        return 0;
      }
      const id = str(p, 'id');
      const justification = str(p, 'justification');
      if (!id) throw new UsageError('--id ID is required (pim-groups approvals lists the ids)');
      if (!justification?.trim())
        throw new UsageError('--justification TEXT is required: it is recorded with the decision');
      const conn = await connect(p, io);
      await decideApproval(conn.transport, id, decision, justification);
      const done = decision === 'Approve' ? 'Approved' : 'Denied';
      if (bool(p, 'json')) io.out(JSON.stringify({ requestId: id, decision, justification }, null, 2));
      else io.out(`${done} request ${escapeControl(id)}.`);
      return 0;
    },
  };
}
