// A Microsoft 365 group's visibility: Private and Public change in place, HiddenMembership is set only when the group
// is created and can never be set or cleared later (DOC group resource, `visibility`). A file that asks an existing
// group to enter or leave HiddenMembership can therefore never converge: the plan says so (PIM242).
import type { PimGroupDefinition } from '../definitions/model';
import { sourceAt } from '../definitions/sourceRef';
import type { ActualGroup } from '../tenant/actualState';
import type { PlanIssue } from './model';

const HIDDEN = 'hiddenmembership';

export function visibilityIssue(def: PimGroupDefinition, group: ActualGroup | undefined): PlanIssue | undefined {
  const wanted = def.group.visibility;
  if (!group || wanted === undefined || group.type !== 'microsoft365') return undefined;
  const actual = group.visibility ?? null;
  const hiddenNow = actual?.toLowerCase() === HIDDEN;
  if (hiddenNow === (wanted.toLowerCase() === HIDDEN)) return undefined;
  return {
    severity: 'error',
    code: 'PIM242',
    groupKey: def.metadata.name,
    source: sourceAt(def, ['group', 'visibility']),
    message: hiddenNow
      ? `'${group.displayName}' (${group.id}) has hidden membership, and the service never changes that after creation; write visibility: HiddenMembership, or use another group.`
      : `'${group.displayName}' (${group.id}) is ${actual ?? 'Public'}; HiddenMembership can be set only when a group is created. Create a new group for this definition (a new displayName and metadata.name), or write visibility: Private or Public.`,
  };
}
