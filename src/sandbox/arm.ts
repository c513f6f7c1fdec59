// Azure Resource Manager at `${url}/arm/...` (Azure role bindings): role definitions and role assignments at subscription,
// resource group and resource scope, with ARM's own error format ({ error: { code, message } }), `api-version` and
// status codes (201 create, 409 RoleAssignmentExists, PrincipalNotFound without principalType, 403 AuthorizationFailed).
// The caller's rights come from Owner / User Access Administrator assignments at or above the scope, held directly
// or through an active group membership – which is how a PIM-enabled group grants Azure access.
import type { Engine, GraphAnswer } from './engine';
import { authenticate } from './auth';
import { GraphError } from './graphError';
import { ArmError, covers, parseScope } from './armScope';
import { activePrincipals } from './pimIndex';
import { parseFilter, eqValues } from './filter';
import type { SbState, SbUser } from './types';

const AUTH = '/providers/Microsoft.Authorization/';
type Assignment = SbState['azure']['roleAssignments'][string];

function roleDefinitionView(state: SbState, subscriptionId: string, id: string) {
  const d = state.azure.roleDefinitions[id];
  return {
    properties: {
      roleName: d.roleName,
      type: d.type,
      description: d.description,
      assignableScopes: ['/'],
      permissions: [
        { actions: d.roleName === 'Reader' ? ['*/read'] : ['*'], notActions: [], dataActions: [], notDataActions: [] },
      ],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
    id: `/subscriptions/${subscriptionId}${AUTH}roleDefinitions/${d.id}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: d.id,
  };
}

function assignmentView(state: SbState, a: Assignment) {
  return {
    properties: {
      roleDefinitionId: `/subscriptions/${a.scope.split('/')[2]}${AUTH}roleDefinitions/${a.roleDefinitionId}`,
      principalId: a.principalId,
      principalType: a.principalType,
      scope: a.scope,
      condition: null,
      conditionVersion: null,
      createdOn: a.createdOn,
      updatedOn: a.createdOn,
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: a.description,
    },
    id: a.id,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
  };
}

/** Principals the caller acts as: itself and every group it is an active member of. */
function identities(state: SbState, user: SbUser, now: Date): Set<string> {
  const ids = new Set([user.id]);
  for (const g of Object.keys(state.groups))
    if (activePrincipals(state, g, 'member', now).includes(user.id)) ids.add(g);
  return ids;
}

function authorize(state: SbState, user: SbUser, scope: string, write: boolean, now: Date): void {
  const me = identities(state, user, now);
  const roles = write
    ? ['Owner', 'User Access Administrator']
    : Object.values(state.azure.roleDefinitions).map((d) => d.roleName);
  const allowed = Object.values(state.azure.roleAssignments).some(
    (a) =>
      me.has(a.principalId) &&
      covers(a.scope, scope) &&
      roles.includes(state.azure.roleDefinitions[a.roleDefinitionId]?.roleName),
  );
  if (!allowed) {
    throw new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${user.userPrincipalName}' with object id '${user.id}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/${write ? 'write' : 'read'}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
}

function put(state: SbState, scope: string, name: string, body: unknown, now: Date): { status: number; body: unknown } {
  if (!/^[0-9a-f-]{36}$/i.test(name))
    throw new ArmError(
      400,
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    );
  const p = ((body ?? {}) as { properties?: Record<string, unknown> }).properties ?? {};
  const m =
    /^(?:\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-f-]{36})$/i.exec(
      String(p.roleDefinitionId ?? ''),
    );
  if (!m)
    throw new ArmError(
      400,
      'InvalidRoleDefinitionId',
      `The role definition ID '${String(p.roleDefinitionId)}' is not valid.`,
    );
  const roleDefinitionId = m[1].toLowerCase();
  if (!state.azure.roleDefinitions[roleDefinitionId])
    throw new ArmError(
      400,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${roleDefinitionId}' does not exist.`,
    );
  const principalId = String(p.principalId ?? '').toLowerCase();
  const actual = state.users[principalId]
    ? 'User'
    : state.groups[principalId]
      ? 'Group'
      : state.servicePrincipals[principalId]
        ? 'ServicePrincipal'
        : undefined;
  const principalType = p.principalType === undefined ? actual : String(p.principalType);
  if (!principalType)
    throw new ArmError(
      400,
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${state.tenant.id}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.`,
    );
  if (!['User', 'Group', 'ServicePrincipal', 'ForeignGroup', 'Device'].includes(principalType))
    throw new ArmError(400, 'InvalidPrincipalType', `The principal type '${principalType}' is not valid.`);
  if (actual && actual !== principalType)
    throw new ArmError(
      400,
      'UnmatchedPrincipalType',
      'The PrincipalType in the request does not match the type of the principal.',
    );
  const id = `${scope}${AUTH}roleAssignments/${name.toLowerCase()}`;
  const existing = state.azure.roleAssignments[id.toLowerCase()];
  if (existing) {
    if (existing.principalId !== principalId || existing.roleDefinitionId !== roleDefinitionId)
      throw new ArmError(
        400,
        'RoleAssignmentUpdateNotPermitted',
        'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.',
      );
    return { status: 201, body: assignmentView(state, existing) };
  }
  if (
    Object.values(state.azure.roleAssignments).some(
      (a) =>
        a.scope.toLowerCase() === scope.toLowerCase() &&
        a.principalId === principalId &&
        a.roleDefinitionId === roleDefinitionId,
    )
  ) {
    throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  }
  const a: Assignment = {
    id,
    scope,
    name: name.toLowerCase(),
    roleDefinitionId,
    principalId,
    principalType,
    description: typeof p.description === 'string' ? p.description : null,
    createdOn: now.toISOString(),
  };
  state.azure.roleAssignments[id.toLowerCase()] = a;
  return { status: 201, body: assignmentView(state, a) };
}

export function armHandler(engine: Engine) {
  return (method: string, target: string, headers: Record<string, string>, body: unknown): GraphAnswer => {
    const requestId = engine.nextRequestId();
    const [rawPath, rawQuery = ''] = target.split('?');
    const query = new URLSearchParams(rawQuery);
    let status = 200,
      out: unknown,
      callerUpn: string | null = null;
    const extraHeaders: Record<string, string> = {};
    let path = rawPath;
    try {
      try {
        path = decodeURIComponent(rawPath);
      } catch {
        throw new ArmError(400, 'InvalidRequestUri', 'The request URI is not well formed.');
      }
      let caller: SbUser;
      try {
        caller = authenticate(engine.state, headers.authorization, engine.hooks.tokens?.arm).user;
      } catch (e) {
        if (e instanceof GraphError)
          throw new ArmError(
            401,
            'AuthenticationFailed',
            headers.authorization
              ? 'Authentication failed.'
              : "Authentication failed. The 'Authorization' header is missing.",
          );
        throw e;
      }
      callerUpn = caller.userPrincipalName;
      // The same per-caller budget and seeded faults as the Graph face.
      const retryAfter = engine.throttle?.take(caller.id);
      if (retryAfter) {
        extraHeaders['Retry-After'] = String(retryAfter);
        throw new ArmError(429, 'TooManyRequests', 'The request is being throttled.');
      }
      const fault = engine.faults?.decide(method, `/arm${path}`);
      if (fault === 'reset') {
        engine.recordExternal({ method, path: `/arm${target}`, status: 0, callerUpn, requestId, body });
        return { status: 0, headers: {}, reset: true };
      }
      if (fault) {
        extraHeaders['Retry-After'] = String(engine.faults!.spec.retryAfter ?? 1);
        throw fault === '429'
          ? new ArmError(429, 'TooManyRequests', 'The request is being throttled.')
          : new ArmError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
      }
      const apiVersion = query.get('api-version');
      if (!apiVersion)
        throw new ArmError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        );
      if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion) || apiVersion < '2015-07-01')
        throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid.`);
      const state = engine.state,
        now = engine.clock.now();
      const i = path.toLowerCase().indexOf(AUTH.toLowerCase());
      if (method === 'GET' && /^\/subscriptions\/?$/i.test(path)) {
        out = {
          value: Object.values(state.azure.subscriptions).map((s) => ({
            id: `/subscriptions/${s.subscriptionId}`,
            subscriptionId: s.subscriptionId,
            tenantId: state.tenant.id,
            displayName: s.displayName,
            state: 'Enabled',
          })),
        };
      } else if (method === 'GET' && /^\/subscriptions\/[^/]+\/resourceGroups\/?$/i.test(path)) {
        const { subscriptionId } = parseScope(state, path.replace(/\/resourceGroups\/?$/i, ''));
        out = {
          value: state.azure.subscriptions[subscriptionId].resourceGroups.map((rg) => ({
            id: `/subscriptions/${subscriptionId}/resourceGroups/${rg}`,
            name: rg,
            type: 'Microsoft.Resources/resourceGroups',
            location: 'australiaeast',
            properties: { provisioningState: 'Succeeded' },
          })),
        };
      } else if (i >= 0) {
        const scope = parseScope(state, path.slice(0, i));
        const [kind, name, extra] = path.slice(i + AUTH.length).split('/');
        if (extra !== undefined)
          throw new ArmError(400, 'InvalidResourceType', `The resource type '${kind}' is not valid.`);
        if (kind.toLowerCase() === 'roledefinitions' && method === 'GET') {
          if (name) {
            if (!state.azure.roleDefinitions[name.toLowerCase()])
              throw new ArmError(
                404,
                'RoleDefinitionDoesNotExist',
                `The specified role definition with ID '${name}' does not exist.`,
              );
            out = roleDefinitionView(state, scope.subscriptionId, name.toLowerCase());
          } else {
            const f = query.get('$filter');
            const names = f ? eqValues(parseFilter(f), 'roleName') : [];
            out = {
              value: Object.keys(state.azure.roleDefinitions)
                .filter(
                  (id) =>
                    !names.length ||
                    names.some((n) => n.toLowerCase() === state.azure.roleDefinitions[id].roleName.toLowerCase()),
                )
                .map((id) => roleDefinitionView(state, scope.subscriptionId, id)),
            };
          }
        } else if (kind.toLowerCase() === 'roleassignments') {
          authorize(state, caller, scope.scope, method !== 'GET', now);
          if (method === 'PUT' && name) {
            const r = put(state, scope.scope, name, body, now);
            status = r.status;
            out = r.body;
            engine.touchState();
          } else if (method === 'GET' && name) {
            const a = state.azure.roleAssignments[`${scope.scope}${AUTH}roleAssignments/${name}`.toLowerCase()];
            if (!a) throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`);
            out = assignmentView(state, a);
          } else if (method === 'DELETE' && name) {
            const key = `${scope.scope}${AUTH}roleAssignments/${name}`.toLowerCase();
            const a = state.azure.roleAssignments[key];
            if (!a) {
              status = 204;
              out = undefined;
            } else {
              delete state.azure.roleAssignments[key];
              out = assignmentView(state, a);
              engine.touchState();
            }
          } else if (method === 'GET') {
            const f = query.get('$filter') ?? '';
            const atScope = /atScope\(\)/i.test(f);
            const principal = /principalId\s+eq\s+'([^']+)'/i.exec(f)?.[1]?.toLowerCase();
            out = {
              value: Object.values(state.azure.roleAssignments)
                .filter(
                  (a) =>
                    (covers(a.scope, scope.scope) || (!atScope && covers(scope.scope, a.scope))) &&
                    (!principal || a.principalId === principal),
                )
                .map((a) => assignmentView(state, a)),
            };
          } else throw new ArmError(405, 'MethodNotAllowed', `The method '${method}' is not allowed.`);
        } else
          throw new ArmError(
            400,
            'InvalidResourceType',
            `The resource type '${kind}' could not be found in the namespace 'Microsoft.Authorization'.`,
          );
      } else
        throw new ArmError(
          400,
          'InvalidResourceType',
          `The sandbox serves Microsoft.Authorization role definitions and assignments; '${path}' is not one of them.`,
        );
    } catch (e) {
      if (!(e instanceof ArmError)) throw e;
      status = e.status;
      out = { error: { code: e.code, message: e.message } };
    }
    engine.recordExternal({ method, path: `/arm${target}`, status, callerUpn, requestId, body });
    return {
      status,
      headers: {
        ...extraHeaders,
        'Content-Type': 'application/json; charset=utf-8',
        'x-ms-request-id': requestId,
        'x-ms-correlation-request-id': headers['x-ms-correlation-request-id'] ?? requestId,
      },
      body: out,
    };
  };
}
