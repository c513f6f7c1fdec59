// Group-based licensing (a binding kind): subscribedSkus and POST /groups/{id}/assignLicense (202 + Location).
// Licences flow to members asynchronously in Entra; the sandbox records the group's assignedLicenses and exposes
// hasMembersWithLicenseErrors when the group's user members exceed a SKU's free units.
import { GraphError, badRequest } from './graphError';
import { collection } from './odata';
import { route, Route } from './router';
import { groupOr404 } from './groups';
import type { SbCtx } from './context';
import type { SbGroup, SbSku } from './types';

const dirBad = (m: string) => new GraphError(400, 'Request_BadRequest', m);

function skuView(s: SbSku): Record<string, unknown> {
  return { accountName: 'Contoso', accountId: s.id.split('_')[0], ...s };
}

function assignLicense(ctx: SbCtx, g: SbGroup) {
  const b = (ctx.body ?? {}) as { addLicenses?: unknown; removeLicenses?: unknown };
  if (!Array.isArray(b.addLicenses) || !Array.isArray(b.removeLicenses))
    throw badRequest("Both 'addLicenses' and 'removeLicenses' are required (send [] for none).", 'Request_BadRequest');
  const add = b.addLicenses.map((l: Record<string, unknown>) => {
    const skuId = String(l?.skuId ?? '').toLowerCase();
    const sku = ctx.state.subscribedSkus[skuId];
    if (!sku) throw dirBad(`License ${skuId} does not correspond to a valid company License.`);
    const disabledPlans = Array.isArray(l.disabledPlans) ? l.disabledPlans.map((p) => String(p).toLowerCase()) : [];
    for (const p of disabledPlans)
      if (!sku.servicePlans.some((sp) => sp.servicePlanId === p))
        throw dirBad(`Service plan ${p} is not part of license ${sku.skuPartNumber}.`);
    return { skuId, disabledPlans };
  });
  const remove = b.removeLicenses.map((x) => String(x).toLowerCase());
  for (const r of remove) {
    if (add.some((a) => a.skuId === r)) throw dirBad(`License ${r} cannot be added and removed in the same request.`);
    if (!g.assignedLicenses.some((l) => l.skuId === r))
      throw dirBad(`User license ${r} is not assigned to the group, so it cannot be removed.`);
  }
  g.assignedLicenses = [
    ...g.assignedLicenses.filter((l) => !remove.includes(l.skuId) && !add.some((a) => a.skuId === l.skuId)),
    ...add,
  ];
  ctx.dirty();
  return {
    status: 202,
    headers: {
      Location: `${ctx.baseUrl}/v2/${ctx.state.tenant.id}/directoryObjects/${g.id}/Microsoft.DirectoryServices.Group`,
    },
    body: {
      id: g.id,
      deletedDateTime: null,
      classification: null,
      createdDateTime: g.createdDateTime,
      groupTypes: g.groupTypes,
      securityEnabled: g.securityEnabled,
    },
  };
}

export const licensingRoutes: Route[] = [
  route('GET', '/subscribedSkus', (ctx) => {
    if (ctx.query.filter)
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        'Unsupported query: subscribedSkus does not support $filter.',
      );
    return collection(ctx, Object.values(ctx.state.subscribedSkus).map(skuView), { entitySet: 'subscribedSkus' });
  }),
  route('GET', '/subscribedSkus/{id}', (ctx, [id]) => {
    const s = Object.values(ctx.state.subscribedSkus).find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!s)
      throw new GraphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    return {
      status: 200,
      body: { '@odata.context': `${ctx.baseUrl}/${ctx.version}/$metadata#subscribedSkus/$entity`, ...skuView(s) },
    };
  }),
  route('POST', '/groups/{id}/assignLicense', (ctx, [id]) => assignLicense(ctx, groupOr404(ctx, id))),
];
