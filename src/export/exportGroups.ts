// Tenant → definitions: the named groups (or every PIM-onboarded group) as PimGroup documents with the fields the
// language manages. Planning an export against the same tenant gives an empty plan.
import { createHash } from 'node:crypto';
import type { AssignmentDefinition, PimGroupDefinition, Range, SourceInfo } from '../definitions/model';
import { ROLES, VISIBILITIES } from '../definitions/model';
import type { GroupVisibility } from '../definitions/model';
import { formatDefinitions } from '../definitions/formatDefinitions';
import type { ActualGroup } from '../tenant/actualState';
import { isManagedSchedule } from '../tenant/actualState';
import { groupOf } from '../tenant/convert';
import { listOnboardedGroupIds } from '../tenant/onboarded';
import { approverIdsOf, readGroupDetails } from '../tenant/readTenant';
import { isGuid, resolveDirectory } from '../tenant/resolveDirectory';
import type { GraphTransport } from '../graph/transport';
import { policyFromRules } from './policyFromRules';
import { readOrigins } from '../tenant/scheduleOrigins';
import type { ScheduleOrigin } from '../tenant/scheduleOrigins';
import { refusedByPolicy } from './policyCheck';
import { exportBindings } from '../bindings/exportBindings';

/**
 * The group's standing directory owners: every owner the directory lists except those who own through PIM in a way
 * the assignments say (a time-bound or activated owner schedule, or a permanent one a PIM request created).
 */
function standingOwners(g: ActualGroup, origins: Map<string, ScheduleOrigin>): Set<string> {
  const throughPim = new Set(
    g.schedules
      .filter(
        (s) =>
          s.kind === 'active' &&
          s.role === 'owner' &&
          (!s.permanent || (s.assignmentType ?? 'assigned').toLowerCase() !== 'assigned' || origins.has(s.id)),
      )
      .map((s) => s.principalId.toLowerCase()),
  );
  return new Set((g.owners ?? []).filter((id) => !throughPim.has(id)));
}

function ownersOf(
  g: ActualGroup,
  standing: Set<string>,
  people: Map<string, { ref: string }>,
  warnings: string[],
): { owners?: string[] } {
  const refs: string[] = [];
  for (const id of standing) {
    const who = people.get(id) ?? [...people].find(([k]) => k.toLowerCase() === id)?.[1];
    if (who) refs.push(who.ref);
    else {
      // A written list is authoritative: one that leaves an owner out would plan that owner's removal.
      warnings.push(`${g.displayName}: owner ${id} is not in the directory; owners are not exported (not managed).`);
      return {};
    }
  }
  return refs.length ? { owners: refs.sort() } : {};
}

const isVisibility = (v: unknown): v is GroupVisibility => (VISIBILITIES as readonly unknown[]).includes(v);

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NO_SOURCE: SourceInfo = { file: '', index: 0, range: ZERO, rangeOf: () => ZERO };

export interface ExportedGroup {
  name: string;
  groupId: string;
  text: string;
  definition: PimGroupDefinition;
}
export interface ExportResult {
  groups: ExportedGroup[];
  notFound: string[];
  warnings: string[];
}

/** metadata.name's limit (the schema's maxLength), which also keeps `<name>.pim.yaml` far below file-name limits. */
export const MAX_DEFINITION_NAME = 63;

/**
 * metadata.name (and the file name) for a display name: lower case, digits and '-'. Entra allows 256-character
 * display names, so a long one is cut and ends in a short hash of the whole display name (two long names that share
 * their start still get different names). The display name itself stays byte for byte inside the file.
 */
export function definitionName(displayName: string, suffix = ''): string {
  const slug =
    displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'group';
  if (slug.length + suffix.length <= MAX_DEFINITION_NAME) return slug + suffix;
  const hash = createHash('sha256').update(displayName).digest('hex').slice(0, 8);
  const keep = MAX_DEFINITION_NAME - hash.length - 1 - suffix.length;
  return `${slug.slice(0, keep).replace(/-+$/, '')}-${hash}${suffix}`;
}

