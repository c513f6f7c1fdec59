// pim-groups activate [--group NAME|ID] ...: list my memberships, activate one (showing what its policy requires
// first), wait for its approval, or withdraw a pending or scheduled one.
import {
  activate,
  ActivationRefused,
  checkActivationRequest,
  myMemberships,
  waitForDecision,
  withdraw,
} from '../../activation';
import { isCancelled } from '../../graph/errors';
import { forTerminal } from '../../text/escape';
import { parseDurationInput } from '../../time';
import { groupIdOf, membershipLine, problemLines, requirementsText, roleOf, waitOutcomeLine } from '../activationText';
import { connect, CONNECTION_OPTIONS } from '../connection';
import { CliCommand, CliIo, UsageError } from '../io';
import { bool, OptionSpecs, ParsedOptions, parseOptions, renderHelp, str } from '../options';

const OPTIONS: OptionSpecs = {
  group: {
    type: 'string',
    value: 'NAME|ID',
    description: 'the group to activate; without it, your memberships are listed',
  },
  role: {
    type: 'string',
    value: 'ROLE',
    description: 'member or owner (default: the one you are eligible in; needed when you are eligible in both)',
  },
  duration: {
    type: 'string',
    value: 'DURATION',
    description: 'how long, e.g. 2h, 90m, 1h30m or PT2H (default: the most the policy allows)',
  },
  justification: { type: 'string', value: 'TEXT', description: 'why (when the policy requires it)' },
  ticket: { type: 'string', value: 'SYSTEM:NUMBER', description: 'ticket (when the policy requires it)' },
  start: {
    type: 'string',
    value: 'INSTANT',
    description: 'start later (a scheduled activation), e.g. 2026-12-01T08:00:00Z',
  },
  wait: { type: 'boolean', description: 'when approval is required, wait for the decision (Ctrl+C stops waiting)' },
  timeout: { type: 'string', value: 'DURATION', description: 'with --wait: stop waiting after this long, e.g. 30m' },
  cancel: { type: 'boolean', description: 'withdraw your pending or scheduled activation of --group' },
  list: {
    type: 'boolean',
    description: 'list your memberships, pending and scheduled activations (also without --group)',
  },
};

const HELP = renderHelp({
  usage:
    'pim-groups activate [--group NAME|ID [--role member|owner] [--duration 2h] [--start INSTANT] [--justification TEXT] [--ticket SYSTEM:NUMBER] [--wait [--timeout 30m]] | --cancel]',
  about: [
    'Without --group: lists your eligible, active, pending and scheduled group memberships and ownerships.',
    "With --group: shows what the group's policy requires, checks the request against it, then sends it.",
  ],
  options: [
    ['', OPTIONS],
    ['Connection', CONNECTION_OPTIONS],
  ],
});

export const command: CliCommand = {
  summary: 'List, activate, wait for or withdraw your eligible group memberships',
  async run(args, io) {
    const p = parseOptions(args, { ...OPTIONS, ...CONNECTION_OPTIONS });
    if (bool(p, 'help')) {
      io.out(HELP);
      return 0;
    }
    const group = str(p, 'group');
    const role = roleOf(str(p, 'role'));
    if (bool(p, 'cancel') && !group) throw new UsageError('--cancel needs --group NAME|ID');
    // The duration and start are checked as typed before connecting, with the editor's messages.
    const typed = checkActivationRequest(
      { duration: str(p, 'duration'), start: str(p, 'start') },
      undefined,
      Date.now(),
    );
    if (typed.problems.length) throw new UsageError(problemLines(typed.problems));
    const timeoutMs = timeoutOf(str(p, 'timeout'));
    const conn = await connect(p, io);
    if (!group || bool(p, 'list')) {
      const { me, memberships } = await myMemberships(conn.transport, io.signal);
      io.out(forTerminal(`Signed in as ${me.userPrincipalName ?? me.id}`));
      if (!memberships.length) io.out('You have no eligible or active group memberships.');
      for (const m of memberships) io.out(membershipLine(m));
      return 0;
    }
    const groupId = await groupIdOf(conn.transport, group);
    if (bool(p, 'cancel')) {
      const m = await withdraw(conn.transport, groupId, role, io.signal);
      io.out(
        forTerminal(
          m.state === 'scheduled'
            ? `Cancelled the scheduled activation of ${m.groupName} (${m.role}) that was to start at ${m.start}.`
            : `Withdrew the pending request for ${m.groupName} (${m.role}), request ${m.requestId}.`,
        ),
      );
      return 0;
    }
    return activateOne(conn.transport, p, io, groupId, group, timeoutMs);
  },
};

async function activateOne(
  t: Parameters<typeof activate>[0],
  p: ParsedOptions,
  io: CliIo,
  groupId: string,
  group: string,
  timeoutMs: number | undefined,
): Promise<number> {
  const ticketText = str(p, 'ticket');
  const [system, number] = ticketText?.includes(':') ? ticketText.split(/:(.*)/s) : [undefined, ticketText];
  let result;
  try {
    result = await activate(
      t,
      {
        groupId,
        role: roleOf(str(p, 'role')),
        duration: str(p, 'duration'),
        justification: str(p, 'justification'),
        ticket: number ? { system, number } : undefined,
        start: str(p, 'start'),
      },
      {
        signal: io.signal,
        onRequirements: (role, r) =>
          io.err(
            forTerminal(
              `${group} (${role}) requires: ${r ? requirementsText(r) || 'nothing beyond the defaults' : 'unknown (the policy could not be read; PIM checks it)'}.`,
            ),
          ),
        onStepUp: (need) =>
          io.err(
            need.reason === 'mfa'
              ? 'PIM asks for multi-factor authentication: signing in again to complete it.'
              : forTerminal(
                  `PIM asks for the authentication context '${need.context ?? '?'}': signing in again to satisfy it.`,
                ),
          ),
      },
    );
  } catch (e) {
    if (e instanceof ActivationRefused && e.problems.length) throw new Error(problemLines(e.problems));
    throw e;
  }
  if (!result.pendingApproval) {
    io.out(
      result.scheduledStart
        ? `Scheduled for ${result.scheduledStart} (${result.duration}), request ${result.requestId}: 'pim-groups activate --list' shows it and 'pim-groups activate --cancel --group ...' withdraws it.`
        : `Activated (${result.status}) for ${result.duration}, request ${result.requestId}.`,
    );
    return 0;
  }
  io.out(
    `Requested (${result.status}): an approver must approve request ${result.requestId} before you become active.`,
  );
  if (!bool(p, 'wait')) return 0;
  try {
    const outcome = await waitForDecision(t, result.requestId, {
      signal: io.signal,
      timeoutMs,
      onProgress: (status, waited) => io.err(`Waiting for approval (${status}, ${Math.round(waited / 1000)} s)…`),
    });
    io.out(waitOutcomeLine(outcome, result.requestId, group));
    return outcome.outcome === 'approved' ? 0 : 1;
  } catch (e) {
    if (!isCancelled(e)) throw e;
    io.out(waitOutcomeLine({ outcome: 'timeout', status: result.status }, result.requestId, group));
    return 130;
  }
}

/** --timeout as a duration (`30m`, `2h`, `PT30M`) or in seconds (`90s`). */
function timeoutOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^(\d+)s$/i.exec(text.trim());
  if (seconds) return Number(seconds[1]) * 1000;
  const d = parseDurationInput(text);
  if (!d.ok) throw new UsageError(`--timeout: ${d.message}`);
  return d.minutes * 60_000;
}
