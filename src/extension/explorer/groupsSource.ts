// The Groups view's data: the tenant's PIM-enabled groups a page at a time, and one group's policies and
// assignments. Unfiltered, the onboarded ids come from one listing and each page's names from one getByIds;
// filtered, every onboarded group's name is read (getByIds, in batches) and those whose name contains the text are
// kept: PIM group names share prefixes ("PIM-…"), so a filter on the start of the name finds little.
// Pure: no `vscode` (the engine and transport are passed in).
import type { Engine } from '../engine/engineLoader';
import type { ActualGroup, ActualPrincipal } from '../../tenant/actualState';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;

export interface GroupSummary {
  id: string;
  displayName: string;
  description?: string | null;
}

export type GroupsCursor =
  { kind: 'ids'; ids: string[]; offset: number } | { kind: 'listed'; groups: GroupSummary[]; offset: number };

export interface GroupsPage {
  groups: GroupSummary[];
  next?: GroupsCursor;
}

export interface GroupDetail {
  group: ActualGroup;
  directory: Record<string, ActualPrincipal>;
}

type ExportedGroup = Awaited<ReturnType<Engine['exporter']['exportGroups']>>['groups'][number];

/** The group as a definition (policies in the model's terms, bindings): the portal's settings and grants. */
export async function readGroupAsDefinition(
  engine: Engine,
  t: GraphTransport,
  group: GroupSummary,
): Promise<ExportedGroup['definition']> {
  const result = await engine.exporter.exportGroups(t, { names: [group.id] });
  const exported = result.groups[0];
  if (!exported)
    throw new Error([...result.notFound, ...result.warnings].join(' ') || `${group.displayName}: not found`);
  return exported.definition;
}

export async function firstGroupsPage(
  engine: Engine,
  t: GraphTransport,
  pageSize: number,
  filter?: string,
): Promise<GroupsPage> {
  const onboarded = await engine.graph.listOnboardedGroupIds(t);
  if (filter) {
    const needle = filter.toLocaleLowerCase();
    const all = await groupsByIds(engine, t, [...onboarded]);
    const groups = all.filter((g) => g.displayName.toLocaleLowerCase().includes(needle));
    return nextGroupsPage(engine, t, { kind: 'listed', groups, offset: 0 }, pageSize);
  }
  return nextGroupsPage(engine, t, { kind: 'ids', ids: [...onboarded].sort(), offset: 0 }, pageSize);
}

export async function nextGroupsPage(
  engine: Engine,
  t: GraphTransport,
  cursor: GroupsCursor,
  pageSize: number,
): Promise<GroupsPage> {
  if (cursor.kind === 'ids') {
    const ids = cursor.ids.slice(cursor.offset, cursor.offset + pageSize);
    const groups = ids.length ? await groupsByIds(engine, t, ids) : [];
    const offset = cursor.offset + ids.length;
    return { groups, next: offset < cursor.ids.length ? { ...cursor, offset } : undefined };
  }
  const groups = cursor.groups.slice(cursor.offset, cursor.offset + pageSize);
  const offset = cursor.offset + groups.length;
  return { groups, next: offset < cursor.groups.length ? { ...cursor, offset } : undefined };
}

async function groupsByIds(engine: Engine, t: GraphTransport, ids: string[]): Promise<GroupSummary[]> {
  const found = await engine.graph.getByIds<GroupSummary>(t, ids, ['group']);
  const named = new Map(found.map((g) => [g.id.toLowerCase(), g]));
  // A group deleted since the listing simply drops out; an id without a name still shows, by id.
  return byName(
    ids
      .map((id) => named.get(id) ?? { id, displayName: id })
      .map((g) => ({ id: g.id, displayName: g.displayName, description: g.description })),
  );
}

function byName(groups: GroupSummary[]): GroupSummary[] {
  return [...groups].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * Both role policies, every eligible and active schedule, and names for their principals and approvers; a part the
 * caller may not read is left out and named in `group.refused`.
 */
export async function readGroupDetail(engine: Engine, t: GraphTransport, group: GroupSummary): Promise<GroupDetail> {
  const state = await engine.graph.readActualState(t, {
    groups: [{ key: group.id, id: group.id, displayName: group.displayName }],
    principalRefs: [],
    showReadable: true,
  });
  const lookup = state.groups[group.id];
  if (lookup?.state !== 'found')
    throw new Error(
      `The group ${group.displayName} (${group.id}) was not found; it may have been deleted. Refresh the view.`,
    );
  return { group: lookup.group, directory: state.directory };
}
