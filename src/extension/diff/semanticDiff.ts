// Diff with Tenant, semantically: both sides are rendered from the model by the same formatter, so layout, key
// order and list style can never show as a difference; the plan decides what differs. Where the plan has no
// operation (a field, a policy role, an assignment), the tenant side shows the file's own value, so ids, a
// duration the tenant holds as an end date, or a template the tenant holds expanded are not differences. A role
// whose policy differs and that uses a template is shown expanded on both sides (never on one only). Pure.
import { formatDefinitions } from '../../definitions/formatDefinitions';
import type {
  AssignmentDefinition,
  PimGroupDefinition,
  PolicyTemplateDefinition,
  Role,
  RolePolicyBlock,
} from '../../definitions/model';
import { effectivePolicy } from '../../definitions/templates';
import type { AssignmentOp, GroupPlan, Operation } from '../../plan/model';

export interface ExportedGroupText {
  groupId: string;
  definition: PimGroupDefinition;
}

export interface SemanticDiff {
  left: string;
  right: string;
  /** Every group of the file exists and the plan has nothing to do for it. */
  inSync: boolean;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tenant's values at the paths `wanted` sets (in `wanted`'s key order). */
export function pruneTo(tenant: unknown, wanted: unknown): unknown {
  if (!isPlain(tenant) || !isPlain(wanted)) return tenant;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(wanted)) if (key in tenant) out[key] = pruneTo(tenant[key], wanted[key]);
  return out;
}

const isAssignmentOp = (op: Operation): op is AssignmentOp =>
  op.kind === 'addAssignment' || op.kind === 'updateAssignment' || op.kind === 'removeAssignment';

type Kind = 'eligible' | 'active';

function assignmentsAsTenantHolds(
  file: PimGroupDefinition,
  tenant: PimGroupDefinition,
  ops: readonly Operation[],
  kind: Kind,
): AssignmentDefinition[] {
  const mine = ops.filter(isAssignmentOp).filter((op) => op.assignmentKind === kind);
  const opFor = (a: AssignmentDefinition) =>
    mine.find((op) => op.principal.ref.toLowerCase() === a.principal.toLowerCase() && op.role === a.role);
  const inTenant = (ref: string, role: Role) =>
    tenant.assignments[kind].find((t) => t.principal.toLowerCase() === ref.toLowerCase() && t.role === role);
  const out: AssignmentDefinition[] = [];
  for (const a of file.assignments[kind]) {
    const op = opFor(a);
    if (!op) out.push(a);
    else if (op.kind === 'updateAssignment') out.push(inTenant(a.principal, a.role) ?? a);
  }
  for (const op of mine) {
    if (op.kind === 'removeAssignment')
      out.push(inTenant(op.principal.ref, op.role) ?? { principal: op.principal.ref, role: op.role });
  }
  return out;
}

/** The two models to render for one group: the file's and the tenant's, aligned as the header explains. */
export function alignedModels(
  file: PimGroupDefinition,
  tenant: PimGroupDefinition,
  plan: GroupPlan | undefined,
  templates: readonly PolicyTemplateDefinition[],
): { file: PimGroupDefinition; tenant: PimGroupDefinition } {
  const ops = plan?.operations ?? [];
  const fileSide: PimGroupDefinition = { ...file, policies: { ...file.policies } };
  const group = { ...file.group };
  for (const op of ops) {
    if (op.kind !== 'updateGroup') continue;
    for (const c of op.changes) (group as Record<string, unknown>)[c.field] = c.before ?? undefined;
  }
  // The tenant's standing owners: the file's list without the owners the plan adds, with those it removes.
  if (file.group.owners && ops.some((op) => op.kind === 'addOwner' || op.kind === 'removeOwner')) {
    const added = new Set(ops.flatMap((op) => (op.kind === 'addOwner' ? [op.principal.ref] : [])));
    group.owners = [
      ...file.group.owners.filter((ref) => !added.has(ref)),
      ...ops.flatMap((op) => (op.kind === 'removeOwner' ? [op.principal.ref] : [])),
    ];
  }
  const policies: PimGroupDefinition['policies'] = {};
  for (const role of Object.keys(file.policies) as Role[]) {
    const block = file.policies[role] as RolePolicyBlock;
    const differs = ops.some((op) => op.kind === 'updatePolicyRule' && op.role === role);
    if (!differs) {
      policies[role] = block;
      continue;
    }
    const wanted = block.template ? (effectivePolicy(file, role, templates) ?? block) : block;
    if (block.template) fileSide.policies[role] = wanted;
    policies[role] = pruneTo(tenant.policies[role], wanted) as RolePolicyBlock;
  }
  const bindingsDiffer = ops.some(
    (op) =>
      !['createGroup', 'onboardGroup', 'updateGroup', 'updatePolicyRule', 'addOwner', 'removeOwner'].includes(
        op.kind,
      ) && !isAssignmentOp(op),
  );
  const tenantSide: PimGroupDefinition = {
    ...file,
    group,
    policies,
    assignments: {
      mode: file.assignments.mode,
      eligible: assignmentsAsTenantHolds(file, tenant, ops, 'eligible'),
      active: assignmentsAsTenantHolds(file, tenant, ops, 'active'),
    },
    bindings: bindingsDiffer ? tenant.bindings : file.bindings,
  };
  return { file: fileSide, tenant: tenantSide };
}

export function semanticDiff(
  files: readonly PimGroupDefinition[],
  templates: readonly PolicyTemplateDefinition[],
  exported: readonly ExportedGroupText[],
  plans: readonly GroupPlan[],
  where: string,
  readAt: string,
): SemanticDiff {
  const left: string[] = [];
  const right: string[] = [];
  let inSync = true;
  for (const file of files) {
    const found = exported.find((e) =>
      file.group.id
        ? e.groupId.toLowerCase() === file.group.id.toLowerCase()
        : e.definition.group.displayName.toLowerCase() === file.group.displayName.toLowerCase(),
    );
    const plan = plans.find((p) => p.key === file.metadata.name);
    if (!found) {
      inSync = false;
      left.push(
        `# ${file.metadata.name}: no group ${file.group.id ?? `'${file.group.displayName}'`} in ${where}; applying the definition creates it.\n`,
      );
      right.push(`# ${file.metadata.name}: the definition\n` + formatDefinitions([file]));
      continue;
    }
    const models = alignedModels(file, found.definition, plan, templates);
    const changes = plan?.operations.length ?? 0;
    if (changes) inSync = false;
    // The same header on both sides, so that an in-sync file shows no difference at all.
    const header = `# ${file.group.displayName}: ${changes ? `${changes} difference${changes === 1 ? '' : 's'} with ${where} (read ${readAt})` : `in sync with ${where} (read ${readAt})`}.\n`;
    left.push(header + formatDefinitions([models.tenant]));
    right.push(header + formatDefinitions([models.file]));
  }
  const join = (parts: string[]) => parts.map((p) => p.replace(/\n*$/, '\n')).join('---\n');
  return { left: join(left), right: join(right), inSync };
}
