// Azure role: an ARM role assignment to the group (principalType Group) at a scope. ARM is its own host and token
// audience (armAccess.ts); role definitions are read per subscription, and every named scope must exist.
import { randomUUID } from 'node:crypto';
import type { Bindings } from '../../definitions/model';
import type { BindingKindSpec } from '../kind';
import { armAccessOf, armUrl, AUTHZ, roleGuidOf, scopeKey, subscriptionOf } from '../armAccess';
import { isStatus } from '../httpStatus';
import { azureRoleNameOf, azureRoleOf, isPrivilegedAzureGrant } from '../resolve';

interface ArmAssignment {
  id: string;
  name: string;
  properties: { scope: string; roleDefinitionId: string; principalId: string };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const azureRole: BindingKindSpec<'azureRole'> = {
  kind: 'azureRole',
  field: 'azureRoles',
  scopesOf: (b) => (b.azureRoles ?? []).map((r) => r.scope),

  read: ({ t, existing, azureScopes, catalog, groups, signal }) => ({
    batch: [],
    other: async () => {
      const arm = armAccessOf(t);
      if (!arm)
        throw new Error(
          'no Azure Resource Manager connection for this tenant (the connection registers one for https://management.azure.com)',
        );
      const subscriptions = [...new Set(azureScopes.map(subscriptionOf).filter((s): s is string => !!s))];
      const get = <T>(url: string) => arm.t.get<T>(url, { signal });
      await Promise.all([
        ...subscriptions.map(async (sub) => {
          try {
            const defs = await get<{ value: { id: string; properties: { roleName: string } }[] }>(
              armUrl(arm, `/subscriptions/${sub}${AUTHZ}/roleDefinitions`),
            );
            catalog.azureRoles[sub] = defs.value.map((d) => ({ id: d.id, roleName: d.properties.roleName }));
          } catch (e) {
            catalog.azureScopeErrors[`/subscriptions/${sub}`] = message(e);
          }
        }),
        // Each named scope must exist (404 ResourceGroupNotFound / ResourceNotFound otherwise).
        ...[...new Set(azureScopes.map(scopeKey))].map(async (s) => {
          try {
            await get(armUrl(arm, `${s}${AUTHZ}/roleAssignments`, `$filter=${encodeURIComponent('atScope()')}`));
          } catch (e) {
            catalog.azureScopeErrors[s] = message(e);
          }
        }),
        ...existing.flatMap((g) =>
          subscriptions.map(async (sub) => {
            const list = await get<{ value: ArmAssignment[] }>(
              armUrl(
                arm,
                `/subscriptions/${sub}${AUTHZ}/roleAssignments`,
                `$filter=${encodeURIComponent(`principalId eq '${g.id}'`)}`,
              ),
            );
            const mine = list.value.filter((a) => a.properties.principalId.toLowerCase() === g.id!.toLowerCase());
            groups[g.key].azureRoles = [
              ...(groups[g.key].azureRoles ?? []),
              ...mine.map((a) => ({
                id: a.id,
                name: a.name,
                scope: a.properties.scope,
                roleDefinitionId: roleGuidOf(a.properties.roleDefinitionId),
              })),
            ];
          }),
        ),
      ]);
      for (const g of Object.values(groups)) g.azureRoles ??= [];
    },
  }),

  plan: (ctx) => {
    const { catalog: cat, actual } = ctx;
    if (ctx.readFailed()) return;
    const wanted = new Set<string>();
    ctx.bindings.azureRoles!.forEach((r, i) => {
      const scopeErr =
        cat.azureScopeErrors[scopeKey(r.scope)] ??
        cat.azureScopeErrors[scopeKey(r.scope).split('/').slice(0, 3).join('/')];
      if (scopeErr)
        return ctx.error(['azureRoles', i, 'scope'], `Azure scope '${r.scope}' cannot be used: ${scopeErr}`);
      const role = azureRoleOf(cat, r.scope, r.role);
      if (!role) return ctx.error(['azureRoles', i, 'role'], `Azure role '${r.role}' does not exist at '${r.scope}'.`);
      const guid = roleGuidOf(role.id);
      wanted.add(`${scopeKey(r.scope)}|${guid}`);
      ctx.grant(`Azure ${role.roleName} on ${r.scope}`);
      if ((actual.azureRoles ?? []).some((a) => scopeKey(a.scope) === scopeKey(r.scope) && a.roleDefinitionId === guid))
        return;
      // No dedicated mark exists yet (requested); a privileged grant weakens the tenant's posture like a weaker policy.
      const privileged = isPrivilegedAzureGrant(r.scope, guid);
      ctx.op(
        `azure/${scopeKey(r.scope)}/${guid}`,
        'add',
        { binding: 'azureRole', scope: r.scope, roleDefinitionId: role.id, roleName: role.roleName },
        `grant Azure role '${role.roleName}' (id ${guid}) on ${r.scope}${privileged ? ' — PRIVILEGED: members can grant access to others across the subscription' : ''}`,
        null,
        `${role.roleName} on ${r.scope}`,
        ['azureRoles', i],
        privileged ? ['weakens-policy'] : [],
      );
    });
    for (const a of (actual.azureRoles ?? []).filter(
      (x) => !wanted.has(`${scopeKey(x.scope)}|${x.roleDefinitionId}`),
    )) {
      const roleName = azureRoleNameOf(cat, a.scope, a.roleDefinitionId);
      ctx.op(
        `azure/${scopeKey(a.scope)}/${a.roleDefinitionId}`,
        'remove',
        { binding: 'azureRole', scope: a.scope, roleDefinitionId: a.roleDefinitionId, roleName, assignmentId: a.id },
        `revoke Azure role '${roleName}' on ${a.scope} (assignment ${a.name})`,
        `${roleName} on ${a.scope}`,
        null,
        ['azureRoles'],
      );
    }
  },

  apply: async (t, op, gid) => {
    const d = op.detail;
    const arm = armAccessOf(t);
    if (!arm) throw new Error('no Azure Resource Manager connection');
    if (op.action === 'remove') {
      await arm.t.request('DELETE', armUrl(arm, d.assignmentId!), undefined, { idempotent: true }).catch((e) => {
        if (!isStatus(e, 404)) throw e;
      });
      return;
    }
    try {
      await arm.t.request(
        'PUT',
        armUrl(arm, `${d.scope}${AUTHZ}/roleAssignments/${randomUUID()}`),
        { properties: { roleDefinitionId: d.roleDefinitionId, principalId: gid, principalType: 'Group' } },
        { idempotent: true },
      );
    } catch (e) {
      // 409 RoleAssignmentExists: someone (or our lost first attempt) made it; done only when it is this one.
      if (!isStatus(e, 409, 'RoleAssignmentExists')) throw e;
      const list = await arm.t.get<{
        value: { properties: { scope: string; roleDefinitionId: string; principalId: string } }[];
      }>(armUrl(arm, `${d.scope}${AUTHZ}/roleAssignments`, `$filter=${encodeURIComponent(`principalId eq '${gid}'`)}`));
      if (
        !list.value.some(
          (a) =>
            scopeKey(a.properties.scope) === scopeKey(d.scope) &&
            roleGuidOf(a.properties.roleDefinitionId) === roleGuidOf(d.roleDefinitionId),
        )
      )
        throw e;
    }
  },

  present: (op, g) =>
    (g.azureRoles ?? []).some(
      (x) =>
        scopeKey(x.scope) === scopeKey(op.detail.scope) &&
        x.roleDefinitionId === roleGuidOf(op.detail.roleDefinitionId),
    ),

  export: (s, c): Partial<Bindings> =>
    s.azureRoles?.length
      ? {
          azureRoles: s.azureRoles.map((a) => ({
            scope: a.scope,
            role: azureRoleNameOf(c, a.scope, a.roleDefinitionId),
          })),
        }
      : {},

  notes: () => [],
};
