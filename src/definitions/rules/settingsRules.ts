// The Settings document: each protected principal is a valid reference (PIM042), named once (PIM053).
// Which principals exist is the plan's question (PIM251); what they protect is the plan's guard (PIM250).
import { finding } from '../finding';
import { Finding, SettingsDefinition } from '../model';
import { principalKey } from '../principalReference';
import { YamlSource } from '../yamlSource';
import { checkPrincipal } from './assignmentRules';

export function settingsRules(def: SettingsDefinition, source: YamlSource): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  def.protectedPrincipals.forEach((ref, i) => {
    const path = ['protectedPrincipals', i];
    out.push(...checkPrincipal(source, path, ref));
    if (!ref) return;
    const key = principalKey(ref);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const line = source.rangeOf(['protectedPrincipals', first]).start.line + 1;
    out.push(
      finding(
        'PIM053',
        source.file,
        source.rangeOf(path, 'value'),
        `${ref} is already a protected principal (line ${line}); keep one entry.`,
      ),
    );
  });
  return out;
}

/** One Settings document per workspace: each of several gets a finding naming where the others are. */
export function oneSettingsDocument(all: readonly SettingsDefinition[]): Finding[] {
  if (all.length < 2) return [];
  const at = (d: SettingsDefinition) => `${d.source.file}:${d.source.rangeOf(['kind']).start.line + 1}`;
  return all.map((d) => {
    const source = d.source as YamlSource;
    const others = all.filter((o) => o !== d).map(at);
    return finding(
      'PIM054',
      source.file,
      source.rangeOf(['kind'], 'value'),
      `A workspace has one Settings document; another is at ${others.join(', ')}. Merge them into one.`,
    );
  });
}
