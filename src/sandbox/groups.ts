// /groups: create (security and Microsoft 365), list with $filter/$search/$count, get, update, delete,
// members and owners (active PIM assignments included), members/owners $ref.
import { GraphError } from './graphError';
import { isAdvancedDirectoryQuery } from './filter';
import { collection, entity, project } from './odata';
import { route, Route } from './router';
import { newGuid } from './ids';
import { directoryObjectView, groupView } from './directoryViews';
import {
  GROUP_PATCHABLE,
  bindId,
  dirBad,
  validateGroupTypes,
  validateMailNickname,
  validateUniqueName,
} from './groupInput';
import { activePrincipals, indexedGroups } from './pimIndex';
import { addDirectMembership, removeDirectMembership } from './membership';
import { directoryForbidden, canManageGroup } from './rbac';
import { checkRoleAssignableCreate, checkRoleAssignablePatch } from './roleAssignableGroups';
import { checkLastUserOwner, checkOwnerTarget, createVisibility, patchVisibility } from './groupOwners';
import { ok, noContent } from './context';
import { HIDDEN } from './hiddenProps';
import { indexedCandidates } from './prefilter';
import { hasMembersWithLicenseErrors } from './licenseErrors';
import type { SbCtx } from './context';
import type { AccessId, SbGroup } from './types';

const notFound = (id: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export function groupOr404(ctx: SbCtx, id: string): SbGroup {
  const g = ctx.state.groups[id.toLowerCase()];
  if (!g) throw notFound(id);
  return g;
}

/** A group the caller may change through the directory, else 403 Authorization_RequestDenied. */
function managedGroup(ctx: SbCtx, id: string): SbGroup {
  const g = groupOr404(ctx, id);
  if (!canManageGroup(ctx.state, ctx.caller, g, ctx.clock.now())) throw directoryForbidden();
  return g;
}

/** Only members and owners can be expanded on a group: checked before any group is read, so an empty answer
 *  refuses a bad $expand too. */
function checkGroupExpand(ctx: SbCtx): void {
  for (const e of ctx.query.expand ?? []) {
    const name = e.name.toLowerCase();
    if (name !== 'members' && name !== 'owners')
      throw new GraphError(
        400,
        'BadRequest',
        `Could not find a navigation property named '${e.name}' on type 'microsoft.graph.group'.`,
      );
  }
}

/** $expand=members / owners on a group (Graph returns at most 20 of each). */
function expandGroup(ctx: SbCtx, g: SbGroup, view: Record<string, unknown>): Record<string, unknown> {
  checkGroupExpand(ctx);
  for (const e of ctx.query.expand ?? []) {
    const name = e.name.toLowerCase();
    view[name] = activePrincipals(ctx.state, g.id, name === 'members' ? 'member' : 'owner', ctx.clock.now())
      .slice(0, 20)
      .map((p) => directoryObjectView(ctx.state, p))
      .filter((x): x is Record<string, unknown> => Boolean(x))
      .map((o) => project(o, e.select));
  }
  return view;
}

/** Directory advanced queries (ne, not, endsWith, $search, $count) need ConsistencyLevel: eventual. */
export function checkAdvanced(ctx: SbCtx): void {
  const eventual = ctx.headers['consistencylevel']?.toLowerCase() === 'eventual';
  if (eventual) return;
  if ((ctx.query.filter && isAdvancedDirectoryQuery(ctx.query.filter)) || ctx.query.search !== undefined) {
    throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported query.');
  }
}

/** $search="property:value" (ConsistencyLevel: eventual): word-prefix matching, as the directory tokenises. */
export function search(ctx: SbCtx, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (ctx.query.search === undefined) return rows;
  const terms = [...ctx.query.search.matchAll(/"([A-Za-z]+):([^"]*)"/g)].map((m) => ({
    prop: m[1],
    value: m[2].toLowerCase(),
  }));
  if (!terms.length) throw dirBad('Syntax error: $search must look like "property:value".');
  return rows.filter((r) =>
    terms.some(
      (t) =>
        String(r[t.prop] ?? '')
          .toLowerCase()
          .split(/[\s\-_.]+/)
          .some((w) => w.startsWith(t.value)) ||
        String(r[t.prop] ?? '')
          .toLowerCase()
          .startsWith(t.value),
    ),
  );
}

