// Activate, Deactivate and Extend my membership, Cancel my pending request, Approve / Deny someone else's: every
// prompt through deps.ui (host tests script them), every refusal in words that say what to do.
import * as vscode from 'vscode';
import type { ActivationResult, Membership } from '../../activation';
import type { Connections } from '../common/connection';
import { loadEngine } from '../engine/engineLoader';
import { durationInWords, endsInWords } from '../../time';
import { policySummary } from '../common/policySummary';
import { UserFacingError, hasCode } from '../infrastructure/errors';
import { UserInput } from '../infrastructure/userInput';
import { MyAccessModel } from '../common/myAccess/myAccessModel';
import type { TenantChanges } from '../common/tenantChanges';
import { ApprovalRequest, isSelfActivated } from '../common/myAccess/myAccessSource';
import { approverNames } from './approversOf';
import { DurationChoice, durationChoices, shorterThan } from './durationChoices';
import { failedRules, refusalSentence } from '../common/pimRefusal';
import { WorkspaceTrustGuard } from './workspaceTrustGuard';

/** What a command gets from a My Access item, or a host test passes directly. */
export interface MembershipRef {
  groupId: string;
  role: 'member' | 'owner';
}

export interface ActivationOutcome extends ActivationResult {
  message: string;
}

export interface ActivationContext {
  ui: UserInput;
  connections: Connections;
  model: MyAccessModel;
  /** Announces each write, so My Access, the Groups view and the status bar read again. */
  tenant: TenantChanges;
  guard: WorkspaceTrustGuard;
  notify(message: string): void;
}

const roleName = (role: string) => (role === 'member' ? 'Member' : 'Owner');

export async function activateMembership(c: ActivationContext, target?: MembershipRef): Promise<ActivationOutcome> {
  c.guard.require('Activating a membership');
  const data = await c.model.get();
  const membership = target
    ? find(data.eligible, target, 'eligible')
    : await pickMembership(
        c.ui,
        data.eligible,
        'Activate Membership',
        'Which eligible membership do you want to activate?',
      );
  const r = membership.requirements;
  const title = `Activate ${membership.groupName} (${roleName(membership.role)})`;
  let duration = await pickDuration(
    c.ui,
    title,
    r?.maxDuration,
    r
      ? `For how long? ${limitsOf(membership)}`
      : 'For how long? (the policy could not be read: PIM checks its maximum when you activate)',
  );
  let justification = r?.requireJustification ? await askJustification(c.ui, title) : undefined;
  let ticket = r?.requireTicket ? await askTicket(c.ui, title) : undefined;
  let result: ActivationResult | undefined;
  // When the caller may not read the group's policy (requirements unknown), PIM's refusal names the rules that
  // failed; we ask for exactly what is missing and send again, once per rule.
  for (let attempt = 0; !result; attempt++) {
    const request = { groupId: membership.groupId, role: membership.role, duration, justification, ticket };
    try {
      result = await withMfaRetry(c, () =>
        c.connections.transport().then((t) => loadEngine().activation.activate(t, request)),
      );
    } catch (error) {
      // Whatever was asked before (the justification, the ticket) is kept: only what PIM refused is asked again.
      const failed = failedRules(error);
      const what = `activate ${membership.groupName} (${roleName(membership.role)})`;
      if (attempt > 2 || !failed.size) throw refusal(what, error);
      if (failed.has('JustificationRule') && !justification) justification = await askJustification(c.ui, title);
      else if (failed.has('TicketingRule') && !ticket) ticket = await askTicket(c.ui, title);
      else if (failed.has('ExpirationRule') && shorterThan(duration).length) {
        duration = await pickFrom(
          c.ui,
          title,
          shorterThan(duration),
          `PIM refused ${durationInWords(duration)}: the policy allows less. Choose a shorter duration`,
        );
      } else throw refusal(what, error);
    }
  }
  c.tenant.wrote('activation');

  let message: string;
  if (result.pendingApproval) {
    const names = await c.connections
      .transport()
      .then((t) => approverNames(loadEngine(), t, membership.groupId, membership.role))
      .catch(() => []);
    message = `Waiting for approval by ${names.length ? names.join(', ') : "the group's approvers"}: ${membership.groupName} (${roleName(membership.role)}) activates once approved.`;
  } else {
    message = `${membership.groupName} (${roleName(membership.role)}) is active for ${durationInWords(duration)} (${result.status}).`;
  }
  c.notify(message);
  return { ...result, message };
}

