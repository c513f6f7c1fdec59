// Whether a group's licences leave some member unlicensed (Entra reports it as hasMembersWithLicenseErrors).
import { activePrincipals } from './pimIndex';
import type { SbGroup, SbState } from './types';

/** True when some licence of the group has fewer free units than the group's user members (a CountViolation). */
export function hasMembersWithLicenseErrors(state: SbState, g: SbGroup, now: Date): boolean {
  if (!g.assignedLicenses.length) return false;
  const users = activePrincipals(state, g.id, 'member', now).filter((id) => state.users[id]).length;
  return g.assignedLicenses.some((l) => {
    const sku = state.subscribedSkus[l.skuId];
    return sku ? sku.prepaidUnits.enabled - sku.consumedUnits < users : true;
  });
}