export function createGroup(ctx: SbCtx) {
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  const now = ctx.clock.now();
  for (const p of ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled']) {
    if (b[p] === undefined || b[p] === null)
      throw dirBad(`Invalid value specified for property '${p}' of resource 'Group'.`);
  }
  if (typeof b.displayName !== 'string' || b.displayName.length > 256 || !b.displayName.trim())
    throw dirBad(`Invalid value specified for property 'displayName' of resource 'Group'.`);
  const groupTypes = validateGroupTypes(b.groupTypes);
  const unified = groupTypes.includes('Unified');
  if (b.mailEnabled === true && !unified)
    throw dirBad(
      'The service does not currently support writes of mail-enabled groups. Please ensure that the mail-enablement property is unset or is set to false.',
    );
  const dynamic = groupTypes.includes('DynamicMembership');
  if (dynamic && typeof b.membershipRule !== 'string')
    throw dirBad(`Invalid value specified for property 'membershipRule' of resource 'Group'.`);
  checkRoleAssignableCreate(ctx, b, groupTypes);
  const nick = validateMailNickname(ctx.state, b.mailNickname, unified);
  const owners = ((b['owners@odata.bind'] as unknown[]) ?? []).map(bindId);
  const members = ((b['members@odata.bind'] as unknown[]) ?? []).map(bindId);
  if (owners.length + members.length > 20)
    throw dirBad('At most 20 owners and members can be added when a group is created.');
  for (const id of [...owners, ...members]) if (!directoryObjectView(ctx.state, id)) throw notFound(id);
  for (const id of owners) checkOwnerTarget(ctx.state, id);
  const visibility = createVisibility(b, unified);
  const id = newGuid(ctx.state);
  const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const domain = ctx.state.tenant.domain;
  const g: SbGroup = {
    id,
    displayName: b.displayName,
    description: typeof b.description === 'string' ? b.description : null,
    mailEnabled: b.mailEnabled === true,
    mailNickname: nick,
    mail: unified ? `${nick}@${domain}` : null,
    securityEnabled: b.securityEnabled === true,
    groupTypes,
    isAssignableToRole: b.isAssignableToRole === true ? true : null,
    membershipRule: dynamic ? (b.membershipRule as string) : null,
    membershipRuleProcessingState: dynamic ? String(b.membershipRuleProcessingState ?? 'On') : null,
    onPremisesSyncEnabled: null,
    // DOC: a Microsoft 365 group is Public unless the body says otherwise; a role-assignable one is always Private.
    visibility: visibility ?? (unified ? (b.isAssignableToRole === true ? 'Private' : 'Public') : null),
    createdDateTime: iso,
    renewedDateTime: iso,
    securityIdentifier: `S-1-12-1-${parseInt(id.slice(0, 8), 16)}-${parseInt(id.slice(9, 13), 16)}`,
    assignedLicenses: [],
    pimOnboarded: false,
    staticMembers: [],
    createdByAppId: ctx.claims.appId,
    uniqueName: validateUniqueName(ctx.state, b.uniqueName),
  };
  ctx.state.groups[id] = g;
  ctx.replication.created(id);
  for (const o of owners) addDirectMembership(ctx.state, id, o, 'owner', now);
  for (const m of members) addDirectMembership(ctx.state, id, m, 'member', now);
  ctx.dirty();
  const created = entity(ctx, 'groups', groupView(g, ctx.state.tenant.id), 201);
  const { '@odata.context': context, ...rest } = created.body as Record<string, unknown>;
  created.body = {
    '@odata.context': context,
    '@odata.id': `${ctx.baseUrl}/v2/${ctx.state.tenant.id}/directoryObjects/${id}/Microsoft.DirectoryServices.Group`,
    ...rest,
  };
  return created;
}

/** PATCH of a group; an upsert that finds the group may repeat the creation-only properties with their values. */
export function patchGroup(ctx: SbCtx, g: SbGroup, upsert = false) {
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(b)) {
    if (upsert && sameCreationValue(g, k, b[k])) continue;
    if (!GROUP_PATCHABLE.includes(k))
      throw dirBad(`Property '${k}' is read-only or does not exist as a declared property or extension property.`);
  }
  checkRoleAssignablePatch(g, b);
  if ('groupTypes' in b) {
    const types = validateGroupTypes(b.groupTypes);
    if (types.includes('Unified') !== g.groupTypes.includes('Unified'))
      throw dirBad('A group cannot be converted between security and Microsoft 365.');
    g.groupTypes = types;
  }
  if ('mailNickname' in b)
    g.mailNickname = validateMailNickname(ctx.state, b.mailNickname, g.groupTypes.includes('Unified'), g.id);
  if ('displayName' in b) {
    if (typeof b.displayName !== 'string' || !b.displayName.trim() || b.displayName.length > 256)
      throw dirBad(`Invalid value specified for property 'displayName' of resource 'Group'.`);
    g.displayName = b.displayName;
  }
  if ('description' in b) g.description = b.description === null ? null : String(b.description);
  if ('visibility' in b) g.visibility = patchVisibility(g, b.visibility);
  if ('membershipRule' in b) g.membershipRule = b.membershipRule === null ? null : String(b.membershipRule);
  if ('membershipRuleProcessingState' in b)
    g.membershipRuleProcessingState =
      b.membershipRuleProcessingState === null ? null : String(b.membershipRuleProcessingState);
  if ('securityEnabled' in b) g.securityEnabled = b.securityEnabled === true;
  ctx.dirty();
  return noContent();
}

