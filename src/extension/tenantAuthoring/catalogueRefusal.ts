// What completion says once when a catalogue it would list (Intune roles, licences, Conditional Access policies,
// Azure roles) is refused for want of a permission: the sentence every view uses ("Cannot read …: needs … (see
// Permissions)"), the permission named from the permissions table's read row for that binding kind (the service's
// own refusal may say only "the workload's permission scope"). Never a completion item: an item would insert text.
// Pure: no `vscode`.
import type { PermissionNeed } from '../../readiness/permissions';
import type { BindingKind } from '../../tenant/bindingsState';
import { cannotRead } from '../common/permissionRefusal';

const CATALOGUES: Partial<Record<BindingKind, string>> = {
  intuneRole: "the tenant's Intune roles and scope tags",
  license: "the tenant's licences",
  conditionalAccess: "the tenant's Conditional Access policies",
  azureRole: 'Azure role definitions',
};

/** "Cannot read the tenant's Intune roles and scope tags for completion and checks: needs A or B (see Permissions)". */
export function catalogueRefusal(kind: BindingKind, missing: string, table: readonly PermissionNeed[]): string {
  const row = table.find((n) => n.kind === kind && n.id.endsWith('.read'));
  const needs = row ? (row.delegated.length ? row.delegated : row.application).join(' or ') : missing;
  return `${cannotRead(`${CATALOGUES[kind] ?? kind} for completion and checks`, needs).sentence}.`;
}
