// What membership of a group grants elsewhere, as read from the tenant: Intune role assignments, Azure role
// assignments, licences, Conditional Access inclusion/exclusion, a Team; and the tenant-wide names definitions
// refer to. The bindings layer reads and plans these; this layer only holds the shape.

export type BindingKind = 'directoryRole' | 'intuneRole' | 'azureRole' | 'license' | 'conditionalAccess' | 'team';

/** What to read for bindings (plain JSON: it travels in the read scope and the plan's basis). */
export interface BindingsReadScope {
  kinds: BindingKind[];
  azureScopes: string[];
}

/** One Intune role assignment that lists the group among its members. */
export interface ActualIntuneAssignment {
  id: string;
  displayName: string;
  roleDefinitionId: string;
  members: string[];
  roleScopeTagIds: string[];
}
/** One ARM role assignment of the group (principalId = group id). */
export interface ActualAzureAssignment {
  id: string;
  name: string;
  scope: string;
  roleDefinitionId: string;
  roleName?: string;
}
/** One Microsoft Entra role assignment whose principal is the group. */
export interface ActualDirectoryRoleAssignment {
  id: string;
  roleDefinitionId: string;
  /** '/' or '/administrativeUnits/{id}'. */
  directoryScopeId: string;
}
export interface ActualLicense {
  skuId: string;
  disabledPlans: string[];
}

export interface GroupBindingState {
  /** Entra role assignments of the group (absent when not read). */
  directoryRoles?: ActualDirectoryRoleAssignment[];
  intuneRoles: ActualIntuneAssignment[];
  /** undefined when ARM could not be read (an issue says why). */
  azureRoles?: ActualAzureAssignment[];
  licenses: ActualLicense[];
  /** Ids of CA policies whose include/excludeGroups list the group. */
  conditionalAccess: { excludeFrom: string[]; includeIn: string[] };
  team: boolean;
}

export interface CatalogSku {
  skuId: string;
  skuPartNumber: string;
  plans: { id: string; name: string }[];
  freeUnits: number;
}
export interface CatalogCaPolicy {
  id: string;
  displayName: string;
  state: string;
}
export interface CatalogAzureRole {
  id: string;
  roleName: string;
}

/** Tenant-wide names the definitions refer to, so references resolve to ids (and ids back to names). */
export interface CatalogDirectoryRole {
  id: string;
  displayName: string;
  templateId: string;
  /** Microsoft marks the role privileged (unifiedRoleDefinition.isPrivileged). */
  isPrivileged: boolean;
}

export interface BindingCatalog {
  /** Microsoft Entra role definitions (read when a definition binds directory roles). */
  directoryRoles?: CatalogDirectoryRole[];
  intuneRoles: { id: string; displayName: string }[];
  scopeTags: { id: string; displayName: string }[];
  skus: CatalogSku[];
  caPolicies: CatalogCaPolicy[];
  /** Role definitions per subscription id (ARM definitions are per subscription). */
  azureRoles: Record<string, CatalogAzureRole[]>;
  /** Scopes (lower-case) whose reads failed with their reason: a missing scope is a plan error. */
  azureScopeErrors: Record<string, string>;
  /** Reads that failed as a whole (e.g. ARM not reachable): their kind → message. */
  errors: Partial<Record<BindingKind, string>>;
  /** Of those, the reads refused for want of a permission scope or role: kind → what is missing (refusals.ts). */
  refused?: Partial<Record<BindingKind, string>>;
}

export interface BindingsState {
  catalog: BindingCatalog;
  /** Keyed by the definition's metadata.name; only groups that exist. */
  groups: Record<string, GroupBindingState>;
}