/** `selection`: group display names or ids; empty with `all` = every onboarded group. */
export async function exportGroups(
  t: GraphTransport,
  selection: { names?: string[]; all?: boolean },
  signal?: AbortSignal,
): Promise<ExportResult> {
  const names = selection.names ?? [];
  const onboarded = await listOnboardedGroupIds(t, signal);
  const ids = selection.all ? [...onboarded] : names.filter(isGuid);
  const dir = await resolveDirectory(
    t,
    { groupIds: ids, groupNames: names.filter((n) => !isGuid(n)), principalRefs: [], ids: [] },
    signal,
  );
  const notFound: string[] = [];
  const warnings: string[] = [];
  const chosen = new Map<string, ActualGroup>();
  const take = (g: { id: string } & Parameters<typeof groupOf>[0]) =>
    chosen.set(g.id, groupOf(g, onboarded.has(g.id.toLowerCase())));
  for (const id of ids) {
    const g =
      dir.groupsById.get(id) ?? [...dir.groupsById.values()].find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (g) take(g);
    else if (!selection.all) notFound.push(id);
  }
  for (const n of names.filter((x) => !isGuid(x))) {
    const list = dir.groupsByName.get(n.toLowerCase()) ?? [];
    if (list.length === 1) take(list[0]);
    else if (!list.length) notFound.push(n);
    else
      warnings.push(`${list.length} groups are named '${n}'; export them by id (${list.map((g) => g.id).join(', ')}).`);
  }
  const groups = [...chosen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  await readGroupDetails(t, groups, signal, false, () => true);
  const wanted = new Set<string>();
  for (const g of groups) {
    for (const s of g.schedules) wanted.add(s.principalId);
    for (const id of g.owners ?? []) wanted.add(id);
    for (const p of Object.values(g.policies)) for (const id of approverIdsOf(p!.rules)) wanted.add(id);
  }
  const people = wanted.size
    ? (await resolveDirectory(t, { groupIds: [], groupNames: [], principalRefs: [], ids: [...wanted] }, signal)).byId
    : new Map();
  const nameOf = (typedId: string) => people.get(typedId.slice(typedId.indexOf(':') + 1))?.ref;

  // Justification and ticket of the request that created each schedule (the schedule itself has neither), eligible
  // and active alike: a justification goes to the export as the tenant holds it, whatever the kind.
  const origins = await readOrigins(
    t,
    groups.filter((g) => g.onboarded && g.schedules.length).map((g) => g.id),
    { pick: 'first', kinds: ['eligible', 'active'] },
    signal,
  );
  const bindings = groups.length ? await exportBindings(t, groups, warnings, signal) : new Map();

  const used = new Set<string>();
  const out: ExportedGroup[] = [];
  for (const g of groups) {
    let name = definitionName(g.displayName);
    for (let i = 2; used.has(name); i++) name = definitionName(g.displayName, `-${i}`);
    used.add(name);
    // A group that is not onboarded is exported as such (onboard: false): no policies, no assignment lists, since
    // writing either would onboard it (PIM064), and its plan stays empty until someone removes that line.
    const policies: PimGroupDefinition['policies'] = {};
    for (const role of g.onboarded ? ROLES : []) {
      const p = g.policies[role];
      if (p) policies[role] = policyFromRules(p.rules, nameOf);
    }
    const eligible: AssignmentDefinition[] = [],
      active: AssignmentDefinition[] = [];
    const leftOut: string[] = [];
    const standing = standingOwners(g, origins);
    for (const s of g.onboarded ? g.schedules.filter(isManagedSchedule) : []) {
      // A standing directory owner is exported under group.owners, not as a permanent active owner assignment.
      if (s.kind === 'active' && s.role === 'owner' && standing.has(s.principalId.toLowerCase())) continue;
      const who = people.get(s.principalId);
      if (!who) {
        warnings.push(`${g.displayName}: ${s.kind} ${s.role} ${s.principalId} is not in the directory; left out.`);
        continue;
      }
      const a: AssignmentDefinition = {
        principal: who.ref,
        role: s.role,
        ...(s.permanent ? { permanent: true } : { until: s.end! }),
      };
      if (s.start && Date.parse(s.start) > Date.now()) a.start = s.start;
      const origin = origins.get(s.id);
      if (origin?.justification) a.justification = origin.justification;
      if (origin?.ticket?.number) a.ticket = { system: origin.ticket.system, number: origin.ticket.number };
      // The tenant may hold what its own policy would refuse today (e.g. owners from before onboarding); the
      // language refuses such a line, so it is left out and the group exported additively, which keeps it.
      const refused = refusedByPolicy(a, s.kind, policies[s.role]);
      if (refused) {
        leftOut.push(`${s.kind} ${s.role} ${who.ref} (${refused})`);
        continue;
      }
      (s.kind === 'eligible' ? eligible : active).push(a);
    }
    const definition: PimGroupDefinition = {
      kind: 'PimGroup',
      apiVersion: 'pim-groups/v1',
      metadata: { name, useCase: 'custom' },
      group: {
        displayName: g.displayName,
        id: g.id,
        type: g.type,
        ...(g.type === 'microsoft365' && g.mailNickname ? { mailNickname: g.mailNickname } : {}),
        ...(g.description ? { description: g.description } : {}),
        ...(g.roleAssignable ? { roleAssignable: true } : {}),
        ...(g.onboarded ? {} : { onboard: false }),
        ...(g.type === 'microsoft365' && isVisibility(g.visibility) ? { visibility: g.visibility } : {}),
        ...ownersOf(g, standing, people, warnings),
      },
      policies,
      assignments: {
        mode: leftOut.length ? 'additive' : 'authoritative',
        eligible,
        active,
        written: g.onboarded ? ['eligible', 'active'] : [],
      },
      source: NO_SOURCE,
      ...(bindings.has(g.id) ? { bindings: bindings.get(g.id) } : {}),
    };
    let header = `# Exported from the tenant on ${new Date().toISOString()} by pim-groups export.\n`;
    if (!g.onboarded)
      header += `# Not onboarded to PIM: onboard: false keeps it so. Remove that line to onboard it (permanent) and manage its policies and assignments.\n`;
    if (leftOut.length) {
      header += `# mode: additive because the tenant holds assignments that this group's policy would refuse today, left out here:\n${leftOut.map((l) => `#   ${l}\n`).join('')}`;
      warnings.push(
        `${g.displayName}: ${leftOut.length} assignment(s) the policy would refuse were left out; exported with mode: additive.`,
      );
    }
    out.push({ name, groupId: g.id, text: header + formatDefinitions([definition]), definition });
  }
  return { groups: out, notFound, warnings };
}
