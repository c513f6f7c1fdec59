// An app-only caller (client credentials): the service principal acts, with the application permissions of its
// token's `roles` claim instead of a person's directory roles. The delegated RBAC checks of the sandbox read
// directory roles, so the app's permissions are expressed as the role with the same reach.
// UNCONFIRMED: Graph's exact reach of each application permission on role-assignable groups; here the PIM
// permissions reach what an Identity Governance Administrator reaches (not role-assignable groups), and only
// RoleManagement.ReadWrite.Directory reaches role-assignable groups.
import type { SbServicePrincipal, SbUser } from '../types';

function rolesFor(permissions: string[]): string[] {
  const has = (p: string) => permissions.includes(p);
  const roles: string[] = [];
  if (has('RoleManagement.ReadWrite.Directory')) roles.push('Privileged Role Administrator');
  if (
    permissions.some((p) =>
      /^(PrivilegedEligibilitySchedule|PrivilegedAssignmentSchedule|RoleManagementPolicy)\.ReadWrite\.AzureADGroup$/.test(
        p,
      ),
    )
  )
    roles.push('Identity Governance Administrator');
  if (has('Group.ReadWrite.All') || has('Directory.ReadWrite.All')) roles.push('Groups Administrator');
  if (permissions.some((p) => /\.Read(Write)?\.(All|AzureADGroup|Directory)$/.test(p))) roles.push('Global Reader');
  return roles;
}

/** The service principal in the shape handlers read for a caller. */
export function appAsCaller(sp: SbServicePrincipal, permissions: string[]): SbUser {
  return {
    id: sp.id,
    userPrincipalName: sp.displayName,
    displayName: sp.displayName,
    givenName: null,
    surname: null,
    mail: null,
    jobTitle: null,
    department: null,
    officeLocation: null,
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: null,
    userType: 'Member',
    accountEnabled: sp.accountEnabled,
    directoryRoles: rolesFor(permissions),
  };
}
