// Which role to activate when the caller did not say: the one they are eligible in. PIM answers a request for a
// role one is not eligible in with a bare 400 RoleAssignmentDoesNotExist, so we read the caller's own eligibility
// first and say what to ask for instead.
import type { Role } from '../definitions/model';
import { graphCalls } from '../graph/api/calls';
import type { GraphTransport } from '../graph/transport';

/** Refused before sending; `code` is the activation refusal's (front ends match it), `eligible` what one may ask. */
export class RoleChoiceNeeded extends Error {
  readonly code = 'PIM_ACTIVATION_REFUSED';
  constructor(
    message: string,
    readonly eligible: Role[],
  ) {
    super(message);
    this.name = 'RoleChoiceNeeded';
  }
}

/** The roles (member, owner) the signed-in user is eligible for in `groupId` now. */
export async function eligibleRoles(t: GraphTransport, groupId: string, signal?: AbortSignal): Promise<Role[]> {
  const mine = await graphCalls.myEligibilitySchedules(t, { signal });
  const roles = new Set(
    mine.filter((s) => s.groupId.toLowerCase() === groupId.toLowerCase()).map((s) => s.accessId as Role),
  );
  return (['member', 'owner'] as const).filter((r) => roles.has(r));
}

/** The role to send: the one asked for when eligible in it, else the only one eligible; otherwise says which. */
export function chooseRole(asked: Role | undefined, eligible: Role[]): Role {
  if (!eligible.length)
    throw new RoleChoiceNeeded(
      'You are not eligible to activate membership or ownership of this group (PIM would refuse it).',
      [],
    );
  if (asked && eligible.includes(asked)) return asked;
  if (asked)
    throw new RoleChoiceNeeded(
      `You are eligible as ${eligible[0]} of this group, not as ${asked}: ask for ${eligible[0]} (--role ${eligible[0]}).`,
      eligible,
    );
  if (eligible.length === 1) return eligible[0];
  throw new RoleChoiceNeeded(
    'You are eligible as member and as owner of this group: say which (--role member or --role owner).',
    eligible,
  );
}
