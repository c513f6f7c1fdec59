// Reading PIM's refusal of an activation request. Pure: no `vscode`.
import { failedPolicyRules } from '../../graph/policyRuleFailures';

/**
 * The rule names in PIM's "The following policy rules failed: …" refusal (400
 * RoleAssignmentRequestPolicyValidationFailed, either format), e.g. {"ExpirationRule", "JustificationRule"}.
 */
export function failedRules(error: unknown): Set<string> {
  const text = error instanceof Error ? error.message : String(error);
  return new Set(failedPolicyRules(text));
}
