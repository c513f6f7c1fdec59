// Plan-time checks of tenant facts that make a valid file fail in practice (docs/rules.md, PIM230–PIM235):
// an authentication context that does not exist or that no enabled Conditional Access policy uses (PIM then
// asks for MFA instead), an approver group nobody is in, owner-only just-in-time access on a group without a
// standing owner (Entra never removes the last owner: deactivation fails and is retried for 30 days), and more
// eligible users and approvers than Entra ID P2 / Governance licences. Warnings: the plan can still be applied.
import { principalKey } from '../definitions/principalReference';
import type { PimGroupDefinition, PolicyTemplateDefinition, Workspace } from '../definitions/model';
import { ROLES } from '../definitions/model';
import { effectivePolicy } from '../definitions/templates';
import { sourceAt } from '../definitions/sourceRef';
import type { ActualState } from '../tenant/actualState';
import type { TenantChecksScope } from '../tenant/tenantFacts';
import type { GroupPlan, PlanIssue } from './model';

const approversOf = (def: PimGroupDefinition, templates: readonly PolicyTemplateDefinition[]) =>
  ROLES.flatMap((role) => effectivePolicy(def, role, templates)?.activation?.approval?.approvers ?? []);

/** What the reader must fetch for these checks. */
export function tenantChecksScope(ws: Pick<Workspace, 'groups' | 'templates'>): TenantChecksScope {
  const contexts = new Set<string>();
  const approverGroups = new Set<string>();
  for (const g of ws.groups) {
    for (const role of ROLES) {
      const c = effectivePolicy(g, role, ws.templates)?.activation?.authenticationContext;
      if (typeof c === 'string') contexts.add(c);
    }
    for (const ref of approversOf(g, ws.templates)) if (principalKey(ref).startsWith('group:')) approverGroups.add(ref);
  }
  return {
    authenticationContexts: [...contexts].sort(),
    approverGroups: [...approverGroups].sort(),
    ownerGroups: ws.groups
      .filter((g) => g.assignments.eligible.some((a) => a.role === 'owner'))
      .map((g) => g.metadata.name),
    licences: ws.groups.some((g) => g.assignments.eligible.length > 0 || approversOf(g, ws.templates).length > 0),
  };
}

export function tenantChecks(
  ws: Pick<Workspace, 'groups' | 'templates'>,
  state: ActualState,
  plans: GroupPlan[],
): PlanIssue[] {
  const facts = state.facts;
  if (!facts) return [];
  const out: PlanIssue[] = facts.unreadable.map((why) => ({
    severity: 'warning',
    code: 'PIM235',
    message: `Could not check ${why}; that check was skipped.`,
  }));
  const idOf = (ref: string) => {
    const p = state.principals[principalKey(ref)];
    return p?.state === 'found' ? p.principal : undefined;
  };
  const licensed = new Set<string>();
  for (const def of ws.groups) {
    const key = def.metadata.name;
    for (const role of ROLES) {
      const policy = effectivePolicy(def, role, ws.templates);
      const context = policy?.activation?.authenticationContext;
      const where = sourceAt(
        def,
        def.policies[role]?.activation?.authenticationContext !== undefined
          ? ['policies', role, 'activation', 'authenticationContext']
          : ['policies', role],
      );
      if (typeof context === 'string' && facts.authenticationContexts) {
        const c = facts.authenticationContexts[context];
        if (!c || !c.available) {
          out.push({
            severity: 'warning',
            code: 'PIM230',
            groupKey: key,
            source: where,
            message: `The ${role} activation requires authentication context ${context}, which ${c ? 'is not available for use' : 'does not exist'} in the tenant. Create it (Conditional Access → Authentication contexts) and use it in a Conditional Access policy, or choose another.`,
          });
        } else if (!c.usedByEnabledPolicy) {
          out.push({
            severity: 'warning',
            code: 'PIM231',
            groupKey: key,
            source: where,
            message: `The ${role} activation requires authentication context ${context}, but no enabled Conditional Access policy uses it, so activation asks for MFA only. Target ${context} from an enabled policy (Target resources → Authentication context).`,
          });
        }
      }
      for (const ref of policy?.activation?.approval?.approvers ?? []) {
        const p = idOf(ref);
        if (p?.kind === 'group' && facts.emptyGroups?.includes(p.id)) {
          out.push({
            severity: 'warning',
            code: 'PIM232',
            groupKey: key,
            source: sourceAt(def, ['policies', role, 'activation', 'approval']),
            message: `Approver group '${ref}' of the ${role} policy has no members: nobody can approve, and each request expires unanswered after 24 hours. Add members or another approver.`,
          });
        }
        if (p?.kind === 'user') licensed.add(p.id);
      }
    }
    for (const a of def.assignments.eligible) {
      const p = idOf(a.principal);
      if (p?.kind === 'user') licensed.add(p.id);
    }
    out.push(
      ...lastOwner(
        def,
        state,
        plans.find((g) => g.key === key),
      ),
    );
  }
  const lic = facts.governanceLicences;
  if (lic && licensed.size > lic.units) {
    out.push({
      severity: 'warning',
      code: 'PIM234',
      message: `PIM for Groups needs an Entra ID P2 or Entra ID Governance licence for every eligible user and approver: the definitions name ${licensed.size}, and the tenant has ${lic.units ? `${lic.units} (${lic.skus.join(', ')})` : 'none'}. Check the licences before relying on these assignments.`,
    });
  }
  return out;
}

/** Owners stay only while a standing owner remains: one that is not there through a time-bound or activated assignment. */
function lastOwner(def: PimGroupDefinition, state: ActualState, plan: GroupPlan | undefined): PlanIssue[] {
  if (!def.assignments.eligible.some((a) => a.role === 'owner')) return [];
  const lookup = state.groups[def.metadata.name];
  const group = lookup?.state === 'found' ? lookup.group : undefined;
  const owners = group ? state.facts?.owners?.[group.id] : [];
  if (!owners) return [];
  const removed = new Set(
    (plan?.operations ?? []).flatMap((o) =>
      (o.kind === 'removeAssignment' && o.assignmentKind === 'active' && o.role === 'owner') || o.kind === 'removeOwner'
        ? [o.principal.id]
        : [],
    ),
  );
  // Standing owners the plan adds through group.owners count like the ones already there.
  const added = (plan?.operations ?? []).filter((o) => o.kind === 'addOwner').length;
  const temporary = new Set(
    (group?.schedules ?? [])
      .filter(
        (s) =>
          s.kind === 'active' &&
          s.role === 'owner' &&
          (!s.permanent || (s.assignmentType ?? '').toLowerCase() === 'activated'),
      )
      .map((s) => s.principalId),
  );
  const standing =
    owners.filter((id) => !removed.has(id) && !temporary.has(id)).length +
    def.assignments.active.filter((a) => a.role === 'owner' && a.permanent).length +
    added;
  if (standing) return [];
  return [
    {
      severity: 'warning',
      code: 'PIM233',
      groupKey: def.metadata.name,
      source: sourceAt(def, ['assignments', 'eligible']),
      message: `'${def.group.displayName}' would have owners only through just-in-time access and no standing owner. Entra never removes a group's last owner: when the last activation ends, its removal fails and is retried for up to 30 days, and that owner stays. Keep one standing owner (a permanent active owner or an owner outside PIM).`,
    },
  ];
}
