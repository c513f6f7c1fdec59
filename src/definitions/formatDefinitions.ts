// Model → YAML text (export writes files with it). Keys come out in the order of the language reference;
// defaults (role: member, type: security, mode: authoritative) are left out, so format(parse(x)) re-parses
// to the same model.
import { stringify } from 'yaml';
import { AssignmentDefinition, Definition, PimGroupDefinition, RolePolicy, RolePolicyBlock } from './model';

type Plain = Record<string, unknown>;

/** Picks `keys` in order, leaving out undefined values (null stays: it means "turn off"). */
function pick(o: object | undefined, keys: readonly string[]): Plain | undefined {
  if (!o) return undefined;
  const out: Plain = {};
  for (const k of keys) {
    const v = (o as Plain)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function rolePolicy(p: RolePolicy | RolePolicyBlock): Plain {
  const a = p.activation;
  const activation =
    a &&
    pick(
      { ...a, approval: a.approval && pick(a.approval, ['approvers', 'requireApproverJustification', 'timeoutDays']) },
      ['maxDuration', 'requireMfa', 'requireJustification', 'requireTicket', 'authenticationContext', 'approval'],
    );
  const notifications =
    p.notifications &&
    Object.fromEntries(
      Object.entries(p.notifications).map(([event, recipients]) => [
        event,
        Object.fromEntries(
          Object.entries(recipients ?? {}).map(([r, s]) => [
            r,
            pick(s, ['defaultRecipients', 'additionalRecipients', 'criticalOnly']),
          ]),
        ),
      ]),
    );
  return pick(
    {
      template: (p as RolePolicyBlock).template,
      activation,
      eligibility: pick(p.eligibility, ['allowPermanent', 'maxDuration']),
      assignment: pick(p.assignment, [
        'allowPermanent',
        'maxDuration',
        'requireMfa',
        'requireJustification',
        'requireTicket',
      ]),
      notifications,
    },
    ['template', 'activation', 'eligibility', 'assignment', 'notifications'],
  )!;
}

function assignment(a: AssignmentDefinition): Plain {
  return pick({ ...a, role: a.role === 'member' ? undefined : a.role, ticket: pick(a.ticket, ['system', 'number']) }, [
    'principal',
    'role',
    'duration',
    'until',
    'permanent',
    'start',
    'renew',
    'justification',
    'ticket',
  ])!;
}

function pimGroup(g: PimGroupDefinition): Plain {
  const policies = pick(
    {
      member: g.policies.member && rolePolicy(g.policies.member),
      owner: g.policies.owner && rolePolicy(g.policies.owner),
    },
    ['member', 'owner'],
  )!;
  const { mode, renew, eligible, active } = g.assignments;
  // An empty list is written when the model says it was written: `eligible: []` means nobody, not "not managed".
  const list = (kind: 'eligible' | 'active', items: AssignmentDefinition[]) =>
    items.length || g.assignments.written?.includes(kind) ? items.map(assignment) : undefined;
  const assignments = pick(
    {
      mode: mode === 'authoritative' ? undefined : mode,
      renew,
      eligible: list('eligible', eligible),
      active: list('active', active),
    },
    ['mode', 'renew', 'eligible', 'active'],
  )!;
  const b = g.bindings;
  const bindings =
    b &&
    pick(
      {
        directoryRoles: b.directoryRoles?.map((r) => pick(r, ['role', 'scope'])),
        intuneRoles: b.intuneRoles?.map((r) => pick(r, ['role', 'scopeTags'])),
        azureRoles: b.azureRoles?.map((r) => pick(r, ['scope', 'role'])),
        licenses: b.licenses?.map((l) => pick(l, ['sku', 'disabledPlans'])),
        conditionalAccess: pick(b.conditionalAccess, ['excludeFrom', 'includeIn']),
        team: b.team,
      },
      ['directoryRoles', 'intuneRoles', 'azureRoles', 'licenses', 'conditionalAccess', 'team'],
    );
  return pick(
    {
      apiVersion: g.apiVersion,
      kind: g.kind,
      metadata: pick(g.metadata, ['name', 'useCase', 'description']),
      group: pick({ ...g.group, type: g.group.type === 'security' ? undefined : g.group.type }, [
        'displayName',
        'id',
        'type',
        'mailNickname',
        'description',
        'roleAssignable',
        'onboard',
        'visibility',
        'owners',
      ]),
      policies: Object.keys(policies).length ? policies : undefined,
      assignments: Object.keys(assignments).length ? assignments : undefined,
      bindings,
    },
    ['apiVersion', 'kind', 'metadata', 'group', 'policies', 'assignments', 'bindings'],
  )!;
}

/** One YAML document per definition, separated by `---`. */
export function formatDefinitions(defs: readonly Definition[]): string {
  return defs
    .map((d) => {
      const plain =
        d.kind === 'PimGroup'
          ? pimGroup(d)
          : pick(
              {
                apiVersion: d.apiVersion,
                kind: d.kind,
                metadata: pick(d.metadata, ['name', 'description']),
                policy: rolePolicy(d.policy),
              },
              ['apiVersion', 'kind', 'metadata', 'policy'],
            )!;
      return stringify(plain, { lineWidth: 0, indent: 2 });
    })
    .join('---\n');
}
