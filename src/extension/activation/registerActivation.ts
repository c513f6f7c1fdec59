// PIM Groups: Activate Membership…, Deactivate, Extend, Cancel Request, Approve, Deny (palette and My Access).
import * as vscode from 'vscode';
import type { Membership } from '../../activation';
import { COMMANDS } from '../commandIds';
import type { Connections } from '../common/connection';
import { ExtensionDeps } from '../common/deps';
import { MyAccessModel } from '../common/myAccess/myAccessModel';
import { ApprovalRequest } from '../common/myAccess/myAccessSource';
import {
  ActivationContext,
  MembershipRef,
  activateMembership,
  cancelRequest,
  deactivateMembership,
  decideRequest,
  extendMembership,
  showInformation,
} from './activationFlow';
import { WorkspaceTrustGuard } from './workspaceTrustGuard';

/** A My Access item ({ membership }), an approval item ({ request }), or { groupId, role } from a test or a toast. */
type Target =
  { membership?: Membership; request?: ApprovalRequest; groupId?: string; role?: 'member' | 'owner' } | undefined;

const refOf = (t: Target): MembershipRef | undefined =>
  t?.membership
    ? { groupId: t.membership.groupId, role: t.membership.role }
    : t?.groupId && t.role
      ? { groupId: t.groupId, role: t.role }
      : undefined;

export function registerActivation(
  _context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  connections: Connections,
  model: MyAccessModel,
): WorkspaceTrustGuard {
  const guard = new WorkspaceTrustGuard();
  const c: ActivationContext = { ui: deps.ui, connections, model, tenant: deps.tenant, guard, notify: showInformation };
  const { commands } = deps;
  commands.register(COMMANDS.activateMembership, (t?: Target) => activateMembership(c, refOf(t)));
  commands.register(COMMANDS.deactivateMembership, (t?: Target) => deactivateMembership(c, refOf(t)));
  commands.register(COMMANDS.extendMembership, (t?: Target) => extendMembership(c, refOf(t)));
  commands.register(COMMANDS.cancelRequest, (t?: Target) =>
    cancelRequest(c, t?.membership ? { membership: t.membership } : undefined),
  );
  commands.register(COMMANDS.approveRequest, (t?: Target) => decideRequest(c, 'Approve', t?.request));
  commands.register(COMMANDS.denyRequest, (t?: Target) => decideRequest(c, 'Deny', t?.request));
  return guard;
}
