// The built-in Microsoft Entra roles the sandbox serves from /roleManagement/directory/roleDefinitions. For a
// built-in role the definition's id equals its templateId (DOC: unifiedRoleDefinition). Template ids and
// isPrivileged come from Learn's "Microsoft Entra built-in roles" page (Helpdesk Administrator also checked against
// the role's v1.0 JSON); the list is a subset: the roles a PIM-for-Groups tier-0 design uses and the ones the
// sandbox's own access checks name. UNCONFIRMED: the description texts are shortened.

export interface BuiltInRole {
  templateId: string;
  displayName: string;
  description: string;
  isPrivileged: boolean;
}

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  role(
    '62e90394-69f5-4237-9190-012177145e10',
    'Global Administrator',
    true,
    'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  ),
  role(
    'e8611ab8-c189-46e8-94e1-60213ab1f814',
    'Privileged Role Administrator',
    true,
    'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
  ),
  role(
    '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    'Privileged Authentication Administrator',
    true,
    'Can access to view, set and reset authentication method information for any user (admin or non-admin).',
  ),
  role(
    '194ae4cb-b126-40b2-bd5b-6091b380977d',
    'Security Administrator',
    true,
    'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
  ),
  role(
    'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
    'Conditional Access Administrator',
    true,
    'Can manage Conditional Access capabilities.',
  ),
  role(
    'fe930be7-5e62-47db-91af-98c3a49a38b1',
    'User Administrator',
    true,
    'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  ),
  role(
    '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    'Helpdesk Administrator',
    true,
    'Can reset passwords for non-administrators and Helpdesk Administrators.',
  ),
  role(
    'c4e39bd9-1100-46d3-8c65-fb160da0071f',
    'Authentication Administrator',
    true,
    'Can access to view, set and reset authentication method information for any non-admin user.',
  ),
  role(
    '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    'Application Administrator',
    true,
    'Can create and manage all aspects of app registrations and enterprise apps.',
  ),
  role(
    '3a2c62db-5318-420d-8d74-23affee5d9d5',
    'Intune Administrator',
    true,
    'Can manage all aspects of the Intune product.',
  ),
  role(
    'fdd7a751-b60b-444a-984c-02652fe8fa1c',
    'Groups Administrator',
    false,
    'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.',
  ),
  role(
    '45d8d3c5-c802-45c6-b32a-1d70b5e1e86e',
    'Identity Governance Administrator',
    false,
    'Manage access using Microsoft Entra ID for identity governance scenarios.',
  ),
  role(
    '9360feb5-f418-4baa-8175-e2a00bac4301',
    'Directory Writers',
    true,
    'Can read and write basic directory information. For granting access to applications, not intended for users.',
  ),
  role(
    'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    'Global Reader',
    false,
    'Can read everything that a Global Administrator can, but not update anything.',
  ),
  role(
    '5d6b6bb7-de71-4623-b4af-96380a352509',
    'Security Reader',
    false,
    'Can read security information and reports in Microsoft Entra ID and Office 365.',
  ),
  role(
    '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
    'Directory Readers',
    false,
    'Can read basic directory information. Commonly used to grant directory read access to applications and guests.',
  ),
];

function role(templateId: string, displayName: string, isPrivileged: boolean, description: string): BuiltInRole {
  return { templateId, displayName, description, isPrivileged };
}

export function builtInRole(id: string): BuiltInRole | undefined {
  return BUILT_IN_ROLES.find((r) => r.templateId === id.toLowerCase());
}

/** The unifiedRoleDefinition as v1.0 returns it (rolePermissions left empty: the sandbox does not model actions). */
export function roleDefinitionView(r: BuiltInRole): Record<string, unknown> {
  return {
    id: r.templateId,
    description: r.description,
    displayName: r.displayName,
    isBuiltIn: true,
    isEnabled: true,
    isPrivileged: r.isPrivileged,
    resourceScopes: ['/'],
    templateId: r.templateId,
    version: '1',
    rolePermissions: [],
    inheritsPermissionsFrom: [],
  };
}
