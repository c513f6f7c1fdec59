// Built-in Microsoft Entra roles that Microsoft marks privileged (isPrivileged on unifiedRoleDefinition; the
// "PRIVILEGED" label of Learn's built-in roles page), by template id and display name. The editor needs them
// without the tenant, to warn when such a role is reached through an activation without approval or MFA; the plan
// uses the tenant's own isPrivileged instead. A subset: the roles most often held through groups.
const PRIVILEGED: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': 'Helpdesk Administrator',
  'c4e39bd9-1100-46d3-8c65-fb160da0071f': 'Authentication Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '3a2c62db-5318-420d-8d74-23affee5d9d5': 'Intune Administrator',
  '29232cdf-9323-42fd-ade2-1d097af3e4de': 'Exchange Administrator',
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': 'SharePoint Administrator',
  '9360feb5-f418-4baa-8175-e2a00bac4301': 'Directory Writers',
};

/** The role's display name when `role` (a display name or template id) is a known privileged built-in role. */
export function knownPrivilegedRole(role: string): string | undefined {
  const r = role.trim().toLowerCase();
  return PRIVILEGED[r] ?? Object.values(PRIVILEGED).find((name) => name.toLowerCase() === r);
}
