// Reading PIM's refusal of an activation request, and saying it in one sentence with the fix. Pure: no `vscode`.
import { failedPolicyRules } from '../../graph/policyRuleFailures';

/**
 * The rule names in PIM's "The following policy rules failed: …" refusal (400
 * RoleAssignmentRequestPolicyValidationFailed, either format), e.g. {"ExpirationRule", "JustificationRule"}.
 */
export function failedRules(error: unknown): Set<string> {
  const text = error instanceof Error ? error.message : String(error);
  return new Set(failedPolicyRules(text));
}

const RULE_WORDS: Record<string, string> = {
  ExpirationRule: 'the duration is longer than the policy allows (choose a shorter one)',
  JustificationRule: 'the policy requires a justification',
  TicketingRule: 'the policy requires a ticket number',
  MfaRule: 'the policy requires multi-factor authentication (sign in again with MFA)',
  ApprovalRule: 'the policy requires approval',
};

/** Graph error codes of activation requests, in words with what to do. */
const CODE_WORDS: Record<string, string> = {
  RoleAssignmentExists: 'it is already active; refresh My Access',
  PendingRoleAssignmentRequest: 'a request for it is already waiting; cancel that request or wait for its approval',
  ActiveDurationTooShort: 'PIM keeps an activation for at least 5 minutes; try again in a few minutes',
  RoleAssignmentDoesNotExist: 'you are no longer eligible; refresh My Access',
  UnauthorizedAccessException: 'your account may not do this for that group',
};

/**
 * One sentence for a refused activation: what PIM refused and what to do, never a raw status, code or request id
 * (the log keeps those).
 */
export function refusalSentence(what: string, error: unknown): string {
  const rules = [...failedRules(error)];
  if (rules.length) return `PIM refused to ${what}: ${rules.map((r) => RULE_WORDS[r] ?? r).join('; ')}.`;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && CODE_WORDS[code]) return `PIM refused to ${what}: ${CODE_WORDS[code]}.`;
  const text = error instanceof Error ? error.message : String(error);
  return `PIM refused to ${what}: ${text
    .split(/\r?\n/, 1)[0]
    .replace(/\s*\[?request-id[^\]]*\]?/gi, '')
    .replace(/^\d{3}\s+\w+:?\s*/, '')
    .trim()}`;
}
