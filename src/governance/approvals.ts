// The approver's side for the CLI: the activation requests waiting for me, with who asks for which group, for how
// long and why, and approving or denying one. The calls are the activation module's own (the extension's), so a
// refusal (not an approver, already decided, justification required) reads the same in both front ends.
import { decide, pendingApprovals, type PendingApproval } from '../activation';
import type { GraphTransport } from '../graph/transport';
import { directoryNames } from './names';

export interface WaitingApproval extends PendingApproval {
  requesterName: string;
  requesterUpn?: string;
  groupName: string;
}

export async function approvalsWaiting(t: GraphTransport, signal?: AbortSignal): Promise<WaitingApproval[]> {
  const waiting = await pendingApprovals(t, signal);
  const names = await directoryNames(
    t,
    waiting.flatMap((w) => [w.groupId, w.principalId]),
    signal,
  );
  return waiting
    .map((w) => ({
      ...w,
      requesterName: names(w.principalId).name,
      requesterUpn: names(w.principalId).userPrincipalName,
      groupName: names(w.groupId).name,
    }))
    .sort((a, b) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? ''));
}

/** Approves or denies request `requestId` (its id as `approvals` lists it); a justification is always recorded. */
export async function decideApproval(
  t: GraphTransport,
  requestId: string,
  decision: 'Approve' | 'Deny',
  justification: string,
): Promise<void> {
  if (!justification.trim()) throw new Error('A justification is required: it is recorded with the decision.');
  await decide(t, requestId, decision, justification);
}
