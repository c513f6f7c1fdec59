// After apply: is a binding operation that reported success visible in a fresh read of the tenant?
import type { BindingOp } from '../plan/model';
import { roleGuidOf, scopeKey } from './armAccess';
import type { BindingsState } from './model';

const sameSet = (a: string[], b: string[]) => [...a].map((x) => x.toLowerCase()).sort().join() === [...b].map((x) => x.toLowerCase()).sort().join();

export function bindingLanded(op: BindingOp, state: BindingsState | undefined): boolean {
  const g = state?.groups[op.groupKey];
  if (!g) return false;
  const d = op.detail;
  const present = (() => {
    switch (d.binding) {
      case 'intuneRole': { const a = g.intuneRoles.find((x) => x.roleDefinitionId === d.roleDefinitionId); return a ? (op.action === 'remove' || sameSet(a.roleScopeTagIds, d.scopeTagIds)) : false; }
      case 'azureRole': return (g.azureRoles ?? []).some((x) => scopeKey(x.scope) === scopeKey(d.scope) && x.roleDefinitionId === roleGuidOf(d.roleDefinitionId));
      case 'license': { const l = g.licenses.find((x) => x.skuId === d.skuId); return l ? (op.action === 'remove' || sameSet(l.disabledPlans, d.disabledPlans)) : false; }
      case 'conditionalAccess': return g.conditionalAccess[d.list === 'excludeGroups' ? 'excludeFrom' : 'includeIn'].includes(d.policyId);
      case 'team': return g.team;
    }
  })();
  return op.action === 'remove' ? !present : present;
}
