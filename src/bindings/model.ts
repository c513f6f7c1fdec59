// Bindings: what membership of a PIM group grants elsewhere — Intune roles, Azure roles, licences, Conditional
// Access inclusion/exclusion, a Team. The tenant side as read lives in src/tenant/bindingsState.ts; these are the
// operations that change it, as the plan carries them.
import type { SourceRef } from '../definitions/sourceRef';

export type BindingDetail =
  | {
      binding: 'directoryRole';
      roleDefinitionId: string;
      roleName: string;
      /** '/' or '/administrativeUnits/{id}'. */
      scope: string;
      privileged: boolean;
      assignmentId?: string;
    }
  | {
      binding: 'intuneRole';
      roleDefinitionId: string;
      roleName: string;
      scopeTagIds: string[];
      assignmentId?: string;
      otherMembers?: string[];
    }
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

/** The risk marks a binding operation can carry (a subset of the plan's). */
export type BindingMark = 'removal' | 'weakens-policy' | 'drift';

/** What apply and the convergence check need of a binding operation (a plan's BindingOp is one). */
export interface BindingStep extends BindingOpFields {
  groupKey: string;
  summary: string;
}

/** A planned binding operation: a plan BindingOp. */
export interface PlannedBinding extends BindingStep {
  id: string;
  marks: BindingMark[];
  source?: SourceRef;
  dependsOn: string[];
}

/** A finding about a group's bindings: a plan issue. */
export interface BindingIssue {
  severity: 'error' | 'warning';
  code: string;
  groupKey: string;
  source: SourceRef;
  message: string;
}
