// Rules on the text of a document, read from its source tree before any value is used:
// - PIM008: a key such as `__proto__` or `constructor` names an inherited member of plain objects; whatever a
//   reader makes of it (a prototype, an own property), it is never a property of a definition, so the document is
//   refused with the key's location;
// - PIM009: control characters (ESC, BEL, CR, NUL, ...) and bidirectional overrides in values would reach
//   terminals, CI logs and the tenant as they are; names and principals also refuse line breaks and tabs.
import { finding } from '../finding';
import { Finding } from '../model';
import { SourceNode } from '../sourceTree';
import { YamlSource } from '../yamlSource';

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional embedding/override/isolate marks. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
/** In one-line values (names, principals) a tab or a line break is a control character too. */
const CONTROL_IN_NAME = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const NAME_KEYS = new Set([
  'name',
  'displayName',
  'mailNickname',
  'principal',
  'approvers',
  'template',
  'number',
  'system',
]);

function describe(ch: string): string {
  const names: Record<string, string> = {
    '\x1b': 'ESC',
    '\x07': 'BEL',
    '\r': 'CR',
    '\n': 'a line break',
    '\t': 'a tab',
    '\x00': 'NUL',
  };
  return names[ch] ?? `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function walk(
  node: SourceNode | null,
  key: string | undefined,
  visit: (n: SourceNode, key: string | undefined) => void,
): void {
  if (node === null) return;
  visit(node, key);
  if (node.kind === 'map')
    for (const p of node.pairs) {
      visit(p.key, undefined);
      walk(p.value, String(p.key.value), visit);
    }
  else if (node.kind === 'seq') for (const item of node.items) walk(item, key, visit);
}

/** PIM008 for every reserved key (the document is then not read further). */
export function reservedKeyFindings(contents: SourceNode | null, source: YamlSource): Finding[] {
  const out: Finding[] = [];
  walk(contents, undefined, (n) => {
    if (n.kind !== 'map') return;
    for (const p of n.pairs) {
      const k = String(p.key.value);
      if (RESERVED_KEYS.has(k)) {
        out.push(
          finding(
            'PIM008',
            source.file,
            source.rangeAt(p.key.start, p.key.end),
            `'${k}' is not a property of a definition and cannot be one; remove it.`,
          ),
        );
      }
    }
  });
  return out;
}

/** PIM009 for every key or value holding a control character. */
export function controlCharacterFindings(contents: SourceNode | null, source: YamlSource): Finding[] {
  const out: Finding[] = [];
  walk(contents, undefined, (n, key) => {
    if (n.kind !== 'scalar' || typeof n.value !== 'string') return;
    const m = (key !== undefined && NAME_KEYS.has(key) ? CONTROL_IN_NAME : CONTROL).exec(n.value);
    if (!m) return;
    const what = key === undefined ? 'This key' : `${key}`;
    out.push(
      finding(
        'PIM009',
        source.file,
        source.rangeAt(n.start, n.end),
        `${what} contains a control character (${describe(m[0])}); it would reach terminals, CI logs and the tenant as is. Remove it.`,
      ),
    );
  });
  return out;
}