export async function deactivateMembership(c: ActivationContext, target?: MembershipRef): Promise<ActivationOutcome> {
  c.guard.require('Deactivating a membership');
  const data = await c.model.get();
  const mine = data.active.filter(isSelfActivated);
  const membership = target
    ? find(mine, target, 'self-activated')
    : await pickMembership(
        c.ui,
        mine,
        'Deactivate Membership',
        'Which active membership do you want to end now?',
        // What matters when ending access early is how much is left, not what activating required.
        (m) => endsInWords(m.end),
      );
  const result = await c.connections
    .transport()
    .then((t) => loadEngine().activation.deactivate(t, membership.groupId, membership.role))
    .catch(explainRefusal);
  c.tenant.wrote('activation');
  const message = `${membership.groupName} (${roleName(membership.role)}) is deactivated.`;
  c.notify(message);
  return { ...result, message };
}

export async function extendMembership(c: ActivationContext, target?: MembershipRef): Promise<ActivationOutcome> {
  c.guard.require('Extending a membership');
  const data = await c.model.get();
  const mine = data.active.filter(isSelfActivated);
  const membership = target
    ? find(mine, target, 'self-activated')
    : await pickMembership(c.ui, mine, 'Extend Membership', 'Which active membership do you want to extend?');
  const r =
    data.eligible.find((e) => e.groupId === membership.groupId && e.role === membership.role)?.requirements ??
    membership.requirements;
  const duration = (
    await c.ui.pick(
      durationChoices(r?.maxDuration)
        .map((d) => ({ label: d.label, value: d.duration }))
        .reverse(),
      {
        title: `Extend ${membership.groupName}`,
        placeholder: 'Extend by how long?',
      },
    )
  ).value;
  const justification = r?.requireJustification
    ? await c.ui.input({
        title: `Extend ${membership.groupName}`,
        prompt: "Justification (required by the group's policy)",
        validate: (v) => (v.trim() ? undefined : 'The policy requires a justification'),
      })
    : undefined;
  const result = await withMfaRetry(c, () =>
    c.connections.transport().then((t) =>
      loadEngine().activation.extend(t, {
        groupId: membership.groupId,
        role: membership.role,
        duration,
        justification,
      }),
    ),
  ).catch((error: unknown) => {
    // selfExtend is in Graph's metadata but not documented for groups (UNCONFIRMED); a tenant may refuse it.
    if (failedRules(error).size || !/\b400\b/.test(String((error as Error)?.message))) throw error;
    throw new UserFacingError(
      `PIM did not accept extending ${membership.groupName} (${(error as Error).message}). Deactivate and activate it again, or ask an administrator to extend it.`,
      [
        {
          title: 'Deactivate',
          run: () =>
            vscode.commands.executeCommand('pimGroups.deactivateMembership', {
              groupId: membership.groupId,
              role: membership.role,
            }),
        },
      ],
    );
  });
  c.tenant.wrote('activation');
  const message = result.pendingApproval
    ? `The extension of ${membership.groupName} is waiting for approval.`
    : `${membership.groupName} (${roleName(membership.role)}) is extended by ${durationInWords(duration)}.`;
  c.notify(message);
  return { ...result, message };
}

export async function cancelRequest(
  c: ActivationContext,
  target?: { requestId?: string; membership?: Membership },
): Promise<string> {
  c.guard.require('Cancelling a request');
  const data = await c.model.get();
  const requestId =
    target?.membership?.requestId ??
    target?.requestId ??
    (await pickMembership(c.ui, data.pending, 'Cancel Request', 'Which pending request do you want to withdraw?'))
      .requestId;
  if (!requestId) throw new UserFacingError('That request has no id to cancel; refresh My Access.');
  await c.connections.transport().then((t) => loadEngine().activation.cancelRequest(t, requestId));
  c.tenant.wrote('activation');
  c.notify('The request is withdrawn.');
  return requestId;
}

export async function decideRequest(
  c: ActivationContext,
  decision: 'Approve' | 'Deny',
  target?: ApprovalRequest,
): Promise<string> {
  c.guard.require(decision === 'Approve' ? 'Approving a request' : 'Denying a request');
  const data = await c.model.get();
  const request =
    target ??
    (
      await c.ui.pick(
        data.approvals.map((a) => ({
          label: `${a.requesterName} → ${a.groupName}`,
          description: a.role,
          detail: a.justification,
          value: a,
        })),
        {
          title: `${decision} Request`,
          placeholder: 'Which request?',
        },
      )
    ).value;
  const justification = await c.ui.input({
    title: `${decision} ${request.requesterName} → ${request.groupName}`,
    prompt: `Why do you ${decision.toLowerCase()} it? (recorded with the decision)`,
    validate: (v) => (v.trim() ? undefined : 'A justification is required'),
  });
  await c.connections
    .transport()
    .then((t) => loadEngine().activation.decide(t, request.requestId, decision, justification));
  c.tenant.wrote('approval');
  const message = `${decision === 'Approve' ? 'Approved' : 'Denied'}: ${request.requesterName} → ${request.groupName} (${roleName(request.role)}).`;
  c.notify(message);
  return message;
}

/** Shortest first; only the policy's real maximum is called so. */
function pickDuration(
  ui: UserInput,
  title: string,
  maxDuration: string | undefined,
  placeholder: string,
): Promise<string> {
  return pickFrom(ui, title, durationChoices(maxDuration), placeholder);
}

