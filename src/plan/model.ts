// The plan: what apply will do, in order, with before → after for every field, risk marks, and where in the
// definitions each item comes from. Plain JSON (formatVersion 1, docs/plan-format.md); operations are a union so
// that bindings add kinds without touching the existing ones.
import type { Role, GroupType } from '../definitions/model';
import type { SourceRef } from '../definitions/sourceRef';
import type { GroupRef } from '../tenant/actualState';
import type { AppliedGroupRecord } from './appliedRecord';
import type { BindingOpFields } from '../bindings/model';
import type { BindingsReadScope } from '../tenant/bindingsState';
import { changeOf } from './render/symbols';

export type { SourceRef };

export const PLAN_FORMAT_VERSION = 1;

/** `renewal`: an expired assignment granted again because the file says `renew: auto`. */
/** `irreversible`: a change the service never undoes (a group created role-assignable stays so until deleted). */
export type RiskMark = 'removal' | 'permanent' | 'weakens-policy' | 'drift' | 'renewal' | 'irreversible';

export interface PrincipalInfo {
  /** As written in the definitions (or derived from the directory for removals): user:<UPN>, group:<name>, sp:<appId>. */
  ref: string;
  id: string;
  kind: 'user' | 'group' | 'sp';
  displayName?: string;
}

/** What an assignment should be. Exactly one of duration | until | permanent. */
export interface ScheduleSpec {
  start?: string;
  duration?: string;
  until?: string;
  permanent?: boolean;
}
/** What a schedule is in the tenant. */
export interface ScheduleState {
  start: string | null;
  end: string | null;
  permanent: boolean;
}

export interface FieldChange {
  /** Policy field, e.g. 'activation.maxDuration'. */
  field: string;
  before: unknown;
  after: unknown;
  weakens: boolean;
  drift: boolean;
  source?: SourceRef;
  /** Human-readable values where the machine ones are ids (approvers). */
  display?: { before: string; after: string };
}

interface OperationBase {
  /** Stable within a plan: `<group>/<what>`. */
  id: string;
  groupKey: string;
  summary: string;
  marks: RiskMark[];
  source?: SourceRef;
  /** Ids of operations that must succeed first; apply skips this one when any of them failed. */
  dependsOn: string[];
}

export interface CreateGroupOp extends OperationBase {
  kind: 'createGroup';
  /** uniqueName: the alternate key apply upserts by (absent in plans written before it existed: derived then). */
  group: {
    displayName: string;
    type: GroupType;
    uniqueName?: string;
    mailNickname: string;
    description?: string;
    /** Created with isAssignableToRole: true (can hold Microsoft Entra roles; never changed later). */
    roleAssignable?: boolean;
    /** Microsoft 365 groups: the file's visibility (HiddenMembership only ever here, at creation). */
    visibility?: 'Private' | 'Public' | 'HiddenMembership';
  };
}
export interface OnboardGroupOp extends OperationBase {
  kind: 'onboardGroup';
}
/** Group properties a file can change in place: displayName (pinned by id or renamed), description, visibility. */
export type GroupField = 'displayName' | 'description' | 'visibility';
/** displayName (when the file pins the group by id), description and visibility, when the file writes them. */
export interface UpdateGroupOp extends OperationBase {
  kind: 'updateGroup';
  changes: { field: GroupField; before: string | null; after: string; drift: boolean }[];
}
/** A standing directory owner added or removed (Graph owners/$ref); PIM owner assignments are assignment ops. */
export interface OwnerOp extends OperationBase {
  kind: 'addOwner' | 'removeOwner';
  principal: PrincipalInfo;
}
export interface UpdatePolicyRuleOp extends OperationBase {
  kind: 'updatePolicyRule';
  role: Role;
  ruleId: string;
  changes: FieldChange[];
}
interface AssignmentOpBase extends OperationBase {
  role: Role;
  assignmentKind: 'eligible' | 'active';
  principal: PrincipalInfo;
}
export interface AddAssignmentOp extends AssignmentOpBase {
  kind: 'addAssignment';
  schedule: ScheduleSpec;
  justification?: string;
  ticket?: { system?: string; number?: string };
}
export interface UpdateAssignmentOp extends AssignmentOpBase {
  kind: 'updateAssignment';
  action: 'adminUpdate' | 'adminExtend';
  scheduleId: string;
  before: ScheduleState;
  schedule: ScheduleSpec;
  justification?: string;
  ticket?: { system?: string; number?: string };
}
export interface RemoveAssignmentOp extends AssignmentOpBase {
  kind: 'removeAssignment';
  scheduleId: string;
  before: ScheduleState;
}

