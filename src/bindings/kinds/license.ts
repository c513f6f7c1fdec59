// Licence: group-based licensing (assignLicense on the group), a subscribed SKU with some service plans disabled.
import type { Bindings } from '../../definitions/model';
import type { CatalogSku } from '../../tenant/bindingsState';
import type { BindingKindSpec } from '../kind';
import { isStatus } from '../httpStatus';
import { planOf, skuOf } from '../resolve';
import { sameSet } from '../sameSet';
import { paths } from '../../graph/api/paths';

interface GSku {
  skuId: string;
  skuPartNumber: string;
  prepaidUnits?: { enabled?: number };
  consumedUnits?: number;
  servicePlans?: { servicePlanId: string; servicePlanName: string }[];
}

export const license: BindingKindSpec<'license'> = {
  kind: 'license',
  field: 'licenses',

  read: ({ catalog, groups, existing }) => ({
    batch: [
      {
        version: 'v1.0',
        url: paths.subscribedSkus,
        use: (b) => {
          catalog.skus = (b as GSku[]).map((s): CatalogSku => ({
            skuId: s.skuId.toLowerCase(),
            skuPartNumber: s.skuPartNumber,
            freeUnits: (s.prepaidUnits?.enabled ?? 0) - (s.consumedUnits ?? 0),
            plans: (s.servicePlans ?? []).map((p) => ({ id: p.servicePlanId.toLowerCase(), name: p.servicePlanName })),
          }));
        },
      },
      ...existing.map((g) => ({
        version: 'v1.0' as const,
        url: paths.groupLicences(g.id!),
        use: (b: unknown) => {
          groups[g.key].licenses = (
            (b as { assignedLicenses?: { skuId: string; disabledPlans?: string[] }[] }).assignedLicenses ?? []
          ).map((l) => ({
            skuId: l.skuId.toLowerCase(),
            disabledPlans: (l.disabledPlans ?? []).map((p) => p.toLowerCase()),
          }));
        },
      })),
    ],
  }),

  plan: (ctx) => {
    const { catalog: cat, actual } = ctx;
    if (ctx.readFailed()) return;
    const wanted = new Set<string>();
    ctx.bindings.licenses!.forEach((l, i) => {
      const sku = skuOf(cat, l.sku);
      if (!sku)
        return ctx.error(
          ['licenses', i, 'sku'],
          `Licence SKU '${l.sku}' is not subscribed in the tenant (subscribed: ${cat.skus.map((s) => s.skuPartNumber).join(', ')}).`,
        );
      const plans = (l.disabledPlans ?? []).map((p) => ({ ref: p, plan: planOf(sku, p) }));
      const unknown = plans.filter((p) => !p.plan);
      if (unknown.length)
        return ctx.error(
          ['licenses', i, 'disabledPlans'],
          `Service plan(s) ${unknown.map((p) => `'${p.ref}'`).join(', ')} are not part of ${sku.skuPartNumber} (plans: ${sku.plans.map((p) => p.name).join(', ')}).`,
        );
      if (sku.freeUnits <= 0)
        ctx.warning(
          'PIM304',
          ['licenses', i],
          `${sku.skuPartNumber} has no free units left; members will get licence errors until more are bought.`,
        );
      wanted.add(sku.skuId);
      const ids = plans.map((p) => p.plan!.id);
      const show = (xs: string[]) =>
        `${sku.skuPartNumber}${xs.length ? ` without ${xs.map((x) => planOf(sku, x)?.name ?? x).join(', ')}` : ''}`;
      const name = `licence ${sku.skuPartNumber} (skuId ${sku.skuId})`;
      ctx.grant(`licence ${show(ids)}`);
      const current = actual.licenses.find((x) => x.skuId === sku.skuId);
      const detail = {
        binding: 'license' as const,
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        disabledPlans: ids,
      };
      if (!current) ctx.op(`license/${sku.skuId}`, 'add', detail, `assign ${name}`, null, show(ids), ['licenses', i]);
      else if (!sameSet(current.disabledPlans, ids))
        ctx.op(
          `license/${sku.skuId}`,
          'change',
          detail,
          `change disabled plans of ${name}`,
          show(current.disabledPlans),
          show(ids),
          ['licenses', i, 'disabledPlans'],
        );
    });
    for (const l of actual.licenses.filter((x) => !wanted.has(x.skuId))) {
      const part = skuOf(cat, l.skuId)?.skuPartNumber ?? l.skuId;
      ctx.op(
        `license/${l.skuId}`,
        'remove',
        { binding: 'license', skuId: l.skuId, skuPartNumber: part, disabledPlans: l.disabledPlans },
        `remove licence ${part} (skuId ${l.skuId})`,
        part,
        null,
        ['licenses'],
      );
    }
  },

  apply: async (t, op, gid) => {
    const d = op.detail;
    const body =
      op.action === 'remove'
        ? { addLicenses: [], removeLicenses: [d.skuId] }
        : { addLicenses: [{ skuId: d.skuId, disabledPlans: d.disabledPlans }], removeLicenses: [] };
    try {
      await t.request('POST', paths.assignLicence(gid), body, { idempotent: true });
    } catch (e) {
      // A retried removal finds nothing to remove: done when the licence is indeed gone.
      if (op.action !== 'remove' || !isStatus(e, 400)) throw e;
      const g = await t.get<{ assignedLicenses?: { skuId: string }[] }>(paths.groupLicences(gid));
      if ((g.assignedLicenses ?? []).some((l) => l.skuId.toLowerCase() === d.skuId)) throw e;
    }
  },

  present: (op, g) => {
    const l = g.licenses.find((x) => x.skuId === op.detail.skuId);
    return l ? op.action === 'remove' || sameSet(l.disabledPlans, op.detail.disabledPlans) : false;
  },

  export: (s, c): Partial<Bindings> =>
    s.licenses.length
      ? {
          licenses: s.licenses.map((l) => {
            const sku = skuOf(c, l.skuId);
            return {
              sku: sku?.skuPartNumber ?? l.skuId,
              disabledPlans: l.disabledPlans.map((p) => (sku && planOf(sku, p)?.name) || p),
            };
          }),
        }
      : {},

  notes: () => [],
};