async function pickFrom(ui: UserInput, title: string, choices: DurationChoice[], placeholder: string): Promise<string> {
  const items = choices.map((d) => ({
    label: d.label,
    description: d.isMaximum ? 'policy maximum' : undefined,
    value: d.duration,
  }));
  return (await ui.pick(items, { title, placeholder })).value;
}

/** A refusal in one sentence with the fix (the log keeps PIM's own text, status and request id). */
function refusal(what: string, error: unknown): Error {
  if (hasCode(error, 'UserCancelled')) return error as Error;
  return new UserFacingError(refusalSentence(what, error));
}

function askJustification(ui: UserInput, title: string): Promise<string> {
  return ui.input({
    title,
    prompt: "Justification (required by the group's policy)",
    validate: (v) => (v.trim() ? undefined : 'The policy requires a justification'),
  });
}

async function askTicket(ui: UserInput, title: string): Promise<{ system?: string; number: string }> {
  return parseTicket(
    await ui.input({
      title,
      prompt: 'Ticket (required by the policy): SYSTEM:NUMBER or NUMBER',
      validate: (v) => (v.trim() ? undefined : 'The policy requires a ticket number'),
    }),
  );
}

function find(list: Membership[], target: MembershipRef, what: string): Membership {
  const m = list.find((x) => x.groupId.toLowerCase() === target.groupId.toLowerCase() && x.role === target.role);
  if (!m)
    throw new UserFacingError(
      `You have no ${what} ${target.role} membership of that group (it may have changed); refresh My Access.`,
    );
  return m;
}

async function pickMembership(
  ui: UserInput,
  list: Membership[],
  title: string,
  placeholder: string,
  detail: (m: Membership) => string = limitsOf,
): Promise<Membership> {
  if (!list.length)
    throw new UserFacingError(`${title}: there is nothing to choose from. My Access lists your memberships.`);
  return (
    await ui.pick(
      list.map((m) => ({ label: m.groupName, description: roleName(m.role), detail: detail(m), value: m })),
      { title, placeholder },
    )
  ).value;
}

/** The policy's limits for the quick pick's detail line and the duration prompt, in the Groups tree's words. */
function limitsOf(m: Membership): string {
  return m.requirements ? policySummary(m.requirements) : 'Limits checked by PIM when you activate';
}

function parseTicket(text: string): { system?: string; number: string } {
  const i = text.indexOf(':');
  return i > 0 ? { system: text.slice(0, i).trim(), number: text.slice(i + 1).trim() } : { number: text.trim() };
}

/**
 * MFA and authentication-context refusals say what to do. With the sandbox the session can simply become an MFA
 * session, so we offer that and send again; with a tenant the user signs in again (VS Code's account prompt).
 */
async function withMfaRetry(c: ActivationContext, send: () => Promise<ActivationResult>): Promise<ActivationResult> {
  try {
    return await send();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const needsMfa = /multi-factor/i.test(message);
    const needsContext = /authentication context/i.test(message);
    if (!needsMfa && !needsContext) return explainRefusal(error);
    const info = c.connections.current();
    if (info?.kind === 'sandbox' && needsMfa && !c.connections.sandboxCaller().mfa) {
      await c.ui.confirm({
        message: 'This group requires multi-factor authentication to activate.',
        detail: 'Retry as an MFA session of the sandbox caller?',
        confirmLabel: 'Retry with MFA',
      });
      await c.connections.connectSandbox({ upn: c.connections.sandboxCaller().upn, mfa: true });
      return send().catch(explainRefusal);
    }
    if (needsContext)
      // VS Code's authentication API (1.100) takes no claims challenge, so the sign-in cannot ask for the context.
      throw new UserFacingError(
        `This group requires the Conditional Access authentication context '${/authentication context '([^']*)'/.exec(message)?.[1] ?? '?'}' on activation, and VS Code's sign-in cannot ask for one: activate with the CLI (pim-groups activate --group NAME --auth device-code signs you in again for it) or in the Entra portal.`,
      );
    throw new UserFacingError(`${withoutRawAnswer(message)} (VS Code asks for the account.)`, [
      { title: 'Sign In Again', run: () => c.connections.signIn({ forceNewSession: true }) },
    ]);
  }
}

function explainRefusal(error: unknown): never {
  // The engine's sentence says what to do; PIM's raw answer it appends in parentheses stays in the log.
  if (hasCode(error, 'PIM_ACTIVATION_REFUSED')) throw new UserFacingError(withoutRawAnswer((error as Error).message));
  throw error;
}

function withoutRawAnswer(message: string): string {
  const at = message.indexOf(' (');
  return at > 0 && message.endsWith(')') ? message.slice(0, at) : message;
}

export function showInformation(message: string): void {
  void vscode.window.showInformationMessage(message);
}
