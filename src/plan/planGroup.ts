// One PimGroup definition vs its lookup in the tenant: group creation and onboarding, both policies, assignments.
import { effectivePolicy } from '../definitions/templates';
import { principalKey } from '../definitions/principalReference';
import type { PimGroupDefinition, PolicyTemplateDefinition, Role } from '../definitions/model';
import { ROLES } from '../definitions/model';
import type { ActualState } from '../tenant/actualState';
import type { AppliedGroupRecord } from './appliedRecord';
import { defaultPolicyRules, rulesById } from './defaultPolicy';
import type { GroupField, GroupPlan, Operation, PlanBasis, PlanIssue, RiskMark, UpdateGroupOp } from './model';
import { roleAssignableIssue } from './roleAssignable';
import { planAssignments } from './planAssignments';
import { planOwners } from './planOwners';
import { visibilityIssue } from './visibility';
import { planPolicy, PolicyPlan } from './planPolicy';
import { sourceAt } from '../definitions/sourceRef';

export interface GroupPlanResult {
  plan: GroupPlan;
  issues: PlanIssue[];
  managed: PlanBasis['managed'][string];
  record: AppliedGroupRecord;
}

/**
 * The group's uniqueName (its alternate key in the directory, immutable once set): derived from metadata.name, so
 * the same definition always upserts the same group and a lost create answer can never make a second one.
 */
export function uniqueNameFor(metadataName: string): string {
  return `pim-groups.${metadataName}`;
}

export function mailNicknameFor(displayName: string): string {
  return (
    displayName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 64) || 'pim-group'
  );
}

