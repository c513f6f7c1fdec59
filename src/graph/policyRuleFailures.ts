// The rules named in PIM's refusal of a schedule request (400 RoleAssignmentRequestPolicyValidationFailed), in both
// formats the service has used (LIVE): "The following policy rules failed: ["MfaRule","JustificationRule"]"
// (2021–2024) and "The following policy rules failed: MfaRule - Multi-factor authentication is required,
// JustificationRule - Justification is required" (2025–2026). Front ends explain each named rule.

export function failedPolicyRules(message: string): string[] {
  const at = message.indexOf('policy rules failed:');
  if (at < 0) return [];
  const rest = message.slice(at + 'policy rules failed:'.length).trim();
  if (rest.startsWith('[')) {
    const list = rest.slice(1, rest.indexOf(']') < 0 ? undefined : rest.indexOf(']'));
    return list
      .split(',')
      .map((x) => x.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
  }
  // "<Rule> - <description>" entries; a rule name is one PascalCase word ending in "Rule".
  return [...rest.matchAll(/(?:^|[,;]\s*)([A-Z][A-Za-z]*Rule)\s+-\s/g)].map((m) => m[1]);
}
