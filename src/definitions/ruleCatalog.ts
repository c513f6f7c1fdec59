// Every finding code, its severity and what it means. Codes are stable: never renumber, only add.
// docs/rules.md explains each one with an example and its fix.
import { Severity } from './model';

export interface RuleInfo {
  code: string;
  severity: Severity;
  title: string;
  description: string;
}

export const RULES: readonly RuleInfo[] = [
  {
    code: 'PIM001',
    severity: 'error',
    title: 'YAML syntax',
    description:
      'The text is not valid YAML (bad indentation, tabs, unclosed quotes or brackets, unresolved or excessive aliases).',
  },
  {
    code: 'PIM002',
    severity: 'error',
    title: 'Duplicate key',
    description: 'A key appears twice in the same mapping; YAML keeps neither reliably.',
  },
  {
    code: 'PIM003',
    severity: 'error',
    title: 'Unknown apiVersion or kind',
    description: 'Every document needs apiVersion: pim-groups/v1 and kind: PimGroup, PolicyTemplate or Settings.',
  },
  {
    code: 'PIM004',
    severity: 'error',
    title: 'Unknown property',
    description: 'A property the schema does not know; the closest valid name is suggested.',
  },
  {
    code: 'PIM005',
    severity: 'error',
    title: 'Missing property',
    description: 'A required property is missing (metadata.name, group.displayName, principal, ...).',
  },
  {
    code: 'PIM006',
    severity: 'error',
    title: 'Wrong type',
    description:
      'A value has the wrong type (a string where a boolean is expected, a list where a mapping is expected, ...).',
  },
  {
    code: 'PIM007',
    severity: 'error',
    title: 'Value not allowed',
    description:
      'A value is outside what the schema allows (enumerations, name patterns, email addresses, number ranges).',
  },
  {
    code: 'PIM008',
    severity: 'error',
    title: 'Reserved key',
    description:
      'A key such as __proto__, constructor or prototype: never a property of a definition, and a way to hide fields from validation.',
  },
  {
    code: 'PIM009',
    severity: 'error',
    title: 'Control character',
    description:
      'A name, justification or other value holds a control character (ESC, BEL, CR, NUL, ...) or a bidirectional override; names also refuse line breaks and tabs.',
  },
  {
    code: 'PIM010',
    severity: 'error',
    title: 'Invalid duration',
    description: 'A duration is not ISO 8601 in days, hours and minutes (P90D, PT8H, PT1H45M).',
  },
  {
    code: 'PIM011',
    severity: 'error',
    title: 'Duration unit refused by PIM',
    description:
      'Years, months, weeks and seconds are ISO 8601 but PIM refuses them; write days (P1Y → P365D, P6M → P180D, P2W → P14D).',
  },
  {
    code: 'PIM012',
    severity: 'error',
    title: 'Shorter than 5 minutes',
    description:
      'Every assignment, and every maximum duration, lasts at least 5 minutes (PIM: ActiveDurationTooShort).',
  },
  {
    code: 'PIM013',
    severity: 'error',
    title: 'Activation duration out of range',
    description: 'activation.maxDuration is between PT30M and PT24H.',
  },
  {
    code: 'PIM014',
    severity: 'warning',
    title: 'Activation duration not in half hours',
    description: 'activation.maxDuration is not a multiple of 30 minutes; the portal only offers half-hour steps.',
  },
  {
    code: 'PIM020',
    severity: 'error',
    title: 'Invalid instant',
    description: 'start or until is not an RFC 3339 date-time with a zone (2026-12-01T08:00:00Z).',
  },
  {
    code: 'PIM021',
    severity: 'error',
    title: 'until not after start',
    description: 'An assignment ends before (or when) it starts.',
  },
  {
    code: 'PIM022',
    severity: 'warning',
    title: 'Assignment already ended',
    description:
      'An assignment ends in the past (until, or start + duration): it has expired, the plan grants nothing for it, and the other assignments and groups are planned as usual. Remove it from the file.',
  },
  {
    code: 'PIM023',
    severity: 'error',
    title: 'Assignment expiry not stated',
    description: 'An assignment gives exactly one of duration, until or permanent: true.',
  },
  {
    code: 'PIM030',
    severity: 'error',
    title: 'Permanent not allowed',
    description: 'A permanent assignment where the role policy does not allow permanent (allowPermanent: false).',
  },
  {
    code: 'PIM031',
    severity: 'error',
    title: 'Longer than the policy allows',
    description: "An assignment lasts longer than its role policy's maxDuration.",
  },
  {
    code: 'PIM032',
    severity: 'error',
    title: 'Justification required',
    description: 'The role policy requires a justification on active assignments and the assignment has none.',
  },
  {
    code: 'PIM033',
    severity: 'error',
    title: 'Ticket required',
    description: 'The role policy requires ticket information on active assignments and the assignment has none.',
  },
  {
    code: 'PIM040',
    severity: 'error',
    title: 'MFA together with authentication context',
    description: 'activation.requireMfa and activation.authenticationContext are both set; PIM takes one or the other.',
  },
  {
    code: 'PIM041',
    severity: 'error',
    title: 'Approval without approvers',
    description: 'activation.approval is set but lists no approver.',
  },
  {
    code: 'PIM042',
    severity: 'error',
    title: 'Unknown principal reference',
    description: 'A principal reference does not start with user:, group: or sp:, or names nobody.',
  },
  {
    code: 'PIM050',
    severity: 'error',
    title: 'Duplicate name',
    description: 'metadata.name is used by another document of the same kind in the workspace.',
  },
  {
    code: 'PIM051',
    severity: 'error',
    title: 'Group managed twice',
    description: 'Two documents manage the same group (same displayName or id).',
  },
  {
    code: 'PIM052',
    severity: 'error',
    title: 'Unknown template',
    description: 'A template reference names no PolicyTemplate in the workspace; the closest name is suggested.',
  },
  {
    code: 'PIM053',
    severity: 'error',
    title: 'Principal listed twice',
    description:
      'The same principal is listed twice for the same role and kind (eligible or active), or twice in protectedPrincipals.',
  },
  {
    code: 'PIM054',
    severity: 'error',
    title: 'Settings written twice',
    description: 'A workspace has one Settings document; each of several names where the others are.',
  },
  {
    code: 'PIM060',
    severity: 'error',
    title: 'Team needs a Microsoft 365 group',
    description: 'bindings.team: true works only for group.type: microsoft365.',
  },
  {
    code: 'PIM061',
    severity: 'error',
    title: 'Microsoft 365 group without mailNickname',
    description: 'A microsoft365 group needs group.mailNickname.',
  },
  {
    code: 'PIM062',
    severity: 'warning',
    title: 'Use case without its binding',
    description:
      'metadata.useCase names a use case but the binding it needs is missing (e.g. ca-exclusion without conditionalAccess).',
  },
  {
    code: 'PIM063',
    severity: 'error',
    title: 'Directory role on a group that is not role-assignable',
    description:
      'bindings.directoryRoles needs group.roleAssignable: true; only a role-assignable group can hold a Microsoft Entra role.',
  },
  {
    code: 'PIM064',
    severity: 'error',
    title: 'PIM settings on a group kept out of PIM',
    description:
      'group.onboard: false with policies or assignments; each would onboard the group to PIM (there is no other way to onboard).',
  },
  {
    code: 'PIM065',
    severity: 'error',
    title: 'A group as a group owner',
    description: 'group.owners names a group; a group is owned by users and service principals only.',
  },
  {
    code: 'PIM066',
    severity: 'error',
    title: 'Owner listed twice',
    description: 'The same principal appears twice in group.owners.',
  },
  {
    code: 'PIM067',
    severity: 'error',
    title: 'Visibility where it does not apply',
    description:
      'group.visibility is set on a security group (it applies to Microsoft 365 groups), or is not Private on a role-assignable group (those are always Private).',
  },
  {
    code: 'PIM070',
    severity: 'warning',
    title: 'Permanent active access',
    description: 'A permanent active assignment: standing access is what PIM exists to remove.',
  },
  {
    code: 'PIM071',
    severity: 'warning',
    title: 'Activation without MFA',
    description:
      'An intune-rbac or azure-resource group whose activation requires neither MFA nor an authentication context.',
  },
  {
    code: 'PIM072',
    severity: 'warning',
    title: 'Long activation',
    description: 'activation.maxDuration is longer than 8 hours.',
  },
  {
    code: 'PIM073',
    severity: 'warning',
    title: 'Privileged directory role without approval or MFA',
    description:
      'The group holds a privileged Microsoft Entra role, but member activation requires no approval or no MFA (nor an authentication context).',
  },
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo {
  const rule = BY_CODE.get(code);
  if (!rule) throw new Error(`Unknown rule code ${code}`);
  return rule;
}
