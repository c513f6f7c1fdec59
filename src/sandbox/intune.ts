// Intune RBAC (a binding kind): deviceManagement roleDefinitions (built-in, read-only here), roleAssignments (members and
// resourceScopes are group ids; beta adds scopeMembers, scopeType, roleScopeTagIds and roleDefinition@odata.bind).
import { GraphError, badRequest } from './graphError';
import { collection, contextUrl } from './odata';
import { route, Route } from './router';
import { newGuid } from './ids';
import { ok, noContent } from './context';
import type { SbCtx } from './context';

const ASSIGNMENT_TYPE = '#microsoft.graph.deviceAndAppManagementRoleAssignment';
const SCOPE_TYPES = ['resourceScope', 'allDevices', 'allLicensedUsers', 'allDevicesAndLicensedUsers'];
const notFound = (what: string, id: string) =>
  new GraphError(404, 'ResourceNotFound', `${what} '${id}' was not found.`);

function groupIds(ctx: SbCtx, v: unknown, name: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`'${name}' must be an array of group ids.`);
  return v.map((id) => {
    const key = String(id).toLowerCase();
    if (!ctx.state.groups[key])
      throw badRequest(`'${name}' contains '${String(id)}', which is not a group in this tenant.`);
    return key;
  });
}

function assignmentView(ctx: SbCtx, a: Record<string, unknown>): Record<string, unknown> {
  // roleDefinitionId is the sandbox's record of roleDefinition@odata.bind, not a property of the resource.
  const { roleDefinitionId: _bound, ...rest } = a;
  return ctx.version === 'beta'
    ? rest
    : {
        '@odata.type': rest['@odata.type'],
        id: rest.id,
        displayName: rest.displayName,
        description: rest.description,
        resourceScopes: rest.resourceScopes,
        members: rest.members,
      };
}