/** What membership grants elsewhere (src/bindings): an Intune or Azure role, a licence, a CA policy entry, a Team. */
export interface BindingOp extends OperationBase, BindingOpFields {}

export type Operation =
  | CreateGroupOp
  | UpdateGroupOp
  | OnboardGroupOp
  | UpdatePolicyRuleOp
  | AddAssignmentOp
  | UpdateAssignmentOp
  | RemoveAssignmentOp
  | OwnerOp
  | BindingOp;
export type OperationKind = Operation['kind'];
export type AssignmentOp = AddAssignmentOp | UpdateAssignmentOp | RemoveAssignmentOp;

export interface GroupPlan {
  key: string;
  displayName: string;
  /** Undefined until the group exists (a plan that creates it). */
  groupId?: string;
  source?: SourceRef;
  operations: Operation[];
  /** What membership grants through the file's bindings (blast radius), resolved names; absent without bindings. */
  grants?: string[];
}

export interface PlanIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  groupKey?: string;
  source?: SourceRef;
}

/** What the plan depends on: re-read with this, and the fingerprint must match for apply to proceed. */
export interface PlanBasis {
  groups: GroupRef[];
  principalRefs: string[];
  /** What binding state the plan read (kinds, Azure scopes); apply's convergence check reads the same. */
  bindings?: BindingsReadScope;
  managed: Record<
    string,
    {
      fields: Partial<Record<Role, string[]>>;
      /** Group properties the file manages ('displayName' when pinned by id, 'description' when written). */
      groupFields?: GroupField[];
      /** The file lists the group's directory owners (they are compared, and hashed into the fingerprint). */
      owners?: boolean;
      /** Roles whose schedules the plan compared: every schedule (authoritative) or only the listed principals (additive). */
      assignments: Partial<Record<Role, 'authoritative' | 'additive'>>;
    }
  >;
  /** What the definitions asked for; apply keeps it as the applied record, so the next plan can tell drift. */
  desired?: Record<string, AppliedGroupRecord>;
  /** The file of the workspace's Settings document (its protected principals guard the plan), when there was one. */
  settingsFile?: string;
}

export interface PlanSummary {
  add: number;
  change: number;
  remove: number;
  drift: number;
  errors: number;
  warnings: number;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  createdAt: string;
  /** Where the plan was computed (Graph host or sandbox URL); apply refuses another target. */
  target: string;
  fingerprint: string;
  basis: PlanBasis;
  groups: GroupPlan[];
  issues: PlanIssue[];
  summary: PlanSummary;
}

export function allOperations(plan: Plan): Operation[] {
  return plan.groups.flatMap((g) => g.operations);
}
export function hasErrors(plan: Plan): boolean {
  return plan.issues.some((i) => i.severity === 'error');
}
export function isEmpty(plan: Plan): boolean {
  return allOperations(plan).length === 0;
}

export function summarize(groups: GroupPlan[], issues: PlanIssue[]): PlanSummary {
  const ops = groups.flatMap((g) => g.operations);
  return {
    add: ops.filter((o) => changeOf(o) === 'add').length,
    change: ops.filter((o) => changeOf(o) === 'change').length,
    remove: ops.filter((o) => changeOf(o) === 'remove').length,
    drift: ops.filter((o) => o.marks.includes('drift')).length,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}
