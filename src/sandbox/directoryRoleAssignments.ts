// Microsoft Entra role assignments: GET /roleManagement/directory/roleDefinitions (built-in roles, read-only here)
// and /roleManagement/directory/roleAssignments (list with $filter, get, create, delete), as a role-assignable
// group holds a directory role. Shapes from the unifiedRoleAssignment / unifiedRoleDefinition resource pages.
// Refusals:
//  - a group whose isAssignableToRole is not true: 400 Request_BadRequest "Groups without IsAssignableToRole property
//    set cannot be assigned to roles." (LIVE, pasted in Microsoft365DSC#879);
//  - the same role, principal and scope twice: 400 Request_BadRequest "A conflicting object with one or more of the
//    specified property values is present in the directory." (LIVE, pasted in dod-ccpo/atat#1554);
//  - writes need Privileged Role Administrator or Global Administrator (DOC: "Privileged Role Administrator is the
//    least privileged role supported"), else the directory's 403;
//  - UNCONFIRMED: the codes and messages of an unknown role definition, principal, scope or assignment id (the
//    directory's 404 Request_ResourceNotFound / 400 Request_BadRequest shapes are used).
import { GraphError } from './graphError';
import { collection, entity } from './odata';
import { route, Route } from './router';
import { noContent } from './context';
import { directoryObjectView } from './directoryViews';
import { directoryForbidden, isPrivilegedRoleAdmin } from './rbac';
import { BUILT_IN_ROLES, builtInRole, roleDefinitionView } from './directoryRoleCatalog';
import { GUID_RE } from './ids';
import type { SbCtx } from './context';
import type { SbDirectoryRoleAssignment } from './types';

const BASE = '/roleManagement/directory';
const bad = (message: string) => new GraphError(400, 'Request_BadRequest', message);
const notFound = (id: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

const assignments = (ctx: SbCtx) => (ctx.state.directoryRoleAssignments ??= {});

function view(a: SbDirectoryRoleAssignment): Record<string, unknown> {
  return {
    id: a.id,
    principalId: a.principalId,
    roleDefinitionId: a.roleDefinitionId,
    directoryScopeId: a.directoryScopeId,
    appScopeId: null,
    condition: null,
  };
}

/** $expand=principal / roleDefinition, as the list and get pages document. */
function expander(ctx: SbCtx) {
  const names = (ctx.query.expand ?? []).map((e) => e.name);
  for (const n of names)
    if (!['principal', 'roledefinition'].includes(n.toLowerCase()))
      throw bad(`Could not find a navigation property named '${n}' on type 'microsoft.graph.unifiedRoleAssignment'.`);
  return (row: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...row };
    for (const n of names) {
      if (n.toLowerCase() === 'principal') out.principal = directoryObjectView(ctx.state, String(row.principalId));
      else out.roleDefinition = roleDefinitionView(builtInRole(String(row.roleDefinitionId))!);
    }
    return out;
  };
}

/**
 * The id as the directory mints it for a tenant-wide assignment: base64url of the role's and the principal's GUID
 * bytes and a `-1` suffix. UNCONFIRMED for administrative-unit scopes (the same form with a `-2` suffix here).
 */
function assignmentId(roleId: string, principalId: string, scope: string): string {
  const bytes = (g: string) => Buffer.from(g.replace(/-/g, ''), 'hex');
  const b = Buffer.concat([bytes(roleId), bytes(principalId)]).toString('base64url');
  return `${b}-${scope === '/' ? 1 : 2}`;
}

function validScope(ctx: SbCtx, scope: unknown): string {
  if (scope === '/') return scope;
  const m = typeof scope === 'string' ? /^\/administrativeUnits\/([0-9a-f-]{36})$/i.exec(scope) : null;
  if (!m || !ctx.state.administrativeUnits?.[m[1].toLowerCase()])
    throw bad(`Invalid value specified for property 'directoryScopeId' of resource 'UnifiedRoleAssignment'.`);
  return `/administrativeUnits/${m[1].toLowerCase()}`;
}

function create(ctx: SbCtx) {
  if (!isPrivilegedRoleAdmin(ctx.state, ctx.caller, ctx.clock.now())) throw directoryForbidden();
  const b = (ctx.body ?? {}) as Record<string, unknown>;
  for (const p of ['principalId', 'roleDefinitionId'])
    if (typeof b[p] !== 'string' || !GUID_RE.test(b[p] as string))
      throw bad(`Invalid value specified for property '${p}' of resource 'UnifiedRoleAssignment'.`);
  if (b.directoryScopeId === undefined && b.appScopeId === undefined)
    throw bad('Either directoryScopeId or appScopeId must be specified.');
  const scope = validScope(ctx, b.directoryScopeId);
  const roleId = (b.roleDefinitionId as string).toLowerCase();
  if (!builtInRole(roleId)) throw notFound(roleId);
  const principalId = (b.principalId as string).toLowerCase();
  if (!directoryObjectView(ctx.state, principalId)) throw notFound(principalId);
  const group = ctx.state.groups[principalId];
  if (group && group.isAssignableToRole !== true)
    throw bad('Groups without IsAssignableToRole property set cannot be assigned to roles.');
  const id = assignmentId(roleId, principalId, scope);
  if (assignments(ctx)[id])
    throw bad('A conflicting object with one or more of the specified property values is present in the directory.');
  const a: SbDirectoryRoleAssignment = { id, principalId, roleDefinitionId: roleId, directoryScopeId: scope };
  assignments(ctx)[id] = a;
  ctx.dirty();
  return entity(ctx, 'roleManagement/directory/roleAssignments', view(a), 201);
}

export const directoryRoleRoutes: Route[] = [
  route('GET', `${BASE}/roleDefinitions`, (ctx) =>
    collection(ctx, BUILT_IN_ROLES.map(roleDefinitionView), { entitySet: 'roleManagement/directory/roleDefinitions' }),
  ),
  route('GET', `${BASE}/roleDefinitions/{id}`, (ctx, [id]) => {
    const r = builtInRole(id);
    if (!r) throw notFound(id);
    return entity(ctx, 'roleManagement/directory/roleDefinitions', roleDefinitionView(r));
  }),
  route('GET', `${BASE}/roleAssignments`, (ctx) =>
    collection(ctx, Object.values(assignments(ctx)).map(view), {
      entitySet: 'roleManagement/directory/roleAssignments',
      expand: expander(ctx),
    }),
  ),
  route('GET', `${BASE}/roleAssignments/{id}`, (ctx, [id]) => {
    const a = assignments(ctx)[id];
    if (!a) throw notFound(id);
    return entity(ctx, 'roleManagement/directory/roleAssignments', expander(ctx)(view(a)));
  }),
  route('POST', `${BASE}/roleAssignments`, create),
  route('DELETE', `${BASE}/roleAssignments/{id}`, (ctx, [id]) => {
    if (!isPrivilegedRoleAdmin(ctx.state, ctx.caller, ctx.clock.now())) throw directoryForbidden();
    if (!assignments(ctx)[id]) throw notFound(id);
    delete assignments(ctx)[id];
    ctx.dirty();
    return noContent();
  }),
];
