// Activated directory roles as directory objects (the `directoryRole` resource): what /me/memberOf lists beside
// groups for a user who holds a role. The object id is the tenant's own (derived here from the tenant and the
// template id); roleTemplateId is the built-in role's template id (directoryRoleCatalog.ts). Only active role
// assignments appear in memberOf (DOC: user-list-memberof lists "groups, directory roles and administrative units
// that the user is a direct member of"); a role the user is only eligible for does not.
// UNCONFIRMED: the order of the objects (groups first, then roles, here).
import { BUILT_IN_ROLES } from './directoryRoleCatalog';
import { guidFrom } from './ids';
import type { SbState } from './types';

/** The directoryRole objects of these built-in role names (unknown names are left out). */
export function directoryRoleViews(state: SbState, names: readonly string[]): Record<string, unknown>[] {
  return [...new Set(names)].flatMap((name) => {
    const role = BUILT_IN_ROLES.find((r) => r.displayName === name);
    if (!role) return [];
    return [
      {
        '@odata.type': '#microsoft.graph.directoryRole',
        id: guidFrom(`${state.tenant.id}:directoryRole:${role.templateId}`),
        deletedDateTime: null,
        description: role.description,
        displayName: role.displayName,
        roleTemplateId: role.templateId,
      },
    ];
  });
}
