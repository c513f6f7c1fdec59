// Intune role: the group is a member of an Intune role assignment (beta deviceManagement API), with scope tags.
// Removal keeps the assignment's other member groups.
import type { Bindings } from '../../definitions/model';
import type { BindingKindSpec, StepOf } from '../kind';
import { isStatus } from '../httpStatus';
import { intuneRoleOf, scopeTagOf } from '../resolve';
import { sameSet } from '../sameSet';
import { paths } from '../../graph/api/paths';

interface GIntuneDef {
  id: string;
  displayName: string;
  roleAssignments?: { id: string; displayName: string; members?: string[]; roleScopeTagIds?: string[] }[];
}

const INTUNE_BIND = (id: string) => `https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('${id}')`;
const ASSIGNMENT = '#microsoft.graph.deviceAndAppManagementRoleAssignment';
const beta = { version: 'beta' as const };

export const intuneRole: BindingKindSpec<'intuneRole'> = {
  kind: 'intuneRole',
  field: 'intuneRoles',

  read: ({ catalog, groups, existing }) => {
    let defs: GIntuneDef[] = [];
    return {
      batch: [
        {
          version: 'beta',
          url: paths.intuneRoleDefinitionsWithAssignments,
          use: (b) => {
            defs = b as GIntuneDef[];
          },
        },
        {
          version: 'beta',
          url: paths.intuneRoleScopeTags,
          use: (b) => {
            catalog.scopeTags = (b as { id: string; displayName: string }[]).map((x) => ({
              id: String(x.id),
              displayName: x.displayName,
            }));
          },
        },
      ],
      then: () => {
        catalog.intuneRoles = defs.map((d) => ({ id: d.id, displayName: d.displayName }));
        for (const d of defs)
          for (const a of d.roleAssignments ?? [])
            for (const g of existing) {
              if ((a.members ?? []).some((m) => m.toLowerCase() === g.id!.toLowerCase())) {
                groups[g.key].intuneRoles.push({
                  id: a.id,
                  displayName: a.displayName,
                  roleDefinitionId: d.id,
                  members: a.members ?? [],
                  roleScopeTagIds: (a.roleScopeTagIds ?? ['0']).map(String),
                });
              }
            }
      },
    };
  },

  plan: (ctx) => {
    const { catalog: cat, actual, groupId } = ctx;
    if (ctx.readFailed()) return;
    const wanted = new Set<string>();
    ctx.bindings.intuneRoles!.forEach((r, i) => {
      const role = intuneRoleOf(cat, r.role);
      if (!role)
        return ctx.error(
          ['intuneRoles', i, 'role'],
          `Intune role '${r.role}' does not exist in the tenant (known: ${cat.intuneRoles.map((x) => x.displayName).join(', ')}).`,
        );
      const tags = (r.scopeTags ?? ['Default']).map((t) => ({ ref: t, tag: scopeTagOf(cat, t) }));
      const unknown = tags.filter((t) => !t.tag);
      if (unknown.length)
        return ctx.error(
          ['intuneRoles', i, 'scopeTags'],
          `Intune scope tag(s) ${unknown.map((t) => `'${t.ref}'`).join(', ')} do not exist (known: ${cat.scopeTags.map((x) => x.displayName).join(', ')}).`,
        );
      wanted.add(role.id);
      const tagIds = tags.map((t) => t.tag!.id);
      const tagText = (ids: string[]) =>
        ids.map((id) => `${scopeTagOf(cat, id)?.displayName ?? id} (${id})`).join(', ');
      const name = `Intune role '${role.displayName}' (id ${role.id})`;
      const current = actual.intuneRoles.find((a) => a.roleDefinitionId === role.id);
      const detail = {
        binding: 'intuneRole' as const,
        roleDefinitionId: role.id,
        roleName: role.displayName,
        scopeTagIds: tagIds,
      };
      if (!current)
        ctx.op(
          `intune/${role.id}`,
          'add',
          detail,
          `grant ${name}, scope tags ${tagText(tagIds)}`,
          null,
          tagText(tagIds),
          ['intuneRoles', i],
        );
      else if (!sameSet(current.roleScopeTagIds, tagIds))
        ctx.op(
          `intune/${role.id}`,
          'change',
          { ...detail, assignmentId: current.id },
          `change scope tags of ${name}`,
          tagText(current.roleScopeTagIds),
          tagText(tagIds),
          ['intuneRoles', i, 'scopeTags'],
        );
      ctx.grant(`Intune role ${role.displayName} (scope tags ${tags.map((t) => t.tag!.displayName).join(', ')})`);
    });
    for (const a of actual.intuneRoles.filter((x) => !wanted.has(x.roleDefinitionId))) {
      const roleName = intuneRoleOf(cat, a.roleDefinitionId)?.displayName ?? a.roleDefinitionId;
      const others = a.members.filter((m) => m.toLowerCase() !== groupId?.toLowerCase());
      ctx.op(
        `intune/${a.roleDefinitionId}`,
        'remove',
        {
          binding: 'intuneRole',
          roleDefinitionId: a.roleDefinitionId,
          roleName,
          scopeTagIds: a.roleScopeTagIds,
          assignmentId: a.id,
          otherMembers: others,
        },
        `revoke Intune role '${roleName}' (assignment '${a.displayName}', id ${a.id})`,
        roleName,
        null,
        ['intuneRoles'],
      );
    }
  },

  apply: async (t, op, gid) => {
    const d = op.detail;
    if (op.action === 'remove') {
      if (d.otherMembers?.length)
        await t.patch(
          paths.intuneRoleAssignment(d.assignmentId!),
          { '@odata.type': ASSIGNMENT, members: d.otherMembers },
          beta,
        );
      else
        await t
          .request('DELETE', paths.intuneRoleAssignment(d.assignmentId!), undefined, {
            ...beta,
            idempotent: true,
          })
          .catch((e) => {
            if (!isStatus(e, 404)) throw e;
          });
      return;
    }
    // Look first: a retried create must not make a second assignment.
    const existing = (
      await t.getAll<{ id: string; members?: string[] }>(paths.intuneRoleAssignmentsOf(d.roleDefinitionId), beta)
    ).find((a) => (a.members ?? []).some((m) => m.toLowerCase() === gid.toLowerCase()));
    const id = d.assignmentId ?? existing?.id;
    if (id) {
      await t.patch(
        paths.intuneRoleAssignment(id),
        { '@odata.type': ASSIGNMENT, roleScopeTagIds: d.scopeTagIds },
        beta,
      );
      return;
    }
    await t.post(
      paths.intuneRoleAssignments,
      {
        '@odata.type': ASSIGNMENT,
        displayName: `${d.roleName} (pim-groups ${op.groupKey})`,
        description: 'Managed by pim-groups: members of the PIM group hold this role while their membership is active.',
        members: [gid],
        scopeType: 'allDevicesAndLicensedUsers',
        resourceScopes: [],
        roleScopeTagIds: d.scopeTagIds,
        'roleDefinition@odata.bind': INTUNE_BIND(d.roleDefinitionId),
      },
      beta,
    );
  },

  present: (op, g) => {
    const a = g.intuneRoles.find((x) => x.roleDefinitionId === op.detail.roleDefinitionId);
    return a ? op.action === 'remove' || sameSet(a.roleScopeTagIds, op.detail.scopeTagIds) : false;
  },

  export: (s, c): Partial<Bindings> =>
    s.intuneRoles.length
      ? {
          intuneRoles: s.intuneRoles.map((a) => ({
            role: intuneRoleOf(c, a.roleDefinitionId)?.displayName ?? a.roleDefinitionId,
            scopeTags: a.roleScopeTagIds.map((id) => scopeTagOf(c, id)?.displayName ?? id),
          })),
        }
      : {},

  notes: (op: StepOf<'intuneRole'>) =>
    op.action === 'remove' && op.detail.otherMembers?.length
      ? [`the assignment keeps its ${op.detail.otherMembers.length} other member group(s)`]
      : [],
};
