// Activate, deactivate and extend one's own membership/ownership. The role is the one the caller is eligible in;
// what the policy states (justification, ticket, maximum duration) and the duration and start as typed are checked
// before sending; MFA and an authentication context are the service's to enforce, and their refusal is answered by
// a step-up when the credential can sign in again (stepUp.ts), else explained.
import type { Role } from '../definitions/model';
import { graphCalls } from '../graph/api/calls';
import { AmbiguousOutcomeError, GraphRequestError } from '../graph/errors';
import type { GraphTransport } from '../graph/transport';
import type { GraphScheduleRequest, ScheduleRequestBody } from '../graph/types';
import { failedPolicyRules } from '../graph/policyRuleFailures';
import { ActivationRequirements, requirementsOf, whoAmI } from './memberships';
import { checkActivationRequest, RequestProblem } from './requestChecks';
import { chooseRole, eligibleRoles } from './roleChoice';
import { StepUpNeed, stepUpNeeded, stepUpRequirement } from './stepUp';

export interface ActivationRequest {
  groupId: string;
  /** Omitted: the role the caller is eligible in (asked when both). */
  role?: Role;
  /** A duration as typed (`2h`, `PT2H`); defaults to the policy maximum. */
  duration?: string;
  justification?: string;
  ticket?: { system?: string; number?: string };
  /** Scheduled start (RFC 3339); default now. */
  start?: string;
}

export interface ActivationOptions {
  signal?: AbortSignal;
  /** Told what the policy requires (undefined: it could not be read) before the request is checked and sent. */
  onRequirements?(role: Role, requirements: ActivationRequirements | undefined): void;
  /** Told before the sign-in that steps the session up (e.g. "completing the authentication context c1"). */
  onStepUp?(need: StepUpNeed): void;
}

export interface ActivationResult {
  status: string;
  requestId: string;
  pendingApproval: boolean;
  role: Role;
  /** The ISO duration sent. */
  duration?: string;
  /** Set when the activation starts later (a scheduled activation): its start. */
  scheduledStart?: string;
  end?: string;
}

/** The service or the policy refused the request; `code` is stable across bundles (match it, not the class). */
export class ActivationRefused extends Error {
  readonly code = 'PIM_ACTIVATION_REFUSED';
  constructor(
    message: string,
    /** Problems found before sending, each with the field it is about. */
    readonly problems: RequestProblem[] = [],
  ) {
    super(message);
    this.name = 'ActivationRefused';
  }
}

function explain(e: GraphRequestError, r: ActivationRequirements | undefined): Error {
  const msg = e.message;
  const rules = new Set(e.code === 'RoleAssignmentRequestPolicyValidationFailed' ? failedPolicyRules(msg) : []);
  if (rules.has('JustificationRule'))
    return new ActivationRefused(`This group requires a justification to activate. (${msg})`);
  if (rules.has('TicketingRule') || rules.has('TicketRule'))
    return new ActivationRefused(`This group requires a ticket to activate. (${msg})`);
  if (e.code === 'ActiveDurationTooShort')
    return new ActivationRefused(
      `PIM keeps an activation for at least 5 minutes, so it cannot end within 5 minutes of its start; try again in a few minutes. (${msg})`,
    );
  if (rules.has('ExpirationRule'))
    return new ActivationRefused(
      `The duration asked for is longer than the group's policy allows${r?.maxDuration ? ` (${r.maxDuration})` : ''}. (${msg})`,
    );
  return e;
}

async function post(t: GraphTransport, body: ScheduleRequestBody, signal?: AbortSignal) {
  try {
    const res = await graphCalls.assignmentRequest(t, body, { signal });
    if (res.status === 'Failed')
      throw new ActivationRefused(`The service refused the request (status Failed, request ${res.id}).`);
    return res;
  } catch (e) {
    if (e instanceof AmbiguousOutcomeError)
      throw new ActivationRefused(
        `The connection dropped while sending; check 'pim-groups activate --list' before trying again, so that you do not request twice. (${e.message})`,
      );
    throw e;
  }
}

/**
 * Sends once; when PIM refuses for MFA or an authentication context and the credential can sign in again
 * interactively, steps up (a claims request) and sends once more. Otherwise the refusal says how to satisfy it.
 */
