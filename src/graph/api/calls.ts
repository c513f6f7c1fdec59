// Typed calls for the endpoints the engine uses one at a time (bulk reads go through the reader's $batch).
// Each is a thin wrapper over a path in ./paths, so batching and single calls share one spelling of every URL.
import type { GraphTransport, CallOptions } from '../transport';
import type {
  GraphApproval,
  GraphGroup,
  GraphPolicyAssignment,
  GraphRule,
  GraphSchedule,
  GraphScheduleInstance,
  GraphScheduleRequest,
  ScheduleRequestBody,
} from '../types';
import { paths } from './paths';

type List<T> = Promise<T[]>;

export const graphCalls = {
  me: (t: GraphTransport, o?: CallOptions) =>
    t.get<{ id: string; displayName?: string; userPrincipalName?: string }>(paths.me, o),
  group: (t: GraphTransport, id: string, o?: CallOptions) => t.get<GraphGroup>(paths.group(id), o),
  createGroup: (t: GraphTransport, body: Record<string, unknown>, o?: CallOptions) =>
    t.post<GraphGroup>(paths.groups, body, { idempotent: false, ...o }),
  policyAssignments: (t: GraphTransport, groupId: string, o?: CallOptions): List<GraphPolicyAssignment> =>
    t.getAll(paths.policyAssignments(groupId), o),
  patchPolicyRules: (t: GraphTransport, policyId: string, rules: GraphRule[], o?: CallOptions) =>
    t.patch(paths.policy(policyId), { rules }, o),
  patchRule: (t: GraphTransport, policyId: string, rule: GraphRule, o?: CallOptions) =>
    t.patch(paths.rule(policyId, rule.id), rule, o),
  eligibilitySchedules: (t: GraphTransport, groupId: string, o?: CallOptions): List<GraphSchedule> =>
    t.getAll(paths.eligibilitySchedules(groupId), o),
  assignmentSchedules: (t: GraphTransport, groupId: string, o?: CallOptions): List<GraphSchedule> =>
    t.getAll(paths.assignmentSchedules(groupId), o),
  eligibilityRequest: (t: GraphTransport, body: ScheduleRequestBody, o?: CallOptions) =>
    t.post<GraphScheduleRequest>(paths.eligibilityRequests, body, { idempotent: false, ...o }),
  assignmentRequest: (t: GraphTransport, body: ScheduleRequestBody, o?: CallOptions) =>
    t.post<GraphScheduleRequest>(paths.assignmentRequests, body, { idempotent: false, ...o }),
  assignmentRequestById: (t: GraphTransport, id: string, o?: CallOptions) =>
    t.get<GraphScheduleRequest>(paths.assignmentRequest(id), o),
  cancelAssignmentRequest: (t: GraphTransport, id: string, o?: CallOptions) =>
    t.post(paths.cancelAssignmentRequest(id), undefined, { idempotent: true, ...o }),
  myEligibilitySchedules: (t: GraphTransport, o?: CallOptions): List<GraphSchedule> =>
    t.getAll(paths.myEligibilitySchedules, o),
  myAssignmentInstances: (t: GraphTransport, o?: CallOptions): List<GraphScheduleInstance> =>
    t.getAll(paths.myAssignmentInstances, o),
  myAssignmentRequests: (t: GraphTransport, o?: CallOptions): List<GraphScheduleRequest> =>
    t.getAll(paths.myAssignmentRequests, o),
  approverRequests: (t: GraphTransport, o?: CallOptions): List<GraphScheduleRequest> =>
    t.getAll(paths.approverRequests, o),
  approval: (t: GraphTransport, requestId: string, o?: CallOptions) =>
    t.get<GraphApproval>(paths.approval(requestId), o),
  decideApprovalStage: (
    t: GraphTransport,
    requestId: string,
    stageId: string,
    reviewResult: 'Approve' | 'Deny',
    justification: string,
    o?: CallOptions,
  ) => t.patch(paths.approvalStage(requestId, stageId), { reviewResult, justification }, o),
};
