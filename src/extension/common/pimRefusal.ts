// Reading PIM's refusal of a schedule request (an activation, or an administrator's change from the Groups view),
// and saying it in one sentence with the fix. Pure: no `vscode`.
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
export const ACTIVATION_CODE_WORDS: Record<string, string> = {
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
export function refusalSentence(
  what: string,
  error: unknown,
  codeWords: Record<string, string> = ACTIVATION_CODE_WORDS,
): string {
  const rules = [...failedRules(error)];
  if (rules.length) return `PIM refused to ${what}: ${rules.map((r) => RULE_WORDS[r] ?? r).join('; ')}.`;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && codeWords[code]) return `PIM refused to ${what}: ${codeWords[code]}.`;
  const text = error instanceof Error ? error.message : String(error);
  return `PIM refused to ${what}: ${text
    .split(/\r?\n/, 1)[0]
    .replace(/\s*\[?request-id[^\]]*\]?/gi, '')
    // The transport's "POST /path failed (400 Code): " prefix and a bare "400 Code: " are Graph's, not words.
    .replace(/^[A-Z]+ \S+ failed(?: \([^)]*\))?:\s*/, '')
    .replace(/^\d{3}\s+\w+:?\s*/, '')
    .trim()}`;
}

/** Graph error codes of an administrator's schedule request (update, extend, renew, remove), in words with the fix. */
export const ADMIN_CODE_WORDS: Record<string, string> = {
  RoleAssignmentDoesNotExist:
    'the assignment no longer exists as shown (it was changed or removed); refresh the Groups view',
  RoleAssignmentExists: 'an assignment like it already exists; refresh the Groups view',
  ActiveDurationTooShort: 'PIM keeps an assignment for at least 5 minutes after it starts; try again in a few minutes',
  UnauthorizedAccessException:
    'your account may not change assignments of this group (it takes Privileged Role Administrator or ownership of the group); ask someone who has it',
  Authorization_RequestDenied:
    'your account may not change assignments of this group (it takes Privileged Role Administrator or ownership of the group); ask someone who has it',
};
