// Bindings (issue 5): what membership of a PIM group grants elsewhere — Intune roles, Azure roles, licences,
// Conditional Access inclusion/exclusion, a Team. The tenant side as read, and the plan operations that change it.

/** One Intune role assignment that lists the group among its members. */
export interface ActualIntuneAssignment { id: string; displayName: string; roleDefinitionId: string; members: string[]; roleScopeTagIds: string[] }
/** One ARM role assignment of the group (principalId = group id). */
export interface ActualAzureAssignment { id: string; name: string; scope: string; roleDefinitionId: string; roleName?: string }
export interface ActualLicense { skuId: string; disabledPlans: string[] }

export interface GroupBindingState {
  intuneRoles: ActualIntuneAssignment[];
  /** undefined when ARM could not be read (an issue says why). */
  azureRoles?: ActualAzureAssignment[];
  licenses: ActualLicense[];
  /** Ids of CA policies whose include/excludeGroups list the group. */
  conditionalAccess: { excludeFrom: string[]; includeIn: string[] };
  team: boolean;
}

export interface CatalogSku { skuId: string; skuPartNumber: string; plans: { id: string; name: string }[]; freeUnits: number }
export interface CatalogCaPolicy { id: string; displayName: string; state: string }
export interface CatalogAzureRole { id: string; roleName: string }

/** Tenant-wide names the definitions refer to, so references resolve to ids (and ids back to names). */
export interface BindingCatalog {
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
}

export interface BindingsState {
  catalog: BindingCatalog;
  /** Keyed by the definition's metadata.name; only groups that exist. */
  groups: Record<string, GroupBindingState>;
}

export type BindingKind = 'intuneRole' | 'azureRole' | 'license' | 'conditionalAccess' | 'team';

export type BindingDetail =
  | { binding: 'intuneRole'; roleDefinitionId: string; roleName: string; scopeTagIds: string[]; assignmentId?: string; otherMembers?: string[] }
  | { binding: 'azureRole'; scope: string; roleDefinitionId: string; roleName: string; assignmentId?: string }
  | { binding: 'license'; skuId: string; skuPartNumber: string; disabledPlans: string[] }
  | { binding: 'conditionalAccess'; policyId: string; policyName: string; list: 'includeGroups' | 'excludeGroups' }
  | { binding: 'team' };

/** The fields a binding operation adds to the plan's operation base (src/plan/model.ts BindingOp). */
export interface BindingOpFields {
  kind: 'binding';
  action: 'add' | 'change' | 'remove';
  detail: BindingDetail;
  /** What the reviewer compares: the tenant's value and the desired one (null when absent). */
  before: string | null;
  after: string | null;
}