/** GUESS: an upsert that updates accepts the creation-only properties only when they do not change. */
function sameCreationValue(g: SbGroup, key: string, value: unknown): boolean {
  if (key === 'mailEnabled' || key === 'securityEnabled') return value === g[key];
  if (key === 'uniqueName')
    return typeof value === 'string' && value.toLowerCase() === (g.uniqueName ?? '').toLowerCase();
  return false;
}

function relation(accessId: AccessId): Route[] {
  const set = accessId === 'member' ? 'members' : 'owners';
  return [
    route('GET', `/groups/{id}/${set}`, (ctx, [id]) => {
      const g = groupOr404(ctx, id);
      const rows = activePrincipals(ctx.state, g.id, accessId, ctx.clock.now())
        .map((p) => directoryObjectView(ctx.state, p))
        .filter((x): x is Record<string, unknown> => Boolean(x));
      return collection(ctx, rows, { entitySet: 'directoryObjects', countNeedsConsistency: true });
    }),
    route('POST', `/groups/{id}/${set}/$ref`, (ctx, [id]) => {
      const g = managedGroup(ctx, id);
      // DOC (group-update): during replication of a new group the directory cannot resolve it as the source.
      if (ctx.replication.lagging(g.id))
        throw dirBad('The source resource object or one of the objects being referenced do not exist.');
      const target = bindId((ctx.body as Record<string, unknown> | null)?.['@odata.id']);
      if (!directoryObjectView(ctx.state, target)) throw notFound(target);
      if (accessId === 'owner') checkOwnerTarget(ctx.state, target);
      const now = ctx.clock.now();
      if (activePrincipals(ctx.state, g.id, accessId, now).includes(target))
        throw dirBad(
          `One or more added object references already exist for the following modified properties: '${set}'.`,
        );
      addDirectMembership(ctx.state, g.id, target, accessId, now);
      ctx.dirty();
      return noContent();
    }),
    route('DELETE', `/groups/{id}/${set}/{member}/$ref`, (ctx, [id, member]) => {
      const g = managedGroup(ctx, id);
      if (accessId === 'owner')
        checkLastUserOwner(
          ctx.state,
          activePrincipals(ctx.state, g.id, 'owner', ctx.clock.now()),
          member.toLowerCase(),
        );
      if (!removeDirectMembership(ctx.state, g.id, member.toLowerCase(), accessId, ctx.clock.now()))
        throw notFound(member);
      ctx.dirty();
      return noContent();
    }),
  ];
}

export const groupRoutes: Route[] = [
  route('POST', '/groups', createGroup),
  route('GET', '/groups', (ctx) => {
    checkAdvanced(ctx);
    checkGroupExpand(ctx);
    const now = ctx.clock.now();
    // A group created a moment ago is not in lists yet (eventual consistency; by id it is found).
    // Views are built only for the groups the filter can match (see prefilter.ts); lagging groups are not listed.
    const listed = indexedCandidates(ctx.query.filter, indexedGroups(ctx.state));
    const rows = listed
      .filter((g) => !ctx.replication.lagging(g.id))
      .map((g) => {
        const v = groupView(g, ctx.state.tenant.id);
        (v[HIDDEN] as Record<string, unknown>).hasMembersWithLicenseErrors = hasMembersWithLicenseErrors(
          ctx.state,
          g,
          now,
        );
        return ctx.query.expand ? expandGroup(ctx, g, v) : v;
      });
    return collection(ctx, search(ctx, rows), { entitySet: 'groups', countNeedsConsistency: true });
  }),
  route('GET', '/groups/$count', (ctx) => {
    if (ctx.headers['consistencylevel']?.toLowerCase() !== 'eventual')
      throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
    return {
      status: 200,
      body: String(Object.keys(ctx.state.groups).length),
      headers: { 'Content-Type': 'text/plain' },
    };
  }),
  route('GET', '/groups/{id}', (ctx, [id]) => {
    const g = groupOr404(ctx, id);
    return entity(ctx, 'groups', expandGroup(ctx, g, groupView(g, ctx.state.tenant.id)));
  }),
  route('PATCH', '/groups/{id}', (ctx, [id]) => patchGroup(ctx, managedGroup(ctx, id))),
  route('DELETE', '/groups/{id}', (ctx, [id]) => {
    const g = managedGroup(ctx, id);
    delete ctx.state.groups[g.id];
    for (const s of Object.values(ctx.state.schedules))
      if (s.groupId === g.id && !s.removedDateTime) s.removedDateTime = ctx.clock.now().toISOString();
    ctx.dirty();
    return noContent();
  }),
  ...relation('member'),
  ...relation('owner'),
];

export { ok };
