// Where a plan item comes from in the definitions, so the editor can link back to the line.
import type { PathSegment, PimGroupDefinition, PolicyTemplateDefinition, Role } from '../definitions/model';
import type { SourceRef } from './model';

export function sourceAt(def: { source: PimGroupDefinition['source'] }, path: readonly PathSegment[]): SourceRef {
  return { file: def.source.file, range: def.source.rangeOf(path) };
}

function has(obj: unknown, path: readonly string[]): boolean {
  let cur = obj as Record<string, unknown> | undefined;
  for (const p of path) {
    if (!cur || typeof cur !== 'object' || !(p in cur)) return false;
    cur = cur[p] as Record<string, unknown>;
  }
  return true;
}

/** The line that set a policy field: the group's own block, else the template it uses. */
export function policyFieldSource(def: PimGroupDefinition, role: Role, yamlPath: string[], templates: readonly PolicyTemplateDefinition[]): SourceRef {
  const block = def.policies[role];
  if (has(block, yamlPath)) return sourceAt(def, ['policies', role, ...yamlPath]);
  const template = templates.find((t) => t.metadata.name === block?.template);
  if (template && has(template.policy, yamlPath)) return sourceAt(template, ['policy', ...yamlPath]);
  return sourceAt(def, ['policies', role]);
}
