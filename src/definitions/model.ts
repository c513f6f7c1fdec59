// The typed model of `*.pim.yaml` definitions (see docs/definitions.md).
// Plain data, no behaviour: the parser fills it, the rules check it, the planner reads it, the formatter writes it.

/** Zero-based, like LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** One text edit of a quick fix, in the file the finding belongs to. */
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** A diagnostic found in a definition file, with a stable code (PIM001…). */
export interface Finding {
  code: string;
  message: string;
  severity: Severity;
  file: string;
  range: Range;
  fixes?: QuickFix[];
}

export type Role = 'member' | 'owner';
export const ROLES: readonly Role[] = ['member', 'owner'];
export type UseCase = 'intune-rbac' | 'azure-resource' | 'team-access' | 'jit-license' | 'ca-exclusion' | 'custom';
export const USE_CASES: readonly UseCase[] = [
  'intune-rbac',
  'azure-resource',
  'team-access',
  'jit-license',
  'ca-exclusion',
  'custom',
];
export type GroupType = 'security' | 'microsoft365';
export type GroupVisibility = 'Private' | 'Public' | 'HiddenMembership';
export const VISIBILITIES: readonly GroupVisibility[] = ['Private', 'Public', 'HiddenMembership'];
export type AssignmentMode = 'authoritative' | 'additive';

export interface ApprovalPolicy {
  /** Principal references (`user:…`, `group:…`); approval is required when non-empty. */
  approvers: string[];
  requireApproverJustification?: boolean;
  /** Always 1: PIM gives approvers 24 hours, not configurable (the schema refuses other values). */
  timeoutDays?: number;
}

export interface ActivationPolicy {
  maxDuration?: string;
  requireMfa?: boolean;
  requireJustification?: boolean;
  requireTicket?: boolean;
  /** Conditional Access authentication context id (`c1`…`c99`); null turns it off. */
  authenticationContext?: string | null;
  /** null turns approval off. */
  approval?: ApprovalPolicy | null;
}

export interface ExpiryPolicy {
  allowPermanent?: boolean;
  maxDuration?: string;
}
export interface AssignmentPolicy extends ExpiryPolicy {
  requireMfa?: boolean;
  requireJustification?: boolean;
  requireTicket?: boolean;
}

export type NotificationEvent = 'eligibleAssigned' | 'activeAssigned' | 'activated';
export type NotificationRecipient = 'admin' | 'assignee' | 'approver';
export interface NotificationSetting {
  defaultRecipients?: boolean;
  additionalRecipients?: string[];
  criticalOnly?: boolean;
}
export type Notifications = Partial<
  Record<NotificationEvent, Partial<Record<NotificationRecipient, NotificationSetting>>>
>;

/** One role's policy; every field optional: what is not written is not managed. */
export interface RolePolicy {
  activation?: ActivationPolicy;
  eligibility?: ExpiryPolicy;
  assignment?: AssignmentPolicy;
  notifications?: Notifications;
}
export interface RolePolicyBlock extends RolePolicy {
  template?: string;
}

export interface Ticket {
  system?: string;
  number?: string;
}

/** What the plan does once an assignment has expired: never (default) reports it; auto re-grants it. */
export type Renew = 'never' | 'auto';
export const RENEW_VALUES: readonly Renew[] = ['never', 'auto'];

export interface AssignmentDefinition {
  /** `user:<UPN or id>` | `group:<displayName or id>` | `sp:<appId or id>` */
  principal: string;
  role: Role;
  duration?: string;
  until?: string;
  permanent?: boolean;
  start?: string;
  /** Overrides the file's `assignments.renew`. */
  renew?: Renew;
  justification?: string;
  ticket?: Ticket;
}

export interface IntuneRoleBinding {
  role: string;
  scopeTags?: string[];
}
export interface AzureRoleBinding {
  scope: string;
  role: string;
}
export interface LicenseBinding {
  sku: string;
  disabledPlans?: string[];
}
export interface ConditionalAccessBinding {
  excludeFrom?: string[];
  includeIn?: string[];
}
/** A Microsoft Entra role the group holds (the group must be role-assignable). */
export interface DirectoryRoleBinding {
  /** Role display name or template id. */
  role: string;
  /** `/` (the whole directory, the default) or `/administrativeUnits/<id>`. */
  scope?: string;
}
export interface Bindings {
  directoryRoles?: DirectoryRoleBinding[];
  intuneRoles?: IntuneRoleBinding[];
  azureRoles?: AzureRoleBinding[];
  licenses?: LicenseBinding[];
  conditionalAccess?: ConditionalAccessBinding;
  team?: boolean;
}

export type PathSegment = string | number;

/** Where a document came from, and the range of any node in it. */
export interface SourceInfo {
  file: string;
  /** Index of the document in a multi-document file. */
  index: number;
  /** Range of the whole document. */
  range: Range;
  /** Range of the node at `path` (its value, or its key with `part: 'key'`); falls back to the nearest ancestor. */
  rangeOf(path: readonly PathSegment[], part?: 'key' | 'value'): Range;
}

export interface PimGroupDefinition {
  kind: 'PimGroup';
  apiVersion: string;
  metadata: { name: string; useCase?: UseCase; description?: string };
  group: {
    displayName: string;
    id?: string;
    type: GroupType;
    mailNickname?: string;
    description?: string;
    /** Created with isAssignableToRole (can hold Entra roles); set at creation only, never changed later. */
    roleAssignable?: boolean;
    /**
     * Standing directory owners (`user:` / `sp:` references; Graph /groups/{id}/owners), not PIM owner assignments.
     * Written: the whole truth (owners not listed are removed). Left out: owners are not managed.
     */
    owners?: string[];
    /** Microsoft 365 groups only; HiddenMembership is set at creation only. */
    visibility?: GroupVisibility;
    /** false: the group stays out of PIM (the plan never onboards it; no PIM policies or assignments). Default true. */
    onboard?: boolean;
  };
  policies: Partial<Record<Role, RolePolicyBlock>>;
  assignments: {
    mode: AssignmentMode;
    /** Default renew of the group's assignments (never when left out). */
    renew?: Renew;
    eligible: AssignmentDefinition[];
    active: AssignmentDefinition[];
    /**
     * The lists the file writes (an empty `eligible: []` is written; a list that is left out is not). Authority is
     * per written list. Absent on models built in code: then a list is written when it has entries.
     */
    written?: ('eligible' | 'active')[];
  };
  bindings?: Bindings;
  source: SourceInfo;
}

export interface PolicyTemplateDefinition {
  kind: 'PolicyTemplate';
  apiVersion: string;
  metadata: { name: string; description?: string };
  policy: RolePolicy;
  source: SourceInfo;
}

export type Definition = PimGroupDefinition | PolicyTemplateDefinition;

/** The workspace's settings (at most one `kind: Settings` document per workspace). */
export interface SettingsDefinition {
  kind: 'Settings';
  apiVersion: string;
  metadata?: { name?: string; description?: string };
  /** Principal references no plan may remove or shorten (break-glass accounts, the pipeline's own identity). */
  protectedPrincipals: string[];
  source: SourceInfo;
}

export interface DefinitionFile {
  path: string;
  text: string;
}

/** What `loadWorkspace` returns: every well-formed document, and every finding (documents with errors are still returned when they could be typed). */
export interface Workspace {
  groups: PimGroupDefinition[];
  templates: PolicyTemplateDefinition[];
  /** The Settings document, when the workspace has one (two are an error, PIM054; the first is kept). */
  settings?: SettingsDefinition;
  findings: Finding[];
}
