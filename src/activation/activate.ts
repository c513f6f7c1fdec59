// Activate, deactivate and extend one's own membership/ownership. Requirements the policy states (justification,
// ticket, maximum duration) are checked before sending; MFA, authentication context and approval are the
// service's to enforce, and their refusals come back as errors that say what to do.
import type { Role } from '../definitions/model';
import { graphCalls } from '../graph/api/calls';
import { AmbiguousOutcomeError, GraphRequestError } from '../graph/errors';
import type { GraphTransport } from '../graph/transport';
import type { ScheduleRequestBody } from '../graph/types';
import { failedPolicyRules } from '../graph/policyRuleFailures';
import { durationMinutes } from '../time';
import { ActivationRequirements, requirementsOf, whoAmI } from './memberships';

export interface ActivationRequest {
  groupId: string;
  role: Role;
  /** ISO 8601 duration, e.g. PT2H; defaults to the policy maximum. */
  duration?: string;
  justification?: string;
  ticket?: { system?: string; number?: string };
  /** Scheduled start; default now. */
  start?: string;
}

export interface ActivationResult {
  status: string;
  requestId: string;
  pendingApproval: boolean;
  end?: string;
}

/** The service or the policy refused the request; `code` is stable across bundles (match it, not the class). */
export class ActivationRefused extends Error {
  readonly code = 'PIM_ACTIVATION_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'ActivationRefused';
  }
}

export function missingRequirements(req: ActivationRequest, r: ActivationRequirements | undefined): string[] {
  if (!r) return [];
  const out: string[] = [];
  if (r.requireJustification && !req.justification?.trim()) out.push('a justification (--justification)');
  if (r.requireTicket && !req.ticket?.number) out.push('a ticket number (--ticket SYSTEM:NUMBER)');
  const asked = req.duration ? durationMinutes(req.duration) : undefined;
  const max = r.maxDuration ? durationMinutes(r.maxDuration) : undefined;
  if (asked !== undefined && max !== undefined && asked > max) out.push(`a duration of at most ${r.maxDuration}`);
  return out;
}

function explain(e: GraphRequestError, r: ActivationRequirements | undefined): Error {
  const msg = e.message;
  const rules = new Set(e.code === 'RoleAssignmentRequestPolicyValidationFailed' ? failedPolicyRules(msg) : []);
  if (e.code === 'RoleAssignmentRequestAcrsValidationFailed')
    return new ActivationRefused(
      `This group requires the Conditional Access authentication context '${r?.authenticationContext ?? '?'}': sign in again satisfying it, then retry. (${msg})`,
    );
  if (rules.has('MfaRule'))
    return new ActivationRefused(
      `This group requires multi-factor authentication on activation: sign in again with MFA, then retry. (${msg})`,
    );
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

async function send(
  t: GraphTransport,
  body: ScheduleRequestBody,
  r?: ActivationRequirements,
): Promise<ActivationResult> {
  try {
    const res = await graphCalls.assignmentRequest(t, body);
    if (res.status === 'Failed')
      throw new ActivationRefused(`The service refused the request (status Failed, request ${res.id}).`);
    return {
      status: res.status,
      requestId: res.id,
      pendingApproval: /^Pending(Approval|AdminDecision)/i.test(res.status),
    };
  } catch (e) {
    if (e instanceof AmbiguousOutcomeError)
      throw new ActivationRefused(
        `The connection dropped while sending; check 'pim-groups activate --list' before trying again, so that you do not request twice. (${e.message})`,
      );
    if (e instanceof GraphRequestError) throw explain(e, r);
    throw e;
  }
}

export async function activate(t: GraphTransport, req: ActivationRequest): Promise<ActivationResult> {
  const [me, reqs] = await Promise.all([whoAmI(t), requirementsOf(t, [req.groupId])]);
  const r = reqs.get(req.groupId)?.[req.role];
  const missing = missingRequirements(req, r);
  if (missing.length) throw new ActivationRefused(`Activation needs ${missing.join(', ')}.`);
  const duration = req.duration ?? r?.maxDuration ?? 'PT1H';
  const body: ScheduleRequestBody = {
    action: 'selfActivate',
    accessId: req.role,
    groupId: req.groupId,
    principalId: me.id,
    scheduleInfo: {
      startDateTime: req.start ?? new Date().toISOString(),
      expiration: { type: 'afterDuration', duration },
    },
    ...(req.justification ? { justification: req.justification } : {}),
    ...(req.ticket?.number ? { ticketInfo: { ticketNumber: req.ticket.number, ticketSystem: req.ticket.system } } : {}),
  };
  return send(t, body, r);
}

export async function deactivate(t: GraphTransport, groupId: string, role: Role): Promise<ActivationResult> {
  const me = await whoAmI(t);
  return send(t, { action: 'selfDeactivate', accessId: role, groupId, principalId: me.id });
}

/** selfExtend is in the metadata enum but not documented for groups (UNCONFIRMED); the sandbox refuses it as an unknown action, as the documented action list implies, and the front ends explain that and offer Deactivate. */
export async function extend(t: GraphTransport, req: ActivationRequest): Promise<ActivationResult> {
  const me = await whoAmI(t);
  return send(t, {
    action: 'selfExtend',
    accessId: req.role,
    groupId: req.groupId,
    principalId: me.id,
    scheduleInfo: { expiration: { type: 'afterDuration', duration: req.duration ?? 'PT1H' } },
    ...(req.justification ? { justification: req.justification } : {}),
  });
}

/** Withdraws a pending (approval) request. */
export async function cancelRequest(t: GraphTransport, requestId: string): Promise<void> {
  await graphCalls.cancelAssignmentRequest(t, requestId);
}
