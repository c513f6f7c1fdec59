// The tenant side of Diff with Tenant: the file's groups as the tenant holds them, in the file's order so the diff
// lines up document by document, and limited to what the definition manages (the fields the plan compares), so
// the diff shows differences that matter rather than every policy default. Pure.
import { formatDefinitions } from '../../definitions/formatDefinitions';
import type { PimGroupDefinition, Role } from '../../definitions/model';

export interface ExportedGroupText { groupId: string; definition: PimGroupDefinition }

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tenant's values at the paths the definition sets (in the definition's key order). */
function pruneTo(tenant: unknown, wanted: unknown): unknown {
  if (!isPlain(tenant) || !isPlain(wanted)) return tenant;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(wanted)) if (key in tenant) out[key] = pruneTo(tenant[key], wanted[key]);
  return out;
}

/** The exported group reshaped to compare with `file`: its metadata and mode, the policy fields it manages. */
export function alignToDefinition(tenant: PimGroupDefinition, file: PimGroupDefinition): PimGroupDefinition {
  const policies: PimGroupDefinition['policies'] = {};
  for (const role of Object.keys(tenant.policies) as Role[]) {
    const mine = file.policies[role];
    // A template's fields are not in the file: show the tenant's whole block rather than guess.
    if (mine) policies[role] = (mine.template ? tenant.policies[role] : pruneTo(tenant.policies[role], mine)) as PimGroupDefinition['policies'][Role];
  }
  return { ...tenant, metadata: file.metadata, policies, assignments: { ...tenant.assignments, mode: file.assignments.mode } };
}

export function tenantDocumentText(files: readonly PimGroupDefinition[], exported: readonly ExportedGroupText[], where: string, readAt: string): string {
  const parts = files.map((file) => {
    const found = exported.find((e) => (file.group.id
      ? e.groupId.toLowerCase() === file.group.id.toLowerCase()
      : e.definition.group.displayName.toLowerCase() === file.group.displayName.toLowerCase()));
    if (!found) return `# ${file.metadata.name}: no group ${file.group.id ?? `'${file.group.displayName}'`} in ${where}; applying the definition creates it.\n`;
    return `# ${file.group.displayName} as ${where} holds it (read ${readAt}), limited to the fields the definition manages.\n`
      + formatDefinitions([alignToDefinition(found.definition, file)]);
  });
  return parts.map((p) => p.replace(/\n*$/, '\n')).join('---\n');
}
