// The tenant as the planner sees it: the groups the definitions name, their two policies, their schedules, and
// every principal the definitions or the schedules mention. Plain data (it is hashed into the plan fingerprint).
import type { Role } from '../definitions/model';
import type { TenantChecksScope, TenantFacts } from './tenantFacts';
import type { GraphRule } from '../graph/types';
import type { BindingsReadScope, BindingsState } from './bindingsState';

export type PrincipalKind = 'user' | 'group' | 'sp';

export interface ActualPrincipal {
  id: string;
  kind: PrincipalKind;
  /** How a definition names it: user:<UPN>, group:<displayName>, sp:<appId>. */
  ref: string;
  displayName?: string;
  /** Users, when the read selected them (principal hovers in the editor). */
  accountEnabled?: boolean;
  guest?: boolean;
}

export type PrincipalLookup =
  { state: 'found'; principal: ActualPrincipal } | { state: 'unknown' } | { state: 'ambiguous'; ids: string[] };

export interface ActualSchedule {
  id: string;
  principalId: string;
  role: Role;
  kind: 'eligible' | 'active';
  start: string | null;
  /** null when permanent. */
  end: string | null;
  permanent: boolean;
  /** 'direct' or 'group' (inherited through a group); only direct schedules are managed. */
  memberType: string;
  /** Active schedules: 'assigned' (by an admin) or 'activated' (a self-activation of an eligibility; never managed). */
  assignmentType?: string;
}

export interface ActualPolicy {
  policyId: string;
  assignmentId: string;
  rules: Record<string, GraphRule>;
}

export interface ActualGroup {
  id: string;
  displayName: string;
  description: string | null;
  type: 'security' | 'microsoft365';
  mailNickname: string | null;
  dynamic: boolean;
  synced: boolean;
  /** isAssignableToRole: can hold Microsoft Entra roles (set at creation only). */
  roleAssignable?: boolean;
  /** Microsoft 365 groups: Private, Public or HiddenMembership (as the service spells it); null when unset. */
  visibility?: string | null;
  /** Directory owners (object ids, sorted; every active owner, PIM ones included), read when the ref asks. */
  owners?: string[];
  onboarded: boolean;
  policies: Partial<Record<Role, ActualPolicy>>;
  schedules: ActualSchedule[];
  /** Parts left out because the caller may not read them (only when the read scope asked to `showReadable`). */
  refused?: Partial<Record<RefusedPart, Refusal>>;
}

export type RefusedPart = 'policies' | 'eligible' | 'active';
/** A read refused for want of a permission scope or directory role. */
export interface Refusal {
  /** What is missing, in a few words (GraphRequestError.missing). */
  missing: string;
  /** The service's refusal, explained (for the log and a tooltip). */
  message: string;
}

export type GroupLookup =
  | { state: 'found'; group: ActualGroup }
  | { state: 'absent' }
  | { state: 'ambiguous'; ids: string[] }
  | { state: 'error'; message: string };

export interface ActualState {
  /** When the tenant was read, by the service's clock. */
  readAt: string;
  /** Keyed by the definition's metadata.name. */
  groups: Record<string, GroupLookup>;
  /** Keyed by principalKey(ref). */
  principals: Record<string, PrincipalLookup>;
  /** Every principal id seen (schedules, approvers), for display and export. */
  directory: Record<string, ActualPrincipal>;
  /** Tenant facts for the plan's checks, when the read scope asked for them. */
  facts?: TenantFacts;
  /** Binding state, when the read scope asked for bindings. */
  bindings?: BindingsState;
}

export interface GroupRef {
  key: string;
  id?: string;
  displayName: string;
  /** The id comes from the applied record, not the file: when no group has it any more, look the name up. */
  recorded?: boolean;
  /** Read the group's directory owners (the file manages them). */
  owners?: boolean;
}
export interface ReadScope {
  groups: GroupRef[];
  principalRefs: string[];
  bindings?: BindingsReadScope;
  /** Tenant facts the plan checks (authentication contexts, approver groups, owners, licences). */
  checks?: TenantChecksScope;
  /**
   * For views: a part of a group the caller may not read (a missing scope or role) is left out and named in the
   * group's `refused` instead of failing the whole read. Plans never set it: a plan needs every part.
   */
  showReadable?: boolean;
}

/** Managed schedules: direct, and for active ones admin assignments rather than self-activations. */
export function isManagedSchedule(s: ActualSchedule): boolean {
  return (
    s.memberType.toLowerCase() === 'direct' &&
    (s.kind === 'eligible' || (s.assignmentType ?? 'assigned').toLowerCase() === 'assigned')
  );
}
