// Template merge: the PolicyTemplate applies first, then the role block overrides it field by field.
// Lists (approvers, additionalRecipients) are replaced, never concatenated: what the block writes is the whole list
// (an approval block without approvers keeps the template's approvers).
// `null` in the block (approval: null, authenticationContext: null) overrides the template too.
import {
  NotificationSetting,
  Notifications,
  PimGroupDefinition,
  PolicyTemplateDefinition,
  Role,
  RolePolicy,
} from './model';

function mergeFields<T extends object>(base: T | undefined, over: T | undefined): T | undefined {
  if (!base) return over && { ...over };
  if (!over) return { ...base };
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) if (v !== undefined) out[k] = v;
  return out as T;
}

function mergeNotifications(
  base: Notifications | undefined,
  over: Notifications | undefined,
): Notifications | undefined {
  if (!base || !over) return mergeFields(base, over);
  const out: Notifications = { ...base };
  for (const event of Object.keys(over) as (keyof Notifications)[]) {
    const merged: Record<string, NotificationSetting | undefined> = { ...(base[event] ?? {}) };
    for (const [r, setting] of Object.entries(over[event] ?? {})) merged[r] = mergeFields(merged[r], setting);
    out[event] = merged;
  }
  return out;
}

/** Merges a template policy with a block; each section merges field by field, approval too. */
export function mergePolicy(base: RolePolicy | undefined, over: RolePolicy): RolePolicy {
  const out: RolePolicy = {};
  const activation = mergeFields(base?.activation, over.activation);
  if (activation) {
    const a = base?.activation?.approval;
    const b = over.activation?.approval;
    if (a && b)
      activation.approval = { ...mergeFields(a, b)!, approvers: b.approvers.length ? b.approvers : a.approvers };
    out.activation = activation;
  }
  const eligibility = mergeFields(base?.eligibility, over.eligibility);
  if (eligibility) out.eligibility = eligibility;
  const assignment = mergeFields(base?.assignment, over.assignment);
  if (assignment) out.assignment = assignment;
  const notifications = mergeNotifications(base?.notifications, over.notifications);
  if (notifications) out.notifications = notifications;
  return out;
}

export function findTemplate(
  name: string | undefined,
  templates: readonly PolicyTemplateDefinition[],
): PolicyTemplateDefinition | undefined {
  return name === undefined ? undefined : templates.find((t) => t.metadata.name === name);
}

/** The policy a role ends up with (template merged); undefined when the role is not managed. */
export function effectivePolicy(
  group: PimGroupDefinition,
  role: Role,
  templates: readonly PolicyTemplateDefinition[],
): RolePolicy | undefined {
  const block = group.policies[role];
  if (!block) return undefined;
  const { template, ...own } = block;
  return mergePolicy(findTemplate(template, templates)?.policy, own);
}
