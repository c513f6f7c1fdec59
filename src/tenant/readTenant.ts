// Reads the actual state of the groups the definitions name, in three rounds of $batch beside the onboarded list: (1)
// groups and principals; (2) per group both policies with rules, eligibility and assignment schedules; (3) names of
// every principal and approver those mention. The round trips grow with groups/6 (20 per batch, 3 per group), not
// with the number of things read.
import { principalKey } from '../definitions/principalReference';
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import { CancelledError } from '../graph/errors';
import type { GraphTransport } from '../graph/transport';
import type { GraphPolicyAssignment, GraphSchedule } from '../graph/types';
import { ActualGroup, ActualState, ReadScope, RefusedPart } from './actualState';
import { groupOf, policiesOf, scheduleOf } from './convert';
import { groupQueryOf, matchGroup } from './groupLookup';
import { listOnboardedGroupIds } from './onboarded';
import { isGuid, resolveDirectory } from './resolveDirectory';
import { stateReadersFor } from './stateReaders';
import { readTenantFacts } from './tenantFacts';

export async function readActualState(t: GraphTransport, scope: ReadScope, signal?: AbortSignal): Promise<ActualState> {
  // The onboarded list comes a page at a time (each page names the next), and only the groups' `onboarded` flags need
  // it, so it is read beside the three rounds, not before them: at 5,000 onboarded groups its 50 pages took 5 s.
  const [onboarded, { state, found }] = await Promise.all([
    listOnboardedGroupIds(t, signal),
    readGroupsAndNames(t, scope, signal),
  ]);
  for (const g of found) g.onboarded = onboarded.has(g.id.toLowerCase());
  // Some readers record a failed read in the state (a plan error for the groups that need it); a read cut short by
  // cancellation is not a fact about the tenant, and a partial state would look like a changed tenant.
  if (signal?.aborted) throw new CancelledError();
  return state;
}

/** Rounds 1 to 3; every found group's `onboarded` is left false for the caller to set. */
async function readGroupsAndNames(
  t: GraphTransport,
  scope: ReadScope,
  signal?: AbortSignal,
): Promise<{ state: ActualState; found: ActualGroup[] }> {
  const dir = await resolveDirectory(
    t,
    { ...groupQueryOf(scope.groups), principalRefs: scope.principalRefs, ids: [] },
    signal,
  );

  const state: ActualState = {
    readAt: t.serverNow().toISOString(),
    groups: {},
    principals: dir.principals,
    directory: {},
  };
  const found: ActualGroup[] = [];
  const ownersOf = new Set<ActualGroup>();
  for (const ref of scope.groups) {
    const match = matchGroup(ref, dir);
    if (match.state !== 'found') {
      state.groups[ref.key] = match;
      continue;
    }
    const group = groupOf(match.group, false);
    state.groups[ref.key] = { state: 'found', group };
    found.push(group);
    if (ref.owners) ownersOf.add(group);
  }
  const [, , facts] = await Promise.all([
    readGroupDetails(t, found, signal, scope.showReadable, (g) => ownersOf.has(g)),
    Promise.all(stateReadersFor(scope).map((r) => r.read(t, scope, state, signal))),
    readTenantFacts(t, scope.checks, state, signal),
  ]);
  if (facts) state.facts = facts;

  // Round 3: names for ids that schedules and approval rules mention.
  const known = new Set([
    ...Object.values(dir.principals).flatMap((p) => (p.state === 'found' ? [p.principal.id] : [])),
    ...dir.byId.keys(),
  ]);
  const wanted = new Set<string>();
  for (const g of found) {
    for (const s of g.schedules) if (!known.has(s.principalId)) wanted.add(s.principalId);
    for (const id of g.owners ?? []) if (!known.has(id)) wanted.add(id);
    for (const p of Object.values(g.policies))
      for (const id of approverIdsOf(p!.rules)) if (!known.has(id)) wanted.add(id);
  }
  const more = wanted.size
    ? await resolveDirectory(
        t,
        { groupIds: [], groupNames: [], principalRefs: [], ids: [...wanted].filter(isGuid) },
        signal,
      )
    : undefined;
  for (const [id, p] of [...dir.byId, ...(more?.byId ?? [])]) state.directory[id] = p;
  for (const p of Object.values(dir.principals)) if (p.state === 'found') state.directory[p.principal.id] = p.principal;
  return { state, found };
}

const PARTS: readonly RefusedPart[] = ['policies', 'eligible', 'active'];

/**
 * Round 2 for a set of groups; fills policies and schedules in place, and the directory owners of the groups
 * `withOwners` picks (only those whose file manages owners: one more request per group). With `showReadable`, a
 * part refused for want of a permission is left empty and recorded in the group's `refused`; any other failure
 * (the owners read's included) still throws.
 */
export async function readGroupDetails(
  t: GraphTransport,
  groups: ActualGroup[],
  signal?: AbortSignal,
  showReadable = false,
  withOwners: (g: ActualGroup) => boolean = () => false,
): Promise<void> {
  const pathsFor = (g: ActualGroup) => [
    paths.policyAssignments(g.id),
    paths.eligibilitySchedules(g.id),
    paths.assignmentSchedules(g.id),
    ...(withOwners(g) ? [paths.groupOwnerIds(g.id)] : []),
  ];
  const perGroup = groups.map(pathsFor);
  const pages = await batchGetAll<unknown>(t, perGroup.flat(), { signal });
  let at = 0;
  groups.forEach((g, i) => {
    const mine = pages.slice(at, at + perGroup[i].length);
    at += perGroup[i].length;
    const parts = mine.slice(0, 3);
    const owners = mine[3];
    const refused: ActualGroup['refused'] = {};
    parts.forEach((p, j) => {
      if (!p.error) return;
      const missing = showReadable ? (p.error as { missing?: string }).missing : undefined;
      if (!missing) throw p.error;
      refused[PARTS[j]] = { missing, message: p.error.message };
    });
    if (owners?.error) throw owners.error;
    if (owners) g.owners = (owners.value as { id: string }[]).map((o) => o.id.toLowerCase()).sort();
    if (Object.keys(refused).length) g.refused = refused;
    const [pol, elig, assign] = parts.map((p) => (p.error ? [] : p.value));
    g.policies = policiesOf(pol as GraphPolicyAssignment[]);
    g.schedules = [
      ...(elig as GraphSchedule[]).map((s) => scheduleOf(s, 'eligible')),
      ...(assign as GraphSchedule[]).map((s) => scheduleOf(s, 'active')),
    ]
      .filter((s) => s !== undefined)
      .sort((a, b) => a!.id.localeCompare(b!.id)) as ActualGroup['schedules'];
  });
}

export function approverIdsOf(rules: Record<string, { [k: string]: unknown }>): string[] {
  const stages =
    (
      rules.Approval_EndUser_Assignment?.setting as
        { approvalStages?: { primaryApprovers?: { userId?: string; groupId?: string; id?: string }[] }[] } | undefined
    )?.approvalStages ?? [];
  return stages
    .flatMap((s) => (s.primaryApprovers ?? []).map((a) => a.userId ?? a.groupId ?? a.id ?? ''))
    .filter(Boolean);
}

export { principalKey };