async function send(
  t: GraphTransport,
  body: ScheduleRequestBody,
  r: ActivationRequirements | undefined,
  o: ActivationOptions = {},
) {
  try {
    return await post(t, body, o.signal);
  } catch (e) {
    if (!(e instanceof GraphRequestError)) throw e;
    const need = stepUpNeeded(e.code, e.message, r);
    if (!need) throw explain(e, r);
    const support = t.stepUpSupport();
    if (support?.interactive && need.claims) {
      o.onStepUp?.(need);
      await t.stepUp(need.claims, o.signal);
      try {
        return await post(t, body, o.signal);
      } catch (again) {
        if (again instanceof GraphRequestError && stepUpNeeded(again.code, again.message, r))
          throw new ActivationRefused(
            `${stepUpRequirement(need)}, and the new sign-in did not satisfy it: sign in with an account and method that meet it (ask your administrator which). (${again.message})`,
          );
        throw again instanceof GraphRequestError ? explain(again, r) : again;
      }
    }
    const how =
      support && !support.interactive
        ? support.advice
        : need.reason === 'mfa'
          ? 'sign in again with MFA, then retry.'
          : 'sign in again satisfying it, then retry.';
    throw new ActivationRefused(`${stepUpRequirement(need)}: ${how} (${e.message})`);
  }
}

/** Checks the request against the policy (read as the eligible member) before anything is sent, then sends it. */
export async function activate(
  t: GraphTransport,
  req: ActivationRequest,
  o: ActivationOptions = {},
): Promise<ActivationResult> {
  const [me, reqs, eligible] = await Promise.all([
    whoAmI(t, o.signal),
    requirementsOf(t, [req.groupId], o.signal),
    eligibleRoles(t, req.groupId, o.signal),
  ]);
  const role = chooseRole(req.role, eligible);
  const r = reqs.get(req.groupId)?.[role];
  o.onRequirements?.(role, r);
  const checked = checkActivationRequest(req, r, t.serverNow().getTime());
  if (checked.problems.length)
    throw new ActivationRefused(checked.problems.map((p) => p.message).join(' '), checked.problems);
  const duration = checked.duration ?? r?.maxDuration ?? 'PT1H';
  const start = checked.start ?? t.serverNow().toISOString();
  const body: ScheduleRequestBody = {
    action: 'selfActivate',
    accessId: role,
    groupId: req.groupId,
    principalId: me.id,
    scheduleInfo: { startDateTime: start, expiration: { type: 'afterDuration', duration } },
    ...(req.justification ? { justification: req.justification } : {}),
    ...(req.ticket?.number ? { ticketInfo: { ticketNumber: req.ticket.number, ticketSystem: req.ticket.system } } : {}),
  };
  const res = await send(t, body, r, o);
  return {
    ...resultOf(res),
    role,
    duration,
    ...(checked.startsLater ? { scheduledStart: checked.start } : {}),
  };
}

function resultOf(res: GraphScheduleRequest): Omit<ActivationResult, 'role'> {
  return {
    status: res.status,
    requestId: res.id,
    pendingApproval: /^Pending(Approval|AdminDecision)/i.test(res.status),
  };
}

export async function deactivate(t: GraphTransport, groupId: string, role: Role): Promise<ActivationResult> {
  const me = await whoAmI(t);
  const res = await send(t, { action: 'selfDeactivate', accessId: role, groupId, principalId: me.id }, undefined);
  return { ...resultOf(res), role };
}

/** selfExtend is in the metadata enum but not documented for groups (UNCONFIRMED); the sandbox refuses it as an unknown action, as the documented action list implies, and the front ends explain that and offer Deactivate. */
export async function extend(t: GraphTransport, req: ActivationRequest): Promise<ActivationResult> {
  const me = await whoAmI(t);
  const role = req.role ?? 'member';
  const res = await send(
    t,
    {
      action: 'selfExtend',
      accessId: role,
      groupId: req.groupId,
      principalId: me.id,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: req.duration ?? 'PT1H' } },
      ...(req.justification ? { justification: req.justification } : {}),
    },
    undefined,
  );
  return { ...resultOf(res), role };
}

/** Withdraws a pending (approval) request. */
export async function cancelRequest(t: GraphTransport, requestId: string): Promise<void> {
  await graphCalls.cancelAssignmentRequest(t, requestId);
}
