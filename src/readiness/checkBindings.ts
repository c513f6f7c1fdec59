// Binding kinds: each kind the definitions use must be readable (Conditional Access, Intune, licences, Teams, ARM).
// The check runs the bindings reader itself (the reads plan makes), so "reachable" means what plan will see.
import type { BindingCatalog, BindingKind } from '../tenant/bindingsState';
import type { Outcome, ReadinessResult } from './model';
import { PERMISSION_NEEDS } from './permissions';

const NAMES: Record<BindingKind, string> = {
  intuneRole: 'Intune roles',
  azureRole: 'Azure roles (Azure Resource Manager)',
  license: 'licences',
  conditionalAccess: 'Conditional Access',
  team: 'Teams',
};

function fixFor(kind: BindingKind): string {
  if (kind === 'azureRole')
    return 'Sign in with an identity that may read role assignments at each scope (Reader, or User Access Administrator / Owner to apply) and a token for Azure Resource Manager; see docs/bindings.md.';
  const read = PERMISSION_NEEDS.find((n) => n.kind === kind && n.id.endsWith('.read'));
  return `Grant ${read?.delegated.join(' or ') ?? 'the permission'} (and the write permission to apply); see docs/permissions.md.`;
}

export function bindingChecks(kinds: BindingKind[], catalog: Outcome<BindingCatalog>): ReadinessResult[] {
  return kinds.map((kind) => {
    const id = `binding.${kind}`;
    const error = catalog.ok ? catalog.value.errors[kind] : catalog.error;
    const scopes = catalog.ok && kind === 'azureRole' ? Object.entries(catalog.value.azureScopeErrors) : [];
    if (error || scopes.length)
      return {
        id,
        status: 'fail' as const,
        what: `${NAMES[kind]}: not reachable: ${error ?? `${scopes.length} scope(s) could not be read`}`,
        fix: fixFor(kind),
        ...(scopes.length ? { details: scopes.map(([s, why]) => `${s}: ${why}`) } : {}),
      };
    return { id, status: 'pass' as const, what: `${NAMES[kind]}: reachable.` };
  });
}
