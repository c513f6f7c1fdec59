// Withdrawing my own request for a group before it takes effect: one waiting for approval, or an activation
// scheduled for a later start. Both are the service's cancel action on the schedule request
// (POST …/assignmentScheduleRequests/{id}/cancel).
import type { Role } from '../definitions/model';
import { graphCalls } from '../graph/api/calls';
import type { GraphTransport } from '../graph/transport';
import { myMemberships, Membership } from './memberships';
import { ActivationRefused } from './activate';

/** Cancels my pending or scheduled activation of `groupId` (in `role`, or the only one there is); returns it. */
export async function withdraw(
  t: GraphTransport,
  groupId: string,
  role: Role | undefined,
  signal?: AbortSignal,
): Promise<Membership> {
  const { memberships } = await myMemberships(t, signal);
  const mine = memberships.filter(
    (m) =>
      (m.state === 'pending' || m.state === 'scheduled') &&
      m.groupId.toLowerCase() === groupId.toLowerCase() &&
      (!role || m.role === role),
  );
  if (!mine.length)
    throw new ActivationRefused('You have no pending or scheduled activation of this group to withdraw.');
  if (mine.length > 1)
    throw new ActivationRefused(
      'You have requests for this group as member and as owner: say which (--role member or --role owner).',
    );
  await graphCalls.cancelAssignmentRequest(t, mine[0].requestId!, { signal });
  return mine[0];
}
