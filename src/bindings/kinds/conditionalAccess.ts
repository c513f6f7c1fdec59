// Conditional Access: the group in a policy's includeGroups or excludeGroups. Only this group's entry changes;
// other groups in the policy are kept (PATCH replaces arrays, so apply reads, merges and writes back).
import type { Bindings } from '../../definitions/model';
import type { BindingKindSpec } from '../kind';
import { caPolicyOf } from '../resolve';
import { paths } from '../../graph/api/paths';

interface GCaPolicy {
  id: string;
  displayName: string;
  state: string;
  conditions?: { users?: { includeGroups?: string[]; excludeGroups?: string[] } };
}

const LISTS = [
  ['excludeFrom', 'excludeGroups', 'exclude from', 'stop excluding from'],
  ['includeIn', 'includeGroups', 'include in', 'stop including in'],
] as const;

export const conditionalAccess: BindingKindSpec<'conditionalAccess'> = {
  kind: 'conditionalAccess',
  field: 'conditionalAccess',

  read: ({ catalog, groups, existing }) => ({
    batch: [
      {
        version: 'v1.0',
        url: paths.caPolicies,
        use: (b) => {
          const policies = b as GCaPolicy[];
          catalog.caPolicies = policies.map((p) => ({ id: p.id, displayName: p.displayName, state: p.state }));
          for (const g of existing) {
            const id = g.id!.toLowerCase();
            const lists = (p: GCaPolicy, k: 'includeGroups' | 'excludeGroups') =>
              (p.conditions?.users?.[k] ?? []).some((x) => x.toLowerCase() === id);
            groups[g.key].conditionalAccess = {
              excludeFrom: policies.filter((p) => lists(p, 'excludeGroups')).map((p) => p.id),
              includeIn: policies.filter((p) => lists(p, 'includeGroups')).map((p) => p.id),
            };
          }
        },
      },
    ],
  }),

  plan: (ctx) => {
    const { catalog: cat, actual } = ctx;
    const ca = ctx.bindings.conditionalAccess!;
    if (ctx.readFailed()) return;
    for (const [field, list, verb, unverb] of LISTS) {
      const wanted = new Set<string>();
      (ca[field] ?? []).forEach((ref, i) => {
        const p = caPolicyOf(cat, ref);
        if (!p)
          return ctx.error(
            ['conditionalAccess', field, i],
            `Conditional Access policy '${ref}' does not exist (policies: ${cat.caPolicies.map((x) => x.displayName).join(', ')}).`,
          );
        wanted.add(p.id);
        ctx.grant(
          `${field === 'excludeFrom' ? 'excluded from' : 'included in'} Conditional Access '${p.displayName}'${p.state === 'enabled' ? '' : ` (${p.state})`}`,
        );
        if (actual.conditionalAccess[field].includes(p.id)) return;
        ctx.op(
          `ca/${list}/${p.id}`,
          'add',
          { binding: 'conditionalAccess', policyId: p.id, policyName: p.displayName, list },
          `${verb} Conditional Access '${p.displayName}' (id ${p.id})`,
          null,
          `${list} += group`,
          ['conditionalAccess', field, i],
          field === 'excludeFrom' ? ['weakens-policy'] : [],
        );
      });
      if (ca[field] === undefined) continue;
      for (const id of actual.conditionalAccess[field].filter((x) => !wanted.has(x))) {
        const name = caPolicyOf(cat, id)?.displayName ?? id;
        ctx.op(
          `ca/${list}/${id}`,
          'remove',
          { binding: 'conditionalAccess', policyId: id, policyName: name, list },
          `${unverb} Conditional Access '${name}' (id ${id})`,
          `${list} has group`,
          null,
          ['conditionalAccess', field],
        );
      }
    }
  },

  apply: async (t, op, gid) => {
    const d = op.detail;
    // PATCH replaces arrays wholesale: read, change only this group's entry, write the list back.
    const p = await t.get<{ conditions?: { users?: Record<string, string[] | undefined> } }>(
      paths.caPolicy(d.policyId),
    );
    const current = p.conditions?.users?.[d.list] ?? [];
    const without = current.filter((x) => x.toLowerCase() !== gid.toLowerCase());
    const next = op.action === 'remove' ? without : [...without, gid];
    if (next.length === current.length && op.action === 'remove') return;
    if (op.action !== 'remove' && without.length !== current.length) return;
    await t.patch(paths.caPolicy(d.policyId), { conditions: { users: { [d.list]: next } } });
  },

  present: (op, g) =>
    g.conditionalAccess[op.detail.list === 'excludeGroups' ? 'excludeFrom' : 'includeIn'].includes(op.detail.policyId),

  export: (s, c): Partial<Bindings> => {
    const ca = s.conditionalAccess;
    if (!ca.excludeFrom.length && !ca.includeIn.length) return {};
    const out: NonNullable<Bindings['conditionalAccess']> = {};
    if (ca.excludeFrom.length) out.excludeFrom = ca.excludeFrom.map((id) => caPolicyOf(c, id)?.displayName ?? id);
    if (ca.includeIn.length) out.includeIn = ca.includeIn.map((id) => caPolicyOf(c, id)?.displayName ?? id);
    return { conditionalAccess: out };
  },

  notes: (op) => [`only this group's entry in ${op.detail.list} changes; other groups in the policy are kept`],
};
