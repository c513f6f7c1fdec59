// An administrator's change to one assignment outside a plan (the Groups view's row actions: update, extend, renew,
// remove), sent as the same schedule request apply sends. One request, not batched: the admin waits for its answer.
import { graphCalls } from '../graph/api/calls';
import type { GraphTransport } from '../graph/transport';
import type { GraphScheduleRequest } from '../graph/types';
import { AdminRequest, adminRequestBody } from './requests';

export interface AdminChange extends Omit<AdminRequest, 'action'> {
  action: Exclude<AdminRequest['action'], 'adminAssign'>;
  kind: 'eligible' | 'active';
}

/** A request PIM accepted but answered with status Failed (nothing changed). */
export class AdminChangeFailed extends Error {
  readonly code = 'PIM_ADMIN_CHANGE_FAILED';
}

/** Sends the change; resolves with PIM's request (status Provisioned, Granted or PendingApproval…). */
export async function changeAssignment(
  t: GraphTransport,
  change: AdminChange,
  signal?: AbortSignal,
): Promise<GraphScheduleRequest> {
  const body = adminRequestBody(change, t.serverNow());
  const send = change.kind === 'eligible' ? graphCalls.eligibilityRequest : graphCalls.assignmentRequest;
  const request = await send(t, body, { signal });
  if (/^failed/i.test(request.status ?? ''))
    throw new AdminChangeFailed(`PIM answered status ${request.status} for the ${change.action} request.`);
  return request;
}
