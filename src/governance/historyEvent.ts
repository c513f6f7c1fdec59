// One line of a group's PIM history, whichever source it came from: a schedule request (and its approval) or an
// entry of the directory audit log. Plain data: the CLI prints it as text, JSON or CSV; the extension as a table.

export type HistoryAction =
  'activate' | 'deactivate' | 'extend' | 'renew' | 'assign' | 'update' | 'remove' | 'approve' | 'deny' | 'expire';

export interface HistoryEvent {
  /** When it happened (ISO): completion of a request, the review of an approval, the end of an activation. */
  at: string;
  action: HistoryAction;
  /** Eligible (an eligibility) or active (a membership or ownership). */
  kind: 'eligible' | 'active';
  role: 'member' | 'owner';
  groupId: string;
  groupName: string;
  principalId: string;
  principalName: string;
  principalUpn?: string;
  /** Who did it: the requester, the admin, the approver; absent when PIM itself did it (expiry). */
  byId?: string;
  byName?: string;
  start?: string;
  end?: string;
  duration?: string;
  /** The requester's or approver's words, exactly as recorded (escape them for the sink, never change them). */
  justification?: string;
  ticket?: { system?: string; number?: string };
  /** The request's status (Provisioned, Denied, Canceled, PendingApproval, Failed, ...) or the audit result. */
  outcome: string;
  source: 'request' | 'approval' | 'audit';
  requestId?: string;
}

/** Actions as the schedule requests spell them. */
export const ACTION_OF_REQUEST: Record<string, HistoryAction> = {
  selfActivate: 'activate',
  selfDeactivate: 'deactivate',
  selfExtend: 'extend',
  selfRenew: 'renew',
  adminAssign: 'assign',
  adminUpdate: 'update',
  adminRemove: 'remove',
  adminExtend: 'extend',
  adminRenew: 'renew',
};
