// Per-assignment details for the Groups view: who assigned (or activated) it, when, and why, from the schedule
// requests (a schedule carries none of it), with the senders' names. A read the caller may not make leaves the rows
// without details and says why once, in the tooltip; the assignments themselves still show. Pure: no `vscode`.
import type { Engine } from '../engine/engineLoader';
import type { ScheduleOrigin } from '../../tenant/scheduleOrigins';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;

export interface AssignmentOrigins {
  bySchedule: Map<string, ScheduleOrigin>;
  /** Display names (or UPNs) of the senders, by object id. */
  names: Map<string, string>;
  /** Why the details are missing, when the requests could not be read. */
  unreadable?: string;
}

export async function readAssignmentOrigins(
  engine: Engine,
  t: GraphTransport,
  groupId: string,
  known: (id: string) => string | undefined,
): Promise<AssignmentOrigins> {
  let bySchedule: Map<string, ScheduleOrigin>;
  try {
    bySchedule = await engine.graph.readScheduleOrigins(t, groupId);
  } catch (e) {
    return { bySchedule: new Map(), names: new Map(), unreadable: e instanceof Error ? e.message : String(e) };
  }
  const names = new Map<string, string>();
  const unknown = new Set<string>();
  for (const o of bySchedule.values()) {
    if (!o.createdById) continue;
    const name = known(o.createdById);
    if (name) names.set(o.createdById, name);
    else unknown.add(o.createdById);
  }
  if (unknown.size) {
    type Named = { id: string; displayName?: string; userPrincipalName?: string; appId?: string };
    const found = await engine.graph
      .getByIds<Named>(t, [...unknown], ['user', 'group', 'servicePrincipal'])
      .catch(() => [] as Named[]);
    for (const o of found) names.set(o.id, o.displayName ?? o.userPrincipalName ?? o.id);
  }
  return { bySchedule, names };
}

const ACTION_WORDS: Record<string, string> = {
  adminAssign: 'Assigned',
  adminUpdate: 'Updated',
  adminExtend: 'Extended',
  adminRenew: 'Renewed',
  selfActivate: 'Activated',
  selfExtend: 'Extended',
  selfRenew: 'Renewed',
};

/** "Assigned by Megan Bowen", "Activated by Alice Ward": the request's action and its sender. */
export function originInWords(o: ScheduleOrigin, names: Map<string, string>): string {
  const by = o.createdById ? (names.get(o.createdById) ?? o.createdById) : 'an unknown sender';
  return `${ACTION_WORDS[o.action] ?? o.action} by ${by}`;
}
