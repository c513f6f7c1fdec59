// The group's standing directory owners (group.owners) and its visibility (group.visibility): what the directory
// accepts, checked while editing. Graph takes users and service principals as owners, never groups (DOC
// group-post-owners); visibility belongs to Microsoft 365 groups, and a role-assignable group is always Private
// (DOC group resource, `visibility`).
import { finding } from '../finding';
import type { Finding, PimGroupDefinition } from '../model';
import { parsePrincipal, principalKey } from '../principalReference';
import type { YamlSource } from '../yamlSource';
import { checkPrincipal } from './assignmentRules';

export function ownerRules(def: PimGroupDefinition, source: YamlSource): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  (def.group.owners ?? []).forEach((ref, i) => {
    const path = ['group', 'owners', i];
    const syntax = checkPrincipal(source, path, ref);
    out.push(...syntax);
    if (syntax.length || ref === '') return;
    const p = parsePrincipal(ref);
    if (p.ok && p.kind === 'group')
      out.push(
        finding(
          'PIM065',
          source.file,
          source.rangeOf(path, 'value'),
          `A group cannot own a group; owners are users (user:) or service principals (sp:). To let the members of '${p.value}' manage this group, make them owners one by one, or give the group an owner assignment under assignments (role: owner).`,
        ),
      );
    const key = principalKey(ref);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const line = source.rangeOf(['group', 'owners', first]).start.line + 1;
    out.push(
      finding(
        'PIM066',
        source.file,
        source.rangeOf(path, 'value'),
        `${ref} is already an owner (line ${line}); list each owner once.`,
      ),
    );
  });
  return [...out, ...visibilityRules(def, source)];
}

function visibilityRules(def: PimGroupDefinition, source: YamlSource): Finding[] {
  const v = def.group.visibility;
  if (v === undefined) return [];
  const range = source.rangeOf(['group', 'visibility'], 'value');
  if (def.group.type !== 'microsoft365')
    return [
      finding(
        'PIM067',
        source.file,
        range,
        `visibility applies to Microsoft 365 groups; '${def.group.displayName}' is a security group (the directory keeps security groups Private). Remove visibility, or set group.type: microsoft365.`,
      ),
    ];
  if (def.group.roleAssignable === true && v !== 'Private')
    return [
      finding(
        'PIM067',
        source.file,
        range,
        `A role-assignable group is always Private; the directory refuses visibility ${v} for it. Write visibility: Private, or remove it.`,
      ),
    ];
  return [];
}