export function planGroup(
  def: PimGroupDefinition,
  templates: readonly PolicyTemplateDefinition[],
  state: ActualState,
  now: number,
  last?: AppliedGroupRecord,
): GroupPlanResult {
  const key = def.metadata.name;
  const lookup = state.groups[key] ?? { state: 'absent' as const };
  const issues: PlanIssue[] = [];
  const ops: Operation[] = [];
  const groupSource = sourceAt(def, ['group']);
  const result = (): GroupPlanResult => ({
    plan: {
      key,
      displayName: def.group.displayName,
      groupId: lookup.state === 'found' ? lookup.group.id : undefined,
      source: sourceAt(def, ['metadata', 'name']),
      operations: ops,
    },
    issues,
    managed,
    record,
  });
  const managed: PlanBasis['managed'][string] = { fields: {}, assignments: {} };
  const record: AppliedGroupRecord = { fields: {}, assignments: [], authoritativeRoles: [] };

  if (lookup.state === 'ambiguous') {
    issues.push({
      severity: 'error',
      code: 'PIM205',
      groupKey: key,
      source: sourceAt(def, ['group', 'displayName']),
      message: `${lookup.ids.length} groups are named '${def.group.displayName}' (${lookup.ids.join(', ')}); pin one with group.id.`,
    });
    return result();
  }
  if (lookup.state === 'error') {
    issues.push({ severity: 'error', code: 'PIM212', groupKey: key, source: groupSource, message: lookup.message });
    return result();
  }
  if (lookup.state === 'absent' && def.group.id) {
    issues.push({
      severity: 'error',
      code: 'PIM206',
      groupKey: key,
      source: sourceAt(def, ['group', 'id']),
      message: `No group has the id ${def.group.id} that '${key}' pins; fix the id, or remove it to create the group by name.`,
    });
    return result();
  }
  const group = lookup.state === 'found' ? lookup.group : undefined;
  if (group?.dynamic)
    issues.push({
      severity: 'error',
      code: 'PIM203',
      groupKey: key,
      source: groupSource,
      message: `'${group.displayName}' has dynamic membership; PIM for Groups cannot manage it. Use an assigned-membership group.`,
    });
  if (group?.synced)
    issues.push({
      severity: 'error',
      code: 'PIM204',
      groupKey: key,
      source: groupSource,
      message: `'${group.displayName}' is synchronized from on-premises; PIM for Groups cannot manage it. Use a cloud group.`,
    });
  if (group && group.type !== def.group.type)
    issues.push({
      severity: 'warning',
      code: 'PIM211',
      groupKey: key,
      source: sourceAt(def, ['group', 'type']),
      message: `'${group.displayName}' is a ${group.type} group in the tenant but the file says ${def.group.type}; a group's type cannot be changed, so the file's type is ignored.`,
    });
  const roleAssignable = roleAssignableIssue(def, group);
  if (roleAssignable) issues.push(roleAssignable);
  const visibility = visibilityIssue(def, group);
  if (visibility) issues.push(visibility);
  if (issues.some((i) => i.severity === 'error')) return result();

  const base: string[] = [];
  if (!group) {
    const op = {
      kind: 'createGroup' as const,
      id: `${key}/group`,
      groupKey: key,
      marks: [] as RiskMark[],
      dependsOn: [],
      source: groupSource,
      group: {
        displayName: def.group.displayName,
        type: def.group.type,
        uniqueName: uniqueNameFor(key),
        mailNickname: def.group.mailNickname ?? mailNicknameFor(def.group.displayName),
        ...(def.group.description ? { description: def.group.description } : {}),
        ...(def.group.roleAssignable ? { roleAssignable: true } : {}),
        ...(def.group.visibility && def.group.type === 'microsoft365' ? { visibility: def.group.visibility } : {}),
      },
      summary: `create ${def.group.roleAssignable ? 'role-assignable ' : ''}${def.group.type} group '${def.group.displayName}'`,
    };
    // Both are set at creation only and never changed by the service.
    if (def.group.roleAssignable || op.group.visibility === 'HiddenMembership') op.marks.push('irreversible');
    ops.push(op);
    base.push(op.id);
  }
  // What the file says about the group itself, recorded even for a group this plan creates (for drift later).
  record.group = {
    displayName: def.group.displayName,
    ...(def.group.description !== undefined ? { description: def.group.description } : {}),
    ...(def.group.visibility !== undefined ? { visibility: def.group.visibility } : {}),
  };
  record.file = def.source.file;
  if (group) record.groupId = group.id;
  // The group the last apply used, found again by its id although the file's name changed: a rename, not a new group.
  const renamed = Boolean(!def.group.id && group && last?.groupId === group.id);
  if (!def.group.id && last?.groupId && group?.id !== last.groupId) {
    issues.push({
      severity: 'warning',
      code: 'PIM216',
      groupKey: key,
      source: groupSource,
      message: `The group '${key}' was applied to (${last.groupId}) no longer exists; the plan ${group ? `uses the group named '${group.displayName}' (${group.id}) instead` : `creates a new group '${def.group.displayName}'`}.`,
    });
  }
  if (group) {
    const wanted: UpdateGroupOp['changes'] = [];
    const managedGroup: GroupField[] = [];
    if (def.group.id || renamed) {
      managedGroup.push('displayName');
      if (group.displayName !== def.group.displayName) {
        const drift = last?.group?.displayName === def.group.displayName;
        wanted.push({ field: 'displayName', before: group.displayName, after: def.group.displayName, drift });
        if (renamed && !drift) {
          issues.push({
            severity: 'warning',
            code: 'PIM215',
            groupKey: key,
            source: sourceAt(def, ['group', 'displayName']),
            message: `'${key}' renames its group ${group.id} from '${group.displayName}' to '${def.group.displayName}' (the applied record knows its id; no new group is created). Pin it in the file with group.id: ${group.id}, so the link does not depend on the applied record.`,
          });
        }
      }
    }
    if (def.group.description !== undefined) {
      managedGroup.push('description');
      if ((group.description ?? '') !== def.group.description)
        wanted.push({
          field: 'description',
          before: group.description,
          after: def.group.description,
          drift: last?.group?.description === def.group.description,
        });
    }
    // Private ↔ Public changes in place; a change to or from HiddenMembership is PIM242 (visibility.ts).
    if (def.group.visibility !== undefined && group.type === 'microsoft365') {
      managedGroup.push('visibility');
      const before = group.visibility ?? null;
      if ((before ?? '').toLowerCase() !== def.group.visibility.toLowerCase())
        wanted.push({
          field: 'visibility',
          before,
          after: def.group.visibility,
          drift: last?.group?.visibility === def.group.visibility,
        });
    }
    managed.groupFields = managedGroup;
    if (wanted.length) {
      ops.push({
        kind: 'updateGroup',
        id: `${key}/group/update`,
        groupKey: key,
        dependsOn: [],
        source: groupSource,
        changes: wanted,
        marks: wanted.some((c) => c.drift) ? ['drift'] : [],
        summary: `${wanted.some((c) => c.field === 'displayName') && renamed ? 'rename group' : 'update group'} ${wanted.map((c) => (c.field === 'description' ? c.field : `${c.field} '${c.before}' → '${c.after}'`)).join(', ')}`,
      });
    }
  }
  // `onboard: false` keeps the group out of PIM (an export of a group that is not onboarded says so); PIM064 made
  // sure such a file writes no policy and no assignment, which would onboard it anyway.
  if (def.group.onboard === false && group?.onboarded) {
    issues.push({
      severity: 'warning',
      code: 'PIM218',
      groupKey: key,
      source: sourceAt(def, ['group', 'onboard']),
      message: `'${group.displayName}' is onboarded to PIM in the tenant, and the file says onboard: false; a group cannot leave PIM. Remove onboard: false.`,
    });
  }
  if (!group?.onboarded && def.group.onboard !== false) {
    const op = {
      kind: 'onboardGroup' as const,
      id: `${key}/onboard`,
      groupKey: key,
      marks: [],
      dependsOn: [...base],
      source: groupSource,
      summary: `onboard '${def.group.displayName}' to PIM (permanent: a group cannot leave PIM)`,
    };
    ops.push(op);
    base.push(op.id);
  }

  const policies: Partial<Record<Role, PolicyPlan>> = {};
  const resolveApprover = (ref: string) => {
    const p = state.principals[principalKey(ref)];
    return p?.state === 'found' && (p.principal.kind === 'user' || p.principal.kind === 'group')
      ? `${p.principal.kind}:${p.principal.id}`
      : undefined;
  };
  const nameOf = (typedId: string) => state.directory[typedId.slice(typedId.indexOf(':') + 1)]?.ref;
  for (const role of ROLES) {
    const policy = effectivePolicy(def, role, templates);
    if (!policy) continue;
    const rules = group?.policies[role]?.rules ?? rulesById(defaultPolicyRules());
    const p = planPolicy({
      def,
      role,
      policy,
      templates,
      rules,
      resolveApprover,
      nameOf,
      lastApplied: last?.fields[role],
      dependsOn: [...base],
    });
    policies[role] = p;
    ops.push(...p.ops);
    issues.push(...p.issues);
    managed.fields[role] = Object.keys(p.desired).sort();
    record.fields[role] = p.desired;
  }

  const tenantRules = (role: Role) => group?.policies[role]?.rules ?? rulesById(defaultPolicyRules());
  const a = planAssignments({
    def,
    state,
    now,
    lastApplied: last,
    schedules: group?.schedules ?? [],
    policy(role, path) {
      const p = policies[role];
      if (p && path in p.desired) return { value: p.desired[path], managed: true };
      const planned = planPolicy({
        def,
        role,
        policy: {},
        templates,
        rules: tenantRules(role),
        resolveApprover,
        dependsOn: [],
      });
      return { value: planned.effective(path), managed: false };
    },
    dependsOn: (role) => [...base, ...(policies[role]?.ops.map((o) => o.id) ?? [])],
  });
  const owners = planOwners(def, group, state, group ? [] : [`${key}/group`], last);
  ops.push(
    ...a.ops.filter((o) => o.kind !== 'removeAssignment'),
    ...owners.ops.filter((o) => o.kind === 'addOwner'),
    ...a.ops.filter((o) => o.kind === 'removeAssignment'),
    ...owners.ops.filter((o) => o.kind === 'removeOwner'),
  );
  issues.push(...a.issues, ...owners.issues);
  if (def.group.owners) {
    managed.owners = true;
    record.group.owners = owners.listed;
  }
  managed.assignments = a.roles;
  record.assignments = a.keys;
  record.grants = a.grants;
  record.authority = a.authority;
  record.authoritativeRoles = (Object.keys(a.roles) as Role[]).filter((r) => a.roles[r] === 'authoritative');
  return result();
}
