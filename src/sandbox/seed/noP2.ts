// The `no-p2` seed: the demo tenant without any subscription that carries Microsoft Entra ID P2 or Microsoft Entra ID
// Governance, for the readiness check's licence failure. Everything else is the demo tenant, so the other checks
// pass as they do there.
// UNCONFIRMED: the service's answers to PIM for Groups requests in a tenant without the licence; the sandbox keeps
// serving them (only subscribedSkus differs), so this seed tests what the readiness check reads, not a refusal.
import { demoSeed } from './demo';
import type { SbState } from '../types';

/** Service plans that make a subscription PIM-capable (the sandbox's own list, by id). */
const PIM_PLANS = ['eec0eb4f-6444-4f95-aba0-50c24d67f998', 'e866a266-3cff-43a3-acca-0c90a7e00c8b'];

export function noP2Seed(now: Date): SbState {
  const s = demoSeed(now);
  s.seed = 'no-p2';
  for (const [id, sku] of Object.entries(s.subscribedSkus))
    if (sku.servicePlans.some((p) => PIM_PLANS.includes(p.servicePlanId))) delete s.subscribedSkus[id];
  return s;
}
