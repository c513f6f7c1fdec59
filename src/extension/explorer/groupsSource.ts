// The Groups view's data: the tenant's PIM-enabled groups a page at a time, and one group's policies and
// assignments. Unfiltered, the onboarded ids come from one listing and each page's names from one getByIds;
// filtered, Graph's own `startswith(displayName, …)` pages the groups and the onboarded ones are kept.
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
  { kind: 'ids'; ids: string[]; offset: number } | { kind: 'link'; link: string; onboarded: Set<string> };

export interface GroupsPage {
  groups: GroupSummary[];
  next?: GroupsCursor;
}

export interface GroupDetail {
  group: ActualGroup;
  directory: Record<string, ActualPrincipal>;
}

export async function firstGroupsPage(
  engine: Engine,
  t: GraphTransport,
  pageSize: number,
  filter?: string,
): Promise<GroupsPage> {
  const onboarded = await engine.graph.listOnboardedGroupIds(t);
  if (filter) {
    return nextGroupsPage(
      engine,
      t,
      { kind: 'link', link: engine.graph.paths.groupsStartingWith(filter, pageSize), onboarded },
      pageSize,
    );
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
  const page = await t.get<{ value?: GroupSummary[]; '@odata.nextLink'?: string }>(cursor.link);
  const groups = (page.value ?? []).filter((g) => cursor.onboarded.has(g.id.toLowerCase()));
  const link = page['@odata.nextLink'];
  return { groups: byName(groups), next: link ? { ...cursor, link } : undefined };
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

/** Both role policies, every eligible and active schedule, and names for their principals and approvers. */
export async function readGroupDetail(engine: Engine, t: GraphTransport, group: GroupSummary): Promise<GroupDetail> {
  const state = await engine.graph.readActualState(t, {
    groups: [{ key: group.id, id: group.id, displayName: group.displayName }],
    principalRefs: [],
  });
  const lookup = state.groups[group.id];
  if (lookup?.state !== 'found')
    throw new Error(
      `The group ${group.displayName} (${group.id}) was not found; it may have been deleted. Refresh the view.`,
    );
  return { group: lookup.group, directory: state.directory };
}
