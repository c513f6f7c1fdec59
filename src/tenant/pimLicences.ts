// Which subscriptions make a tenant PIM-capable: those whose service plans include Microsoft Entra ID P2 or Microsoft
// Entra ID Governance (the licence PIM for Groups needs). Matched by servicePlanId, the stable key of Microsoft's
// "Product names and service plan identifiers for licensing" list (a SKU such as Microsoft 365 E5 carries the P2
// plan among many), and by name as a fallback for answers that leave ids out.
export const PIM_SERVICE_PLANS = [
  { id: 'eec0eb4f-6444-4f95-aba0-50c24d67f998', name: 'AAD_PREMIUM_P2', product: 'Microsoft Entra ID P2' },
  {
    id: 'e866a266-3cff-43a3-acca-0c90a7e00c8b',
    name: 'Entra_Identity_Governance',
    product: 'Microsoft Entra ID Governance',
  },
] as const;

/** The subscribedSku fields the licence reads use (v1.0 subscribedSku). */
export interface SubscribedSku {
  skuId?: string;
  skuPartNumber?: string;
  capabilityStatus?: string;
  consumedUnits?: number;
  prepaidUnits?: { enabled?: number; warning?: number; suspended?: number; lockedOut?: number };
  servicePlans?: { servicePlanId?: string; servicePlanName?: string }[];
}

export function isPimCapable(sku: SubscribedSku): boolean {
  if (sku.capabilityStatus === 'Suspended' || sku.capabilityStatus === 'LockedOut') return false;
  return (sku.servicePlans ?? []).some((p) =>
    PIM_SERVICE_PLANS.some(
      (k) => p.servicePlanId?.toLowerCase() === k.id || p.servicePlanName?.toLowerCase() === k.name.toLowerCase(),
    ),
  );
}

/** Enabled units of the PIM-capable subscriptions, and their part numbers. */
export function pimLicenceUnits(skus: SubscribedSku[]): { units: number; consumed: number; skus: string[] } {
  const capable = skus.filter(isPimCapable);
  return {
    units: capable.reduce((n, s) => n + (s.prepaidUnits?.enabled ?? 0), 0),
    consumed: capable.reduce((n, s) => n + (s.consumedUnits ?? 0), 0),
    skus: capable.map((s) => s.skuPartNumber ?? s.skuId ?? '?'),
  };
}
