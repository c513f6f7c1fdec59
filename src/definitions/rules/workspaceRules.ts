// Rule 6 across files: unique names, one document per group, template references that resolve.
import { closestName } from '../closestName';
import { finding } from '../finding';
import { Definition, Finding, PimGroupDefinition, PolicyTemplateDefinition } from '../model';
import { replaceValue } from '../textEdits';
import { YamlSource } from '../yamlSource';

const src = (d: Definition) => d.source as YamlSource;
const where = (d: Definition, path: (string | number)[]) => {
  const s = src(d);
  return `${s.file}:${s.rangeOf(path).start.line + 1}`;
};

/** Every definition that shares a key with another gets one finding, pointing at the other (the first one's at the second). */
function duplicates<T extends Definition>(
  defs: readonly T[],
  keyOf: (d: T) => string | undefined,
  report: (d: T, other: T) => Finding,
): Finding[] {
  const byKey = new Map<string, T[]>();
  for (const d of defs) {
    const key = keyOf(d);
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(d);
    else byKey.set(key, [d]);
  }
  const out: Finding[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    list.forEach((d, i) => out.push(report(d, list[i === 0 ? 1 : 0])));
  }
  return out;
}

export function workspaceRules(
  groups: readonly PimGroupDefinition[],
  templates: readonly PolicyTemplateDefinition[],
): Finding[] {
  const out: Finding[] = [];
  for (const [kind, defs] of [
    ['PimGroup', groups],
    ['PolicyTemplate', templates],
  ] as const) {
    out.push(
      ...duplicates<Definition>(
        defs,
        (d) => d.metadata.name || undefined,
        (d, other) =>
          finding(
            'PIM050',
            src(d).file,
            src(d).rangeOf(['metadata', 'name'], 'value'),
            `Another ${kind} is also named '${d.metadata.name}' (${where(other, ['metadata', 'name'])}); names are unique in the workspace: rename one.`,
          ),
      ),
    );
  }
  out.push(
    ...duplicates(
      groups,
      (g) => (g.group.displayName ? `name:${g.group.displayName.toLowerCase()}` : undefined),
      (g, other) =>
        finding(
          'PIM051',
          src(g).file,
          src(g).rangeOf(['group', 'displayName'], 'value'),
          `The group '${g.group.displayName}' is also managed by '${other.metadata.name}' (${where(other, ['group', 'displayName'])}); one document per group: merge them.`,
        ),
    ),
  );
  out.push(
    ...duplicates(
      groups,
      (g) => (g.group.id ? `id:${g.group.id.toLowerCase()}` : undefined),
      (g, other) =>
        finding(
          'PIM051',
          src(g).file,
          src(g).rangeOf(['group', 'id'], 'value'),
          `The group id ${g.group.id} is also managed by '${other.metadata.name}' (${where(other, ['group', 'id'])}); one document per group: merge them.`,
        ),
    ),
  );
  const names = templates.map((t) => t.metadata.name).filter(Boolean);
  for (const g of groups) {
    for (const role of ['member', 'owner'] as const) {
      const ref = g.policies[role]?.template;
      if (ref === undefined || names.includes(ref)) continue;
      const path = ['policies', role, 'template'];
      const best = closestName(ref, names) ?? (names.length === 1 ? names[0] : undefined);
      const fixes = best
        ? [{ title: `Change to '${best}'`, edits: replaceValue(src(g), path, best), isPreferred: true }]
        : [];
      const known = names.length
        ? `known templates: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`
        : 'there is no PolicyTemplate in the workspace';
      out.push(
        finding(
          'PIM052',
          src(g).file,
          src(g).rangeOf(path, 'value'),
          `No PolicyTemplate is named '${ref}'${best ? `; did you mean '${best}'?` : ` (${known})`}`,
          fixes,
        ),
      );
    }
  }
  return out;
}
