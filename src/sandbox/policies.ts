// roleManagementPolicyAssignments, roleManagementPolicies and their rules for groups (scopeType 'Group').
// Changing a policy or a rule onboards the group, which changes the policy ids (reference §3.1, §4.1).
import { GraphError, badRequest } from './graphError';
import { eqValues } from './filter';
import { collection, contextUrl, entity, project } from './odata';
import { route, Route } from './router';
import {
  ROLES,
  onboard,
  policyAssignmentView,
  policyId,
  policyView,
  resolvePolicyId,
  ruleOf,
  rulesOf,
  writeRule,
} from './policyModel';
import { mergeRule } from './ruleValidation';
import { canUsePim, isCurrentOrFuture as isCurrentOrFutureAt, schedulesOfGroup } from './pimIndex';
import { canReadGroupPim, canWriteGroupPim, pimForbidden } from './rbac';
import { ok, noContent } from './context';
import type { SbCtx } from './context';
import type { AccessId, SbGroup } from './types';

const ASSIGNMENTS = 'policies/roleManagementPolicyAssignments';
const POLICIES = 'policies/roleManagementPolicies';

/** Groups named by the required `scopeId eq '..' and scopeType eq '..'` filter. */
function scopedGroups(ctx: SbCtx): { groups: SbGroup[]; roles: AccessId[] } {
  const scopeIds = eqValues(ctx.query.filter, 'scopeId');
  const scopeTypes = eqValues(ctx.query.filter, 'scopeType');
  // ISSUE microsoft-graph-docs#15910: the PIM backend's envelope, a JSON document in the message.
  if (!scopeIds.length || !scopeTypes.length) {
    throw new GraphError(
      400,
      'UnknownError',
      JSON.stringify({ errorCode: 'MissingProvider', message: 'The provider is missing.', instanceAnnotations: [] }),
    );
  }
  const roleFilter = eqValues(ctx.query.filter, 'roleDefinitionId').map((r) => r.toLowerCase());
  const roles = ROLES.filter((r) => !roleFilter.length || roleFilter.includes(r));
  if (!scopeTypes.every((t) => t.toLowerCase() === 'group')) return { groups: [], roles }; // directory roles are not modelled
  const now = ctx.clock.now();
  // A group created a moment ago has no policy assignments yet (eventual consistency: an empty list).
  const groups = scopeIds
    .map((id) => ctx.state.groups[id.toLowerCase()])
    .filter((g): g is SbGroup => Boolean(g) && canUsePim(g) && !ctx.replication.lagging(g.id));
  if (!groups.every((g) => canReadGroupPim(ctx.state, ctx.caller, g, now) || isEligibleIn(ctx, g, now)))
    throw pimForbidden();
  return { groups, roles };
}

/**
 * An eligible member or owner may read the policy of their own group (what My Access shows before activating:
 * the maximum duration and what activation requires). UNCONFIRMED: the portal shows these to eligible users; that
 * Graph lets them read the policy assignments (with $expand) is assumed, see docs/sandbox.md.
 */
function isEligibleIn(ctx: SbCtx, g: SbGroup, now: Date): boolean {
  return schedulesOfGroup(ctx.state, g.id).some(
    (s) => s.kind === 'eligibility' && s.principalId === ctx.caller.id && isCurrentOrFutureAt(s, now),
  );
}

function expandPolicy(ctx: SbCtx, g: SbGroup, role: AccessId, expand = ctx.query.expand): Record<string, unknown> {
  const rulesItem = expand?.find((e) => e.name.toLowerCase() === 'rules');
  const effective = expand?.find((e) => e.name.toLowerCase() === 'effectiverules');
  const view = policyView(ctx.state, g, role, false);
  // A group policy inherits nothing, so its effective rules are its rules.
  for (const [name, item] of [
    ['effectiveRules', effective],
    ['rules', rulesItem],
  ] as const) {
    if (!item) continue;
    if (item.select?.length)
      view[`${name}@odata.context`] = contextUrl(ctx, `${POLICIES}('${view.id}')/${name}`, item.select);
    view[name] = policyView(ctx.state, g, role, true, item.select).rules;
  }
  return view;
}

function assignmentWithExpand(ctx: SbCtx, g: SbGroup, role: AccessId): Record<string, unknown> {
  const v = policyAssignmentView(ctx.state, g, role);
  const policyItem = ctx.query.expand?.find((e) => e.name.toLowerCase() === 'policy');
  if (policyItem) v.policy = project(expandPolicy(ctx, g, role, policyItem.expand), policyItem.select);
  return v;
}

function resolve(ctx: SbCtx, id: string) {
  const hit = resolvePolicyId(ctx.state, id);
  if (!hit) throw new GraphError(404, 'ResourceNotFound', `The policy '${id}' is not found.`); // UNCONFIRMED code
  return hit;
}

