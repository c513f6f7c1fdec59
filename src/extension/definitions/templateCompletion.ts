// Completion of `template:` values with the PolicyTemplates of the whole workspace: the one reference the JSON
// Schema cannot know, because the names live in other files. Pure.
import { PolicyTemplateDefinition, RolePolicy } from '../../definitions/model';

/** The partial template name being typed when the text before the cursor is a `template:` value. */
export function templatePrefixAt(lineBeforeCursor: string): string | undefined {
  const m = /^\s*(?:-\s+)?template:\s*(?:["']?)([a-z0-9-]*)$/.exec(lineBeforeCursor);
  return m ? m[1] : undefined;
}

export interface TemplateSuggestion {
  name: string;
  summary: string;
  file: string;
}

/** One line that says what a template does: "activation PT8H, MFA, justification · eligibility P180D". */
export function summarizePolicy(policy: RolePolicy): string {
  const parts: string[] = [];
  const a = policy.activation;
  if (a) {
    const needs = [
      a.requireMfa && 'MFA',
      a.authenticationContext && `context ${a.authenticationContext}`,
      a.requireJustification && 'justification',
      a.requireTicket && 'ticket',
      a.approval?.approvers?.length && 'approval',
    ].filter(Boolean);
    parts.push(['activation', a.maxDuration, needs.join(', ')].filter(Boolean).join(' '));
  }
  if (policy.eligibility)
    parts.push(
      `eligibility ${policy.eligibility.allowPermanent ? 'permanent allowed' : (policy.eligibility.maxDuration ?? '')}`.trim(),
    );
  if (policy.assignment)
    parts.push(
      `assignment ${policy.assignment.allowPermanent ? 'permanent allowed' : (policy.assignment.maxDuration ?? '')}`.trim(),
    );
  return parts.join(' · ');
}

export function templateSuggestions(
  templates: readonly PolicyTemplateDefinition[],
  prefix: string,
): TemplateSuggestion[] {
  const seen = new Set<string>();
  return templates
    .filter((t) => t.metadata.name.startsWith(prefix) && !seen.has(t.metadata.name) && seen.add(t.metadata.name))
    .map((t) => ({
      name: t.metadata.name,
      summary: t.metadata.description ?? summarizePolicy(t.policy),
      file: t.source.file,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
