// The starting points offered by "New Definition from Use Case…": the five use cases of the use-case article,
// a bare PimGroup and a PolicyTemplate. Each is a snippet of snippets/pim-yaml.json, so the command and the
// snippets can never disagree. Pure.
import snippets from '../../../snippets/pim-yaml.json';
import { expandSnippet, placeholderDefault } from './snippetExpansion';

export type SnippetName = keyof typeof snippets;

export interface UseCaseTemplate {
  id:
    | 'intune-rbac'
    | 'azure-resource'
    | 'team-access'
    | 'jit-license'
    | 'ca-exclusion'
    | 'bare-group'
    | 'policy-template';
  label: string;
  description: string;
  detail: string;
  snippet: SnippetName;
  /** Tab stops that take values derived from the name the user types. */
  tabstops: { name: number; displayName?: number; mailNickname?: number };
}

export const USE_CASE_TEMPLATES: readonly UseCaseTemplate[] = [
  {
    id: 'intune-rbac',
    label: 'Intune RBAC',
    description: 'intune-rbac',
    detail: 'Helpdesk operators activate an Intune role (e.g. Help Desk Operator) for one shift at a time.',
    snippet: 'PIM Group: Intune RBAC (intune-rbac)',
    tabstops: { name: 1, displayName: 3 },
  },
  {
    id: 'azure-resource',
    label: 'Azure resource access',
    description: 'azure-resource',
    detail: 'Contractors activate an Azure role on a resource group for a few hours, with approval.',
    snippet: 'PIM Group: Azure resource access (azure-resource)',
    tabstops: { name: 1, displayName: 3 },
  },
  {
    id: 'team-access',
    label: 'Team or SharePoint access',
    description: 'team-access',
    detail: 'An external party joins a Microsoft 365 group (Team, SharePoint site) for the length of an engagement.',
    snippet: 'PIM Group: Team or SharePoint access (team-access)',
    tabstops: { name: 1, displayName: 3, mailNickname: 4 },
  },
  {
    id: 'jit-license',
    label: 'Just-in-time licence',
    description: 'jit-license',
    detail: 'Staff request a licence (e.g. Power Automate Free) with a justification; the department manager approves.',
    snippet: 'PIM Group: just-in-time licence (jit-license)',
    tabstops: { name: 1, displayName: 3 },
  },
  {
    id: 'ca-exclusion',
    label: 'Conditional Access exclusion',
    description: 'ca-exclusion',
    detail: 'Travellers leave a country-block policy and join a stricter one until their return date.',
    snippet: 'PIM Group: Conditional Access exclusion (ca-exclusion)',
    tabstops: { name: 1, displayName: 3 },
  },
  {
    id: 'bare-group',
    label: 'PIM group',
    description: 'PimGroup',
    detail: 'A PIM-enabled group with a member policy and one eligible assignment.',
    snippet: 'PIM Group (bare PimGroup)',
    tabstops: { name: 1, displayName: 3 },
  },
  {
    id: 'policy-template',
    label: 'Policy template',
    description: 'PolicyTemplate',
    detail: 'A reusable role policy that groups reference with `template:`.',
    snippet: 'PIM policy template (PolicyTemplate)',
    tabstops: { name: 1 },
  },
];

export function snippetBody(name: SnippetName): readonly string[] {
  return snippets[name].body;
}

/** `intune-helpdesk` → `PIM-Intune-Helpdesk`, the naming the demo tenant and the examples use. */
export function displayNameFor(name: string): string {
  return [
    'PIM',
    ...name
      .split('-')
      .filter(Boolean)
      .map((part) => part[0].toUpperCase() + part.slice(1)),
  ].join('-');
}

/** The same rule as the schema's `metadata.name`; returns why a name is refused. */
export function checkDefinitionName(name: string): string | undefined {
  if (!name) return 'Type a name, e.g. intune-helpdesk.';
  if (name.length > 63) return 'Use at most 63 characters.';
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name))
    return "Use lowercase letters, digits and '-' (not at the start or end).";
  return undefined;
}

/** The file text for `template` named `name`: the snippet with every other placeholder at its default. */
export function definitionText(template: UseCaseTemplate, name: string): string {
  const placeholders: Record<number, string> = { [template.tabstops.name]: name };
  if (template.tabstops.displayName) placeholders[template.tabstops.displayName] = displayNameFor(name);
  if (template.tabstops.mailNickname) placeholders[template.tabstops.mailNickname] = name;
  const text = expandSnippet(snippetBody(template.snippet), { placeholders });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The name the template's snippet suggests, offered as the input's initial value. */
export function suggestedName(template: UseCaseTemplate): string {
  return placeholderDefault(snippetBody(template.snippet), template.tabstops.name);
}
