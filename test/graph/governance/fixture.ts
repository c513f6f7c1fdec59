// A group whose member activations need lead@'s approval, with alice and bob eligible: the governance tests' tenant.
import { activate, myMemberships } from '../../../src/activation';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { planAndApply } from '../harness/engine';
import { Harness, workspaceOf } from '../harness/harness';

export const GROUP = 'PIM-Governance-Ops';

export const governanceWorkspace = (extra = '') =>
  workspaceOf(`apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: governance-ops }
group: { displayName: ${GROUP} }
policies:
  member:
    activation:
      maxDuration: PT8H
      requireJustification: true
      requireMfa: false
      approval: { approvers: [ user:lead@contoso.com ], requireApproverJustification: true }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P90D
    - principal: user:bob@contoso.com
      duration: P90D
${extra}`);

export function caller(h: Harness, upn: string): GraphTransport {
  return new GraphTransport({ baseUrl: h.sb.url, credential: sandboxTokenSource({ upn, mfa: true }) });
}

export async function applyGovernanceGroup(h: Harness, extra = ''): Promise<string> {
  const { report } = await planAndApply(h.t, governanceWorkspace(extra), h.sb.url);
  if (!report.converged) throw new Error('the governance fixture did not converge');
  const alice = caller(h, 'alice@contoso.com');
  return (await myMemberships(alice)).memberships.find((m) => m.groupName === GROUP)!.groupId;
}

/** `upn` asks to activate the group's membership; returns the request id. */
export async function requestActivation(
  h: Harness,
  upn: string,
  groupId: string,
  justification: string,
  duration = 'PT2H',
): Promise<string> {
  return (await activate(caller(h, upn), { groupId, role: 'member', duration, justification })).requestId;
}
