// A refusal that a stronger sign-in would cure: MFA (MfaRule) or a Conditional Access authentication context
// (RoleAssignmentRequestAcrsValidationFailed). It becomes a claims request for the credential to satisfy:
//  - authentication context: {"access_token":{"acrs":{"essential":true,"value":"c1"}}} (DOC, Entra claims
//    challenge). Some refusals carry the service's own request after `claims=` (seen by public clients, URL-encoded
//    or raw JSON); that one wins, else the value comes from the group's policy, which an eligible member may read.
//  - MFA: {"access_token":{"amr":{"essential":true,"values":["mfa"]}}}. UNCONFIRMED that Entra steps up on an amr
//    request; public clients send it, and the sandbox's identity endpoint honours it.
import type { ActivationRequirements } from '../tenant/activationRequirements';
import { failedPolicyRules } from '../graph/policyRuleFailures';

export interface StepUpNeed {
  reason: 'mfa' | 'authenticationContext';
  /** The claims request to send to the identity platform, or undefined when the context is unknown. */
  claims?: string;
  /** The authentication context's claim value, when known. */
  context?: string;
}

const acrsClaims = (value: string) => JSON.stringify({ access_token: { acrs: { essential: true, value } } });
const MFA_CLAIMS = JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });

/** The claims request embedded in a refusal's message (`claims=…`), when there is one. */
export function claimsInMessage(message: string): string | undefined {
  const m = /claims=("?)(%7B[^\s"&]*|\{.*\})\1/i.exec(message);
  if (!m) return undefined;
  try {
    const text = m[2].startsWith('%') ? decodeURIComponent(m[2]) : m[2];
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}

function contextOf(claims: string | undefined): string | undefined {
  try {
    const value = (JSON.parse(claims ?? '') as { access_token?: { acrs?: { value?: unknown; values?: unknown } } })
      .access_token?.acrs;
    const v = value?.value ?? (Array.isArray(value?.values) ? value?.values[0] : undefined);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** What step-up a refused request needs, or undefined when a sign-in would not change the answer. */
export function stepUpNeeded(
  code: string | undefined,
  message: string,
  r: ActivationRequirements | undefined,
): StepUpNeed | undefined {
  if (code === 'RoleAssignmentRequestAcrsValidationFailed' || /AcrsValidationFailed/.test(message)) {
    const sent = claimsInMessage(message);
    const context = contextOf(sent) ?? r?.authenticationContext;
    return { reason: 'authenticationContext', context, claims: sent ?? (context ? acrsClaims(context) : undefined) };
  }
  if (code === 'RoleAssignmentRequestPolicyValidationFailed' && failedPolicyRules(message).includes('MfaRule'))
    return { reason: 'mfa', claims: MFA_CLAIMS };
  return undefined;
}

/** The requirement in words: what the session must satisfy. */
export function stepUpRequirement(need: StepUpNeed): string {
  return need.reason === 'mfa'
    ? 'This group requires multi-factor authentication on activation'
    : `This group requires the Conditional Access authentication context '${need.context ?? 'unknown'}' on activation`;
}
