// The reads apply needs between its steps, each batched across all groups of a step.
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import { policiesOf, scheduleOf } from '../tenant/convert';
import type { ActualPolicy, ActualSchedule } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import type { GraphPolicyAssignment, GraphSchedule } from '../graph/types';
import type { Role } from '../definitions/model';

export async function readPolicies(
  t: GraphTransport,
  groupIds: string[],
  signal?: AbortSignal,
): Promise<Map<string, Partial<Record<Role, ActualPolicy>>>> {
  const pages = await batchGetAll<GraphPolicyAssignment>(t, groupIds.map(paths.policyAssignments), { signal });
  const out = new Map<string, Partial<Record<Role, ActualPolicy>>>();
  pages.forEach((p, i) => {
    if (!p.error) out.set(groupIds[i], policiesOf(p.value ?? []));
  });
  return out;
}

export async function readSchedules(
  t: GraphTransport,
  groupIds: string[],
  signal?: AbortSignal,
): Promise<Map<string, ActualSchedule[]>> {
  const pages = await batchGetAll<GraphSchedule>(
    t,
    groupIds.flatMap((id) => [paths.eligibilitySchedules(id), paths.assignmentSchedules(id)]),
    { signal },
  );
  const out = new Map<string, ActualSchedule[]>();
  groupIds.forEach((id, i) => {
    const [e, a] = [pages[2 * i], pages[2 * i + 1]];
    if (e.error) throw e.error;
    if (a.error) throw a.error;
    out.set(
      id,
      [
        ...(e.value ?? []).map((s) => scheduleOf(s, 'eligible')),
        ...(a.value ?? []).map((s) => scheduleOf(s, 'active')),
      ].filter((s): s is ActualSchedule => !!s),
    );
  });
  return out;
}

export async function visibleGroups(t: GraphTransport, ids: string[], signal?: AbortSignal): Promise<Set<string>> {
  const res = await t.batch(
    ids.map((id) => ({ method: 'GET' as const, url: paths.group(id) })),
    { signal },
  );
  return new Set(ids.filter((_, i) => !res[i].error));
}
