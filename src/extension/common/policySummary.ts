// A group role's activation policy in readable words, e.g.
// "Activation up to 8 hours · MFA · justification · approval by Lee Gu", from the engine's ActivationRequirements
// (the engine reads the rules; this only words them). The one wording of a policy: the Groups tree's role line and
// the activation quick pick's limits both show it. Pure: no `vscode`.
import type { ActivationRequirements } from '../../tenant/activationRequirements';
import { durationInWords } from '../../time';

/**
 * `nameOf` turns an approver id into a display name (falls back to the id). Without it (a caller that has no
 * directory names at hand) the line says "approval" alone rather than a list of object ids.
 */
export function policySummary(facts: ActivationRequirements, nameOf?: (id: string) => string | undefined): string {
  const parts = [facts.maxDuration ? `Activation up to ${durationInWords(facts.maxDuration)}` : 'Activation'];
  if (facts.requireMfa) parts.push('MFA');
  if (facts.authenticationContext) parts.push(`authentication context ${facts.authenticationContext}`);
  if (facts.requireJustification) parts.push('justification');
  if (facts.requireTicket) parts.push('ticket');
  if (facts.approvalRequired) {
    const names = nameOf ? facts.approverIds.map((id) => nameOf(id) ?? id) : [];
    parts.push(names.length ? `approval by ${names.join(', ')}` : 'approval');
  }
  if (parts.length === 1) parts.push('no extra checks');
  return parts.join(' · ');
}
