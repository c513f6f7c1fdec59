// A sandbox, a caller shaped for one readiness case (its scopes, its seed), and the report for a workspace.
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import type { Workspace } from '../../../src/definitions/model';
import { runReadiness, ReadinessReport, ReadinessResult, PermissionCommand } from '../../../src/readiness';
import type { Sandbox } from '../../../src/sandbox';

/** The minimal delegated set for CI that only plans (docs/permissions.md), written out here on purpose. */
export const PLAN_ONLY = [
  'PrivilegedEligibilitySchedule.Read.AzureADGroup',
  'PrivilegedAssignmentSchedule.Read.AzureADGroup',
  'RoleManagementPolicy.Read.AzureADGroup',
  'PrivilegedAccess.Read.AzureADGroup',
  'User.Read',
  'User.Read.All',
  'Group.Read.All',
  'Application.Read.All',
  'Directory.Read.All',
  'Policy.Read.All',
  'Organization.Read.All',
  'DeviceManagementRBAC.Read.All',
];

export const doc = (name: string, displayName: string, rest = '') =>
  `apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata: { name: ${name} }\ngroup: { displayName: '${displayName}' }\n${rest}`;

export function transportAs(sb: Sandbox, upn: string, scopes?: string[]): GraphTransport {
  return new GraphTransport({
    baseUrl: sb.url,
    credential: sandboxTokenSource({ upn, ...(scopes ? { scopes } : {}) }),
    retry: { baseDelayMs: 20, maxDelayMs: 2000 },
  });
}

export async function reportFor(
  t: GraphTransport,
  ws: Workspace,
  commands?: PermissionCommand[],
): Promise<ReadinessReport> {
  return runReadiness(t, ws, { target: 'sandbox', commands });
}

export function result(report: ReadinessReport, id: string): ReadinessResult {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result '${id}' in ${report.results.map((x) => x.id).join(', ')}`);
  return r;
}