function applyPatch(
  ctx: SbCtx,
  g: SbGroup,
  role: AccessId,
  ruleId: string,
  patch: Record<string, unknown>,
  typeRequired: boolean,
) {
  if (!canWriteGroupPim(ctx.state, ctx.caller, g, ctx.clock.now())) throw pimForbidden();
  const current = rulesOf(ctx.state, g.id, role).find((r) => r.id.toLowerCase() === ruleId.toLowerCase());
  if (!current) throw new GraphError(404, 'ResourceNotFound', `The rule '${ruleId}' is not found.`);
  return mergeRule(ctx.state, current, patch, typeRequired);
}

export const policyRoutes: Route[] = [
  route('GET', `/${ASSIGNMENTS}`, (ctx) => {
    const { groups, roles } = scopedGroups(ctx);
    const rows = groups.flatMap((g) => roles.map((r) => assignmentWithExpand(ctx, g, r)));
    const saved = ctx.query.filter;
    ctx.query.filter = undefined; // the scope filter is already applied
    try {
      return collection(ctx, rows, { entitySet: ASSIGNMENTS });
    } finally {
      ctx.query.filter = saved;
    }
  }),
  route('GET', `/${ASSIGNMENTS}/{id}`, (ctx, [id]) => {
    const m = /^(.*)_(member|owner)$/i.exec(id);
    const hit = m ? resolvePolicyId(ctx.state, m[1]) : undefined;
    if (!hit || hit.role !== m![2].toLowerCase())
      throw new GraphError(404, 'ResourceNotFound', `The policy assignment '${id}' is not found.`);
    return entity(ctx, ASSIGNMENTS, assignmentWithExpand(ctx, hit.group, hit.role));
  }),
  route('GET', `/${POLICIES}`, (ctx) => {
    const { groups, roles } = scopedGroups(ctx);
    const rows = groups.flatMap((g) => roles.map((r) => expandPolicy(ctx, g, r)));
    const saved = ctx.query.filter;
    ctx.query.filter = undefined;
    try {
      return collection(ctx, rows, { entitySet: POLICIES });
    } finally {
      ctx.query.filter = saved;
    }
  }),
  route('GET', `/${POLICIES}/{id}`, (ctx, [id]) => {
    const { group, role } = resolve(ctx, id);
    return entity(ctx, POLICIES, expandPolicy(ctx, group, role));
  }),
  route('PATCH', `/${POLICIES}/{id}`, (ctx, [id]) => {
    const { group, role } = resolve(ctx, id);
    const rules = (ctx.body as { rules?: unknown } | null)?.rules;
    if (!Array.isArray(rules)) throw badRequest("The request body must contain a 'rules' array.");
    const merged = rules.map((r) =>
      applyPatch(ctx, group, role, String((r as Record<string, unknown>).id ?? ''), r as Record<string, unknown>, true),
    ); // each rule of the abstract collection needs its derived type
    const now = ctx.clock.now();
    for (const r of merged) writeRule(ctx.state, group.id, role, r, ctx.caller, now);
    onboard(group);
    ctx.dirty();
    ctx.query.expand = undefined; // the v1.0 PATCH answers the policy without its rules
    return entity(ctx, POLICIES, expandPolicy(ctx, group, role));
  }),
  route('GET', `/${POLICIES}/{id}/rules`, (ctx, [id]) => {
    const { group, role } = resolve(ctx, id);
    return collection(ctx, rulesOf(ctx.state, group.id, role), {
      entitySet: `${POLICIES}('${policyId(ctx.state, group, role)}')/rules`,
    });
  }),
  route('GET', `/${POLICIES}/{id}/rules/{rule}`, (ctx, [id, ruleId]) => {
    const { group, role } = resolve(ctx, id);
    const r = rulesOf(ctx.state, group.id, role).find((x) => x.id.toLowerCase() === ruleId.toLowerCase());
    if (!r) throw new GraphError(404, 'ResourceNotFound', `The rule '${ruleId}' is not found.`);
    return ok({
      '@odata.context': `${contextUrl(ctx, `${POLICIES}('${policyId(ctx.state, group, role)}')/rules`)}/$entity`,
      ...r,
    });
  }),
  route('PATCH', `/${POLICIES}/{id}/rules/{rule}`, (ctx, [id, ruleId]) => {
    const { group, role } = resolve(ctx, id);
    const merged = applyPatch(ctx, group, role, ruleId, (ctx.body ?? {}) as Record<string, unknown>, true);
    writeRule(ctx.state, group.id, role, merged, ctx.caller, ctx.clock.now());
    onboard(group);
    ctx.dirty();
    return noContent();
  }),
];

export { ruleOf };
