// What My Access shows, read in one go: my eligible, active and pending memberships (the engine's activation
// module) and the requests waiting for my approval, with names for their groups and requesters.
// Pure: no `vscode`.
import type { Engine } from '../../engine/engineLoader';
import type { Membership, PendingApproval } from '../../../activation';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;

export interface ApprovalRequest extends PendingApproval {
  groupName: string;
  requesterName: string;
}

export interface MyAccess {
  me: { id: string; userPrincipalName?: string; displayName?: string };
  eligible: Membership[];
  active: Membership[];
  pending: Membership[];
  approvals: ApprovalRequest[];
  readAt: number;
}

export async function readMyAccess(engine: Engine, t: GraphTransport): Promise<MyAccess> {
  const [{ me, memberships }, waiting] = await Promise.all([
    engine.activation.myMemberships(t),
    engine.activation.pendingApprovals(t),
  ]);
  const names = await namesOf(engine, t, [...new Set(waiting.flatMap((w) => [w.groupId, w.principalId]))]);
  return {
    me,
    eligible: memberships.filter((m) => m.state === 'eligible'),
    active: memberships.filter((m) => m.state === 'active'),
    // Scheduled activations (a later start) wait like pending requests and are withdrawn the same way.
    pending: memberships.filter((m) => m.state === 'pending' || m.state === 'scheduled'),
    approvals: waiting.map((w) => ({
      ...w,
      groupName: names.get(w.groupId) ?? w.groupId,
      requesterName: names.get(w.principalId) ?? w.principalId,
    })),
    readAt: Date.now(),
  };
}

/** Display names of directory objects (users by UPN too, for tooltips), through the engine's getByIds. */
export async function namesOf(engine: Engine, t: GraphTransport, ids: string[]): Promise<Map<string, string>> {
  type Named = { id: string; displayName?: string; userPrincipalName?: string };
  const found = await engine.graph.getByIds<Named>(t, ids, ['user', 'group', 'servicePrincipal']);
  return new Map(found.map((o) => [o.id, o.displayName ?? o.userPrincipalName ?? o.id]));
}

/** A self-activated membership (which the user may deactivate), as opposed to an admin's active assignment. */
export function isSelfActivated(m: Membership): boolean {
  return m.state === 'active' && (m.assignmentType ?? '').toLowerCase() === 'activated';
}
