// What a group role's policy asks of someone who activates it: the one type the CLI, the engine's checks and the
// extension (quick picks, the Groups tree's policy line) share. Read through the policy fields (policyFields.ts), so
// a rule is interpreted in one place; an eligible member may read their group's policy, so this is known before
// anything is sent.
import type { ApprovalRule, GraphRule } from '../graph/types';
import { FIELD_BY_PATH } from './policyFields';

export interface ActivationRequirements {
  /** ISO 8601, e.g. PT8H; undefined when the policy states none. */
  maxDuration?: string;
  requireMfa: boolean;
  requireJustification: boolean;
  requireTicket: boolean;
  /** The Conditional Access authentication context (claim value, e.g. c1) the session must satisfy. */
  authenticationContext?: string;
  approvalRequired: boolean;
  /** Users or groups who approve (ids), when approval is required. */
  approverIds: string[];
}

/** `rules`: the role policy's rules by id, as Graph returns them. */
export function activationRequirements(rules: Readonly<Record<string, GraphRule | undefined>>): ActivationRequirements {
  const get = (path: string): unknown => {
    const field = FIELD_BY_PATH.get(path)!;
    const rule = rules[field.ruleId];
    return rule ? field.get(rule) : undefined;
  };
  const approvalRequired = get('activation.approval.required') === true;
  // With approval on, the requestor's justification can be required by the approval setting alone (the service
  // enforces it as JustificationRule).
  const approval = rules.Approval_EndUser_Assignment as ApprovalRule | undefined;
  const approvalAsksWhy = approvalRequired && approval?.setting?.isRequestorJustificationRequired === true;
  return {
    maxDuration: (get('activation.maxDuration') as string | null | undefined) ?? undefined,
    requireMfa: get('activation.requireMfa') === true,
    requireJustification: get('activation.requireJustification') === true || approvalAsksWhy,
    requireTicket: get('activation.requireTicket') === true,
    authenticationContext: (get('activation.authenticationContext') as string | null | undefined) ?? undefined,
    approvalRequired,
    // The field keeps `user:<id>` / `group:<id>`; a directory lookup wants the bare id.
    approverIds: approvalRequired
      ? ((get('activation.approval.approvers') as string[] | undefined) ?? []).map((id) => id.replace(/^\w+:/, ''))
      : [],
  };
}
