// isAssignableToRole is set when a group is created and never changed by the service, in either direction. A file
// that disagrees with an existing group can therefore never converge: the plan says so (PIM240) instead of trying.
import type { PimGroupDefinition } from '../definitions/model';
import { sourceAt } from '../definitions/sourceRef';
import type { ActualGroup } from '../tenant/actualState';
import type { PlanIssue } from './model';

export function roleAssignableIssue(def: PimGroupDefinition, group: ActualGroup | undefined): PlanIssue | undefined {
  if (!group || def.group.roleAssignable === undefined) return undefined;
  const actual = group.roleAssignable === true;
  if (actual === def.group.roleAssignable) return undefined;
  return {
    severity: 'error',
    code: 'PIM240',
    groupKey: def.metadata.name,
    source: sourceAt(def, ['group', 'roleAssignable']),
    message: actual
      ? `'${group.displayName}' (${group.id}) is role-assignable and the file says roleAssignable: false; the service never changes isAssignableToRole after creation. Write roleAssignable: true, or use another group.`
      : `'${group.displayName}' (${group.id}) was not created role-assignable, and isAssignableToRole can be set only when a group is created; it can never hold a Microsoft Entra role. Create a new group for this definition (a new displayName and metadata.name), or remove roleAssignable.`,
  };
}
