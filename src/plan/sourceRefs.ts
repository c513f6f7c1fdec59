// Where a policy field of a plan comes from in the definitions (the group's block or its template).
import type { PimGroupDefinition, PolicyTemplateDefinition, Role } from '../definitions/model';
import { sourceAt, type SourceRef } from '../definitions/sourceRef';

function has(obj: unknown, path: readonly string[]): boolean {
  let cur = obj as Record<string, unknown> | undefined;
  for (const p of path) {
    if (!cur || typeof cur !== 'object' || !(p in cur)) return false;
    cur = cur[p] as Record<string, unknown>;
  }
  return true;
}

/** The line that set a policy field: the group's own block, else the template it uses. */
export function policyFieldSource(
  def: PimGroupDefinition,
  role: Role,
  yamlPath: string[],
  templates: readonly PolicyTemplateDefinition[],
): SourceRef {
  const block = def.policies[role];
  if (has(block, yamlPath)) return sourceAt(def, ['policies', role, ...yamlPath]);
  const template = templates.find((t) => t.metadata.name === block?.template);
  if (template && has(template.policy, yamlPath)) return sourceAt(template, ['policy', ...yamlPath]);
  return sourceAt(def, ['policies', role]);
}