function writeAssignment(ctx: SbCtx, current: Record<string, unknown> | undefined): Record<string, unknown> {
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  const next: Record<string, unknown> = {
    ...(current ?? {
      '@odata.type': ASSIGNMENT_TYPE,
      id: newGuid(ctx.state),
      scopeMembers: [],
      scopeType: 'resourceScope',
      resourceScopes: [],
      members: [],
      roleScopeTagIds: ['0'],
      roleDefinitionId: null,
    }),
  };
  if (!current && (typeof b.displayName !== 'string' || !b.displayName.trim()))
    throw badRequest('displayName is required.');
  for (const k of ['displayName', 'description']) if (k in b) next[k] = b[k] === null ? null : String(b[k]);
  if ('members' in b) next.members = groupIds(ctx, b.members, 'members');
  if ('resourceScopes' in b) next.resourceScopes = groupIds(ctx, b.resourceScopes, 'resourceScopes');
  if ('scopeMembers' in b) next.scopeMembers = groupIds(ctx, b.scopeMembers, 'scopeMembers');
  if ('scopeType' in b) {
    const t = SCOPE_TYPES.find((x) => x.toLowerCase() === String(b.scopeType).toLowerCase());
    if (!t) throw badRequest(`Invalid scopeType '${String(b.scopeType)}'.`);
    next.scopeType = t;
  }
  if ('roleScopeTagIds' in b) {
    if (!Array.isArray(b.roleScopeTagIds) || b.roleScopeTagIds.some((t) => !ctx.state.intune.scopeTags[String(t)]))
      throw badRequest('roleScopeTagIds names a scope tag that does not exist.');
    next.roleScopeTagIds = b.roleScopeTagIds.map(String);
  }
  const bind = b['roleDefinition@odata.bind'];
  if (bind !== undefined) {
    const m = /roleDefinitions(?:\('|\/)([0-9a-f-]{36})/i.exec(String(bind));
    if (!m || !ctx.state.intune.roleDefinitions[m[1].toLowerCase()])
      throw badRequest(`roleDefinition@odata.bind '${String(bind)}' does not name a role definition.`);
    next.roleDefinitionId = m[1].toLowerCase();
  }
  ctx.state.intune.roleAssignments[next.id as string] = next;
  ctx.dirty();
  return next;
}

const BASE = '/deviceManagement';
export const intuneRoutes: Route[] = [
  route('GET', `${BASE}/roleDefinitions`, (ctx) =>
    collection(
      ctx,
      Object.values(ctx.state.intune.roleDefinitions).map((d) => withAssignments(ctx, d)),
      { entitySet: 'deviceManagement/roleDefinitions' },
    ),
  ),
  route('GET', `${BASE}/roleDefinitions/{id}`, (ctx, [id]) => {
    const d = ctx.state.intune.roleDefinitions[id.replace(/^\('(.*)'\)$/, '$1').toLowerCase()];
    if (!d) throw notFound('Role definition', id);
    return ok({
      '@odata.context': `${contextUrl(ctx, 'deviceManagement/roleDefinitions')}/$entity`,
      ...withAssignments(ctx, d),
    });
  }),
  route('GET', `${BASE}/roleDefinitions/{id}/roleAssignments`, (ctx, [id]) => {
    const key = id.replace(/^\('(.*)'\)$/, '$1').toLowerCase();
    if (!ctx.state.intune.roleDefinitions[key]) throw notFound('Role definition', id);
    return collection(
      ctx,
      Object.values(ctx.state.intune.roleAssignments)
        .filter((a) => a.roleDefinitionId === key)
        .map((a) => assignmentView(ctx, a)),
      { entitySet: `deviceManagement/roleDefinitions('${key}')/roleAssignments` },
    );
  }),
  route('GET', `${BASE}/roleAssignments`, (ctx) =>
    collection(
      ctx,
      Object.values(ctx.state.intune.roleAssignments).map((a) => assignmentView(ctx, a)),
      { entitySet: 'deviceManagement/roleAssignments' },
    ),
  ),
  route('POST', `${BASE}/roleAssignments`, (ctx) => ({
    status: 201,
    body: {
      '@odata.context': `${contextUrl(ctx, 'deviceManagement/roleAssignments')}/$entity`,
      ...assignmentView(ctx, writeAssignment(ctx, undefined)),
    },
  })),
  route('GET', `${BASE}/roleAssignments/{id}`, (ctx, [id]) => {
    const a = ctx.state.intune.roleAssignments[id.toLowerCase()];
    if (!a) throw notFound('Role assignment', id);
    return ok({
      '@odata.context': `${contextUrl(ctx, 'deviceManagement/roleAssignments')}/$entity`,
      ...assignmentView(ctx, a),
    });
  }),
  route('PATCH', `${BASE}/roleAssignments/{id}`, (ctx, [id]) => {
    const a = ctx.state.intune.roleAssignments[id.toLowerCase()];
    if (!a) throw notFound('Role assignment', id);
    return ok({
      '@odata.context': `${contextUrl(ctx, 'deviceManagement/roleAssignments')}/$entity`,
      ...assignmentView(ctx, writeAssignment(ctx, a)),
    });
  }),
  route('DELETE', `${BASE}/roleAssignments/{id}`, (ctx, [id]) => {
    if (!ctx.state.intune.roleAssignments[id.toLowerCase()]) throw notFound('Role assignment', id);
    delete ctx.state.intune.roleAssignments[id.toLowerCase()];
    ctx.dirty();
    return noContent();
  }),
  route('GET', `${BASE}/roleScopeTags`, (ctx) =>
    collection(
      ctx,
      Object.values(ctx.state.intune.scopeTags).map((t) => ({
        '@odata.type': '#microsoft.graph.roleScopeTag',
        ...t,
        isBuiltIn: t.id === '0',
      })),
      { entitySet: 'deviceManagement/roleScopeTags' },
    ),
  ),
];

function withAssignments(ctx: SbCtx, d: Record<string, unknown>): Record<string, unknown> {
  if (!ctx.query.expand?.some((e) => e.name.toLowerCase() === 'roleassignments')) return d;
  return {
    ...d,
    roleAssignments: Object.values(ctx.state.intune.roleAssignments)
      .filter((a) => a.roleDefinitionId === d.id)
      .map((a) => assignmentView(ctx, a)),
  };
}
