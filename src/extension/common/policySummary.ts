// A group role's activation policy in readable words, e.g.
// "Activation up to 8 hours · MFA · justification · approval by Lee Gu". Reads the Graph rule objects directly
// (rule ids and fields as in src/tenant/policyFields.ts). Pure: no `vscode`.
import { durationInWords } from './timeInWords';

type Rule = { [k: string]: unknown };
interface Approver {
  '@odata.type'?: string;
  userId?: string;
  groupId?: string;
  id?: string;
}

export interface PolicyFacts {
  maxDuration?: string;
  requireMfa: boolean;
  requireJustification: boolean;
  requireTicket: boolean;
  authenticationContext?: string;
  approvalRequired: boolean;
  approverIds: string[];
}

export function policyFacts(rules: Record<string, Rule>): PolicyFacts {
  const enabled = (rules.Enablement_EndUser_Assignment?.enabledRules as string[] | undefined) ?? [];
  const approval = rules.Approval_EndUser_Assignment?.setting as
    { isApprovalRequired?: boolean; approvalStages?: { primaryApprovers?: Approver[] }[] } | undefined;
  const context = rules.AuthenticationContext_EndUser_Assignment;
  return {
    maxDuration: (rules.Expiration_EndUser_Assignment?.maximumDuration as string | undefined) ?? undefined,
    requireMfa: enabled.includes('MultiFactorAuthentication'),
    requireJustification: enabled.includes('Justification'),
    requireTicket: enabled.includes('Ticketing'),
    authenticationContext:
      context?.isEnabled === true ? ((context.claimValue as string | undefined) ?? undefined) : undefined,
    approvalRequired: approval?.isApprovalRequired === true,
    approverIds: (approval?.approvalStages ?? [])
      .flatMap((s) => (s.primaryApprovers ?? []).map((a) => a.userId ?? a.groupId ?? a.id ?? ''))
      .filter(Boolean),
  };
}

/** `nameOf` turns an approver id into a display name (falls back to the id). */
export function policySummary(
  facts: PolicyFacts,
  nameOf: (id: string) => string | undefined = () => undefined,
): string {
  const parts = [facts.maxDuration ? `Activation up to ${durationInWords(facts.maxDuration)}` : 'Activation'];
  if (facts.requireMfa) parts.push('MFA');
  if (facts.authenticationContext) parts.push(`authentication context ${facts.authenticationContext}`);
  if (facts.requireJustification) parts.push('justification');
  if (facts.requireTicket) parts.push('ticket');
  if (facts.approvalRequired) {
    const names = facts.approverIds.map((id) => nameOf(id) ?? id);
    parts.push(names.length ? `approval by ${names.join(', ')}` : 'approval');
  }
  if (parts.length === 1) parts.push('no extra checks');
  return parts.join(' · ');
}
