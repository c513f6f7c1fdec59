// Approvals of selfActivate requests: one stage per approvalStages entry of the Approval_EndUser_Assignment rule,
// decided in order (Serial/SingleStage). Unanswered stages auto-deny after approvalStageTimeOutInDays.
import { newGuid } from './ids';
import { activePrincipals } from './pimIndex';
import type { SbApproval, SbRequest, SbRule, SbState } from './types';

const DAY = 86_400_000;

/** Approvers named by a stage, as user ids; with none named, the tenant's privileged role administrators
 *  (the portal's default approvers – UNCONFIRMED who exactly). */
export function resolveApprovers(state: SbState, stage: Record<string, unknown>, now: Date): string[] {
  const ids = new Set<string>();
  for (const a of (stage.primaryApprovers as Record<string, unknown>[] | undefined) ?? []) {
    const type = String(a['@odata.type'] ?? '').toLowerCase();
    const id = String(a.userId ?? a.groupId ?? a.id ?? '').toLowerCase();
    if (type.endsWith('groupmembers'))
      for (const m of activePrincipals(state, id, 'member', now)) {
        if (state.users[m]) ids.add(m);
      }
    else if (state.users[id]) ids.add(id);
  }
  if (ids.size === 0) {
    for (const u of Object.values(state.users)) {
      if (u.directoryRoles.some((r) => r === 'Privileged Role Administrator' || r === 'Global Administrator'))
        ids.add(u.id);
    }
  }
  return [...ids];
}

export function createApproval(state: SbState, request: SbRequest, rule: SbRule, now: Date): SbApproval {
  const setting = (rule.setting ?? {}) as Record<string, unknown>;
  const stages = ((setting.approvalStages as Record<string, unknown>[] | undefined) ?? [{}]).slice(0, 2);
  const approval: SbApproval = {
    id: request.id,
    requestId: request.id,
    stages: stages.map((s, i) => ({
      id: newGuid(state),
      displayName: null,
      reviewedDateTime: null,
      reviewResult: 'NotReviewed',
      status: i === 0 ? 'InProgress' : 'NotStarted',
      justification: '',
      reviewedById: null,
      approverIds: resolveApprovers(state, s, now),
      justificationRequired: s.isApproverJustificationRequired === true,
      timeOutDateTime: new Date(now.getTime() + Number(s.approvalStageTimeOutInDays ?? 1) * DAY).toISOString(),
    })),
  };
  state.approvals[approval.id] = approval;
  return approval;
}

export function approvalView(state: SbState, a: SbApproval, callerId: string): Record<string, unknown> {
  return {
    id: a.id,
    stages: a.stages.map((s) => ({
      id: s.id,
      displayName: s.displayName,
      reviewedDateTime: s.reviewedDateTime,
      reviewResult: s.reviewResult,
      status: s.status,
      assignedToMe: s.approverIds.includes(callerId),
      justification: s.justification,
      reviewedBy: s.reviewedById
        ? { id: s.reviewedById, displayName: state.users[s.reviewedById]?.displayName ?? null }
        : null,
    })),
  };
}

/** Auto-denies stages whose time ran out. Returns true when something changed. */
export function expireApprovals(state: SbState, now: Date): boolean {
  let changed = false;
  for (const id in state.approvals) {
    const a = state.approvals[id];
    const stage = a.stages.find((s) => s.status === 'InProgress');
    const request = state.requests[a.requestId];
    if (!stage || !request || request.status !== 'PendingApproval') continue;
    if (Date.parse(stage.timeOutDateTime) <= now.getTime()) {
      stage.status = 'Completed';
      request.status = 'Denied';
      request.completedDateTime = stage.timeOutDateTime;
      changed = true;
    }
  }
  return changed;
}
