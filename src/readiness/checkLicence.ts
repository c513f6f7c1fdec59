// Licence: PIM for Groups needs Microsoft Entra ID P2 or Microsoft Entra ID Governance, one licence for each user who
// is eligible, active through PIM, or approves. The definitions say how many users that will be.
import { PIM_SERVICE_PLANS, pimLicenceUnits, SubscribedSku } from '../tenant/pimLicences';
import type { Outcome, ReadinessResult } from './model';

const PRODUCTS = PIM_SERVICE_PLANS.map((p) => p.product).join(' or ');

export function licenceCheck(skus: Outcome<SubscribedSku[]>, licensedUsers: number): ReadinessResult {
  if (!skus.ok)
    return {
      id: 'licence',
      status: 'warn',
      what: `Could not read the tenant's licences: ${skus.error}`,
      fix: 'Grant Organization.Read.All (or LicenseAssignment.Read.All) to read subscribedSkus; see docs/permissions.md.',
    };
  const { units, consumed, skus: names } = pimLicenceUnits(skus.value);
  if (!names.length)
    return {
      id: 'licence',
      status: 'fail',
      what: `No ${PRODUCTS} licence: PIM for Groups is not available in this tenant.`,
      fix: `Buy or start a trial of ${PRODUCTS} (or a suite that includes it, such as Microsoft 365 E5), one licence per user who is eligible or approves.`,
      details: skus.value.map((s) => `subscription ${s.skuPartNumber ?? s.skuId ?? '?'}: no PIM-capable service plan`),
    };
  const held = `${units} licence(s) (${consumed} in use) from ${names.join(', ')}`;
  if (licensedUsers > units)
    return {
      id: 'licence',
      status: 'warn',
      what: `${licensedUsers} user(s) are eligible, active or approve in the definitions, but the tenant has ${held}.`,
      fix: `Each of those users needs a licence: add at least ${licensedUsers - units} more ${PRODUCTS} licence(s).`,
    };
  return {
    id: 'licence',
    status: 'pass',
    what: `PIM-capable licences: ${held}; the definitions need ${licensedUsers}.`,
  };
}
