// Reading PIM's refusal of an activation request. Pure: no `vscode`.

/**
 * The rule names in PIM's "The following policy rules failed: [...]" refusal (400
 * RoleAssignmentRequestPolicyValidationFailed), e.g. {"ExpirationRule", "JustificationRule"}; empty otherwise.
 */
export function failedRules(error: unknown): Set<string> {
  const text = error instanceof Error ? error.message : String(error);
  const list = /policy rules failed: \[([^\]]*)\]/.exec(text)?.[1] ?? '';
  return new Set(list.split(',').map((x) => x.trim().replace(/^"|"$/g, '')).filter(Boolean));
}
