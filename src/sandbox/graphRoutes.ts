// Every Graph route of the sandbox, in match order.
import type { Route } from './router';
import { groupRoutes } from './groups';
import { groupUpsertRoutes } from './groupUpsert';
import { userRoutes } from './users';
import { pimRequestRoutes } from './pimRequests';
import { pimScheduleRoutes } from './pimSchedules';
import { approvalRoutes } from './approvals';
import { pimResourceRoutes } from './pimResources';
import { policyRoutes } from './policies';
import { bindingRoutes } from './bindings';
import { auditLogRoutes } from './auditLogs';
import { directoryRoleRoutes } from './directoryRoleAssignments';

export const graphRoutes: Route[] = [
  ...groupUpsertRoutes,
  ...groupRoutes,
  ...userRoutes,
  ...pimRequestRoutes,
  ...pimScheduleRoutes,
  ...approvalRoutes,
  ...pimResourceRoutes,
  ...policyRoutes,
  ...bindingRoutes,
  ...auditLogRoutes,
  ...directoryRoleRoutes,
];
