// Microsoft Entra role: a role assignment (roleManagement/directory) whose principal is the group, at the directory
// ('/') or an administrative unit. Only a role-assignable group can hold one (the editor's PIM063, the plan's
// PIM240); an active member holds the role while the membership lasts. Privileged roles (Microsoft's
// isPrivileged) are marked like other grants that weaken the tenant's posture.
import type { Bindings } from '../../definitions/model';
import type { BindingKindSpec, StepOf } from '../kind';
import { isStatus } from '../httpStatus';
import { directoryRoleOf } from '../resolve';
import { paths } from '../../graph/api/paths';

interface GRoleDefinition {
  id: string;
  displayName: string;
  templateId?: string;
  isPrivileged?: boolean;
}
interface GRoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId?: string;
}

const scopeOf = (s?: string) => s ?? '/';
const where = (scope: string) => (scope === '/' ? 'the directory' : scope);
const keyOf = (roleId: string, scope: string) => `${roleId.toLowerCase()}|${scope.toLowerCase()}`;

export const directoryRole: BindingKindSpec<'directoryRole'> = {
  kind: 'directoryRole',
  field: 'directoryRoles',

  read: ({ catalog, groups, existing }) => ({
    batch: [
      {
        version: 'v1.0',
        url: paths.directoryRoleDefinitions,
        use: (b) => {
          catalog.directoryRoles = (b as GRoleDefinition[]).map((r) => ({
            id: r.id,
            displayName: r.displayName,
            templateId: r.templateId ?? r.id,
            isPrivileged: r.isPrivileged === true,
          }));
        },
      },
      ...existing.map((g) => ({
        version: 'v1.0' as const,
        url: paths.directoryRoleAssignmentsOf(g.id!),
        use: (b: unknown) => {
          groups[g.key].directoryRoles = (b as GRoleAssignment[]).map((a) => ({
            id: a.id,
            roleDefinitionId: a.roleDefinitionId.toLowerCase(),
            directoryScopeId: scopeOf(a.directoryScopeId),
          }));
        },
      })),
    ],
  }),

  plan: (ctx) => {
    const { catalog: cat, actual } = ctx;
    if (ctx.readFailed()) return;
    const current = actual.directoryRoles ?? [];
    const wanted = new Set<string>();
    ctx.bindings.directoryRoles!.forEach((b, i) => {
      const role = directoryRoleOf(cat, b.role);
      if (!role)
        return ctx.error(
          ['directoryRoles', i, 'role'],
          `Microsoft Entra role '${b.role}' does not exist in the tenant (by display name or template id).`,
        );
      const scope = scopeOf(b.scope);
      wanted.add(keyOf(role.id, scope));
      const privileged = role.isPrivileged;
      ctx.grant(`Microsoft Entra role ${role.displayName} on ${where(scope)}${privileged ? ' (privileged)' : ''}`);
      if (current.some((a) => keyOf(a.roleDefinitionId, a.directoryScopeId) === keyOf(role.id, scope))) return;
      ctx.op(
        `directoryRole/${role.id}/${scope}`,
        'add',
        { binding: 'directoryRole', roleDefinitionId: role.id, roleName: role.displayName, scope, privileged },
        `assign Microsoft Entra role '${role.displayName}' (template ${role.templateId}) on ${where(scope)}${privileged ? ' — PRIVILEGED role' : ''}`,
        null,
        `${role.displayName} on ${scope}`,
        ['directoryRoles', i],
        privileged ? ['weakens-policy'] : [],
      );
    });
    for (const a of current.filter((x) => !wanted.has(keyOf(x.roleDefinitionId, x.directoryScopeId)))) {
      const role = directoryRoleOf(cat, a.roleDefinitionId);
      const roleName = role?.displayName ?? a.roleDefinitionId;
      ctx.op(
        `directoryRole/${a.roleDefinitionId}/${a.directoryScopeId}`,
        'remove',
        {
          binding: 'directoryRole',
          roleDefinitionId: a.roleDefinitionId,
          roleName,
          scope: a.directoryScopeId,
          privileged: role?.isPrivileged === true,
          assignmentId: a.id,
        },
        `remove Microsoft Entra role '${roleName}' on ${where(a.directoryScopeId)} (assignment ${a.id})`,
        `${roleName} on ${a.directoryScopeId}`,
        null,
        ['directoryRoles'],
      );
    }
  },

  apply: async (t, op, gid) => {
    const d = op.detail;
    if (op.action === 'remove') {
      await t
        .request('DELETE', paths.directoryRoleAssignment(d.assignmentId!), undefined, { idempotent: true })
        .catch((e) => {
          if (!isStatus(e, 404)) throw e;
        });
      return;
    }
    // Look first: a retried create whose answer was lost must not fail on the service's "conflicting object".
    const existing = await t.getAll<GRoleAssignment>(paths.directoryRoleAssignmentsOf(gid, d.roleDefinitionId));
    if (existing.some((a) => scopeOf(a.directoryScopeId).toLowerCase() === d.scope.toLowerCase())) return;
    await t.post(paths.directoryRoleAssignments, {
      '@odata.type': '#microsoft.graph.unifiedRoleAssignment',
      principalId: gid,
      roleDefinitionId: d.roleDefinitionId,
      directoryScopeId: d.scope,
    });
  },

  present: (op, g) =>
    (g.directoryRoles ?? []).some(
      (a) => keyOf(a.roleDefinitionId, a.directoryScopeId) === keyOf(op.detail.roleDefinitionId, op.detail.scope),
    ),

  export: (s, c): Partial<Bindings> =>
    s.directoryRoles?.length
      ? {
          directoryRoles: s.directoryRoles.map((a) => ({
            role: directoryRoleOf(c, a.roleDefinitionId)?.displayName ?? a.roleDefinitionId,
            ...(a.directoryScopeId === '/' ? {} : { scope: a.directoryScopeId }),
          })),
        }
      : {},

  notes: (op: StepOf<'directoryRole'>) =>
    op.detail.privileged && op.action === 'add'
      ? ['Microsoft marks this role privileged: require approval and MFA on member activation']
      : [],
};
