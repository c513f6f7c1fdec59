// The reads apply needs between its steps, each batched across all groups of a step.
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import { policiesOf, scheduleOf } from '../tenant/convert';
import type { ActualPolicy, ActualSchedule } from '../tenant/actualState';
import type { GraphTransport } from '../graph/transport';
import type { GraphPolicyAssignment, GraphSchedule } from '../graph/types';
import type { Role } from '../definitions/model';
import type { AssignmentOp } from '../plan/model';

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

export type ScheduleKind = ActualSchedule['kind'];
const BOTH: ScheduleKind[] = ['eligible', 'active'];

/** The schedules of groups; `kindsOf` limits a group to the lists needed (one request per list and group). */
export async function readSchedules(
  t: GraphTransport,
  groupIds: string[],
  signal?: AbortSignal,
  kindsOf: (groupId: string) => ScheduleKind[] = () => BOTH,
): Promise<Map<string, ActualSchedule[]>> {
  const lists = groupIds.flatMap((id) => kindsOf(id).map((kind) => ({ id, kind })));
  const pages = await batchGetAll<GraphSchedule>(
    t,
    lists.map(({ id, kind }) => (kind === 'eligible' ? paths.eligibilitySchedules(id) : paths.assignmentSchedules(id))),
    { signal },
  );
  const out = new Map<string, ActualSchedule[]>(groupIds.map((id) => [id, []]));
  lists.forEach(({ id, kind }, i) => {
    const page = pages[i];
    if (page.error) throw page.error;
    out.get(id)!.push(...(page.value ?? []).map((s) => scheduleOf(s, kind)).filter((s): s is ActualSchedule => !!s));
  });
  return out;
}

/** The lists assignment operations touch: one per group and kind (an eligible-only bulk apply reads one per group). */
export function readSchedulesFor(
  t: GraphTransport,
  ops: AssignmentOp[],
  groupIdOf: (key: string) => string | undefined,
  signal?: AbortSignal,
): Promise<Map<string, ActualSchedule[]>> {
  const kinds = new Map<string, Set<ScheduleKind>>();
  for (const op of ops) {
    const id = groupIdOf(op.groupKey);
    if (id) (kinds.get(id) ?? kinds.set(id, new Set()).get(id)!).add(op.assignmentKind);
  }
  return readSchedules(t, [...kinds.keys()], signal, (id) => BOTH.filter((k) => kinds.get(id)!.has(k)));
}

export async function visibleGroups(t: GraphTransport, ids: string[], signal?: AbortSignal): Promise<Set<string>> {
  const res = await t.batch(
    ids.map((id) => ({ method: 'GET' as const, url: paths.group(id) })),
    { signal },
  );
  return new Set(ids.filter((_, i) => !res[i].error));
}
