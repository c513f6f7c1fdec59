// Policy enforcement on a schedule request, with the service's codes (reference §2.2, §5.5, §5.7):
// failing rules are collected into one RoleAssignmentRequestPolicyValidationFailed in the current format (LIVE,
// 2025–2026): "The following policy rules failed: ExpirationRule - The policy does not allow permanent assignment,
// JustificationRule - Justification is required" (the separator between rules is a GUESS: ", "; the 2021–2024 form
// ["ExpirationRule","JustificationRule"] is no longer sent). A missing authentication context is
// RoleAssignmentRequestAcrsValidationFailed.
import { GraphError } from './graphError';
import { durationMs } from './duration';
import { rulesOf } from './policyModel';
import type { ParsedRequest } from './pimInput';
import type { SbRule, SbState } from './types';

export const MIN_DURATION_MS = 5 * 60_000;

export const tooShort = () =>
  new GraphError(400, 'ActiveDurationTooShort', 'The Active duration is too short. Miniumum Required is 5 minutes.');

export interface EnforceInput {
  state: SbState;
  kind: 'eligibility' | 'assignment';
  req: ParsedRequest;
  start: Date;
  end: Date | null;
  amr: string[];
  acrs: string[];
}

export function enforcePolicy({ state, kind, req, start, end, amr, acrs }: EnforceInput): {
  approvalRule: SbRule | null;
} {
  const self = req.action.startsWith('self');
  if (self && kind === 'eligibility') return { approvalRule: null }; // no EndUser rules exist for eligibility
  const rules = rulesOf(state, req.groupId, req.accessId);
  const scope = `${self ? 'EndUser' : 'Admin'}_${kind === 'eligibility' ? 'Eligibility' : 'Assignment'}`;
  const rule = (prefix: string) => rules.find((r) => r.id === `${prefix}_${scope}`);
  const failed: string[] = [];
  const why: Record<string, string> = {
    MfaRule: 'Multi-factor authentication is required',
    JustificationRule: 'Justification is required',
    TicketingRule: 'Ticket information is required',
  };

  const exp = rule('Expiration');
  if (exp) {
    const required = exp.isExpirationRequired === true || self; // activation is always time-bound
    const max = typeof exp.maximumDuration === 'string' ? durationMs(exp.maximumDuration) : null;
    if (required && end === null) {
      failed.push('ExpirationRule');
      why.ExpirationRule = 'The policy does not allow permanent assignment';
    } else if (required && end && max !== null && end.getTime() - start.getTime() > max) {
      failed.push('ExpirationRule');
      why.ExpirationRule = 'The duration in the request is greater than maximum allowed duration';
    }
  }

  const enabled = ((rule('Enablement')?.enabledRules as string[] | undefined) ?? []).map((x) => x.toLowerCase());
  if (enabled.includes('multifactorauthentication') && !amr.includes('mfa')) failed.push('MfaRule');
  const approval = self ? rule('Approval') : undefined;
  const setting = (approval?.setting ?? {}) as Record<string, unknown>;
  const approvalRequired = setting.isApprovalRequired === true;
  const needsJustification =
    enabled.includes('justification') || (approvalRequired && setting.isRequestorJustificationRequired === true);
  if (needsJustification && !req.justification?.trim()) failed.push('JustificationRule');
  if (enabled.includes('ticketing') && !req.ticketInfo.ticketNumber?.trim()) failed.push('TicketingRule');
  if (failed.length) {
    throw new GraphError(
      400,
      'RoleAssignmentRequestPolicyValidationFailed',
      `The following policy rules failed: ${failed.map((f) => `${f} - ${why[f]}`).join(', ')}`,
    );
  }

  const authContext = self ? rule('AuthenticationContext') : undefined;
  if (
    authContext?.isEnabled === true &&
    typeof authContext.claimValue === 'string' &&
    authContext.claimValue &&
    !acrs.includes(authContext.claimValue)
  ) {
    // UNCONFIRMED message; the code is the one users report (msgraph-sdk-powershell#2800, azure-powershell#25421).
    throw new GraphError(
      400,
      'RoleAssignmentRequestAcrsValidationFailed',
      'The following policy rules failed: ["AcrsRule"]',
    );
  }
  return { approvalRule: approvalRequired ? (approval as SbRule) : null };
}
