// Approvers: the activation requests waiting for me, and approving or denying one (delegated calls only).
import { graphCalls } from '../graph/api/calls';
import type { GraphTransport } from '../graph/transport';

export interface PendingApproval {
  requestId: string;
  groupId: string;
  principalId: string;
  role: string;
  justification?: string;
  createdDateTime?: string;
  /** What was asked for: the activation's length (ISO 8601) or end, its start, and the ticket, as the request holds them. */
  duration?: string;
  end?: string;
  start?: string;
  ticket?: { system?: string; number?: string };
}

export async function pendingApprovals(t: GraphTransport, signal?: AbortSignal): Promise<PendingApproval[]> {
  const requests = await graphCalls.approverRequests(t, { signal });
  return requests
    .filter((r) => /^Pending(Approval|AdminDecision)/i.test(r.status))
    .map((r) => ({
      requestId: r.id,
      groupId: r.groupId,
      principalId: r.principalId,
      role: r.accessId,
      justification: r.justification,
      createdDateTime: r.createdDateTime,
      duration: r.scheduleInfo?.expiration?.duration ?? undefined,
      end: r.scheduleInfo?.expiration?.endDateTime ?? undefined,
      start: r.scheduleInfo?.startDateTime ?? undefined,
      ticket:
        r.ticketInfo?.ticketNumber || r.ticketInfo?.ticketSystem
          ? { system: r.ticketInfo.ticketSystem ?? undefined, number: r.ticketInfo.ticketNumber ?? undefined }
          : undefined,
    }));
}

export async function decide(
  t: GraphTransport,
  requestId: string,
  decision: 'Approve' | 'Deny',
  justification: string,
): Promise<void> {
  const approval = await graphCalls.approval(t, requestId);
  const stage =
    approval.stages?.find((s) => s.assignedToMe !== false && /inprogress/i.test(s.status ?? '')) ??
    approval.stages?.find((s) => s.assignedToMe);
  if (!stage) throw new Error(`Request ${requestId} has no approval stage waiting for you.`);
  await graphCalls.decideApprovalStage(t, requestId, stage.id, decision, justification);
}
