// What tenant object the text before the cursor is naming, from the YAML around it: the key path of the line
// (its own key and the keys of the less indented lines above) and the partial value typed so far, inside a block
// item (`- user:al`), a mapping value (`principal: user:al`) or a flow list (`approvers: [ user:a, user:al`).
// A line-based reading on purpose: it must work on the half-typed, invalid text completion sees. Pure.

export type TenantField = 'principal' | 'intuneRole' | 'scopeTag' | 'azureRole' | 'azureScope' | 'caPolicy' | 'sku';

export interface CompletionContext {
  field: TenantField;
  /** The partial value (without a leading quote). */
  prefix: string;
  /** Column where the value being replaced starts. */
  start: number;
  /** For an Azure role: the `scope:` of the same list item, when written. */
  scope?: string;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([A-Za-z_][\w-]*)\s*:(?:\s+|$)(.*)$/;
const ITEM_LINE = /^(\s*)((?:-\s+)+)(.*)$/;

/** Indentation of a line's content, counting `- ` markers as indentation (as YAML does for the item's keys). */
function contentIndent(line: string): number {
  return /^[\s-]*/.exec(line)![0].replace(/-(?=\s|$)/g, ' ').length;
}

/** Keys of the mappings enclosing line `n`, outermost first. */
export function enclosingKeys(lines: readonly string[], n: number): string[] {
  const keys: string[] = [];
  let indent = contentIndent(lines[n]);
  for (let i = n - 1; i >= 0 && indent > 0; i--) {
    const line = lines[i];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const ind = contentIndent(line);
    const m = KEY_LINE.exec(line);
    // A `- key:` line at a smaller dash indent opens the list item the cursor is in: its own key is a sibling.
    const keyIndent = m ? m[1].length + m[2].length : ind;
    if (keyIndent < indent && m) {
      keys.unshift(m[3]);
      indent = keyIndent;
    } else if (ind < indent) indent = ind;
  }
  return keys;
}

export function completionContextAt(
  lines: readonly string[],
  line: number,
  character: number,
): CompletionContext | undefined {
  const before = lines[line].slice(0, character);
  if (before.includes('#')) return undefined;
  let value: string, valueStart: number;
  let km = KEY_LINE.exec(before);
  // `- user:` just typed reads as a one-key mapping; while nothing follows it is the start of a reference.
  if (km && km[2] && !km[4] && /^(user|group|sp)$/.test(km[3]) && before.endsWith(':')) km = null;
  if (km) {
    value = km[4];
    valueStart = before.length - value.length;
  } else {
    const im = ITEM_LINE.exec(before);
    if (!im) return undefined;
    value = im[3];
    valueStart = im[1].length + im[2].length;
  }
  // Inside a flow list, only the entry being typed counts.
  const flow = Math.max(value.lastIndexOf('['), value.lastIndexOf(','));
  const inFlow = value.trimStart().startsWith('[');
  if (inFlow) {
    const rest = value.slice(flow + 1);
    valueStart += flow + 1 + (rest.length - rest.trimStart().length);
    value = rest.trimStart();
  }
  if (/^["']/.test(value)) {
    value = value.slice(1);
    valueStart++;
  }
  const path = [...enclosingKeys(lines, line), ...(km ? [km[3]] : [])];
  const field = fieldOf(path, km !== null && !inFlow);
  if (!field) return undefined;
  const ctx: CompletionContext = { field, prefix: value, start: valueStart };
  if (field === 'azureRole') ctx.scope = siblingValue(lines, line, 'scope');
  return ctx;
}

const last = (path: string[], ...tail: string[]) => tail.every((k, i) => path[path.length - tail.length + i] === k);

function fieldOf(path: string[], scalarOfKey: boolean): TenantField | undefined {
  if (scalarOfKey && last(path, 'assignments', 'eligible', 'principal')) return 'principal';
  if (scalarOfKey && last(path, 'assignments', 'active', 'principal')) return 'principal';
  if (!scalarOfKey && last(path, 'approval', 'approvers')) return 'principal';
  if (scalarOfKey && last(path, 'intuneRoles', 'role')) return 'intuneRole';
  if (!scalarOfKey && last(path, 'intuneRoles', 'scopeTags')) return 'scopeTag';
  if (scalarOfKey && last(path, 'azureRoles', 'role')) return 'azureRole';
  if (scalarOfKey && last(path, 'azureRoles', 'scope')) return 'azureScope';
  if (!scalarOfKey && (last(path, 'conditionalAccess', 'excludeFrom') || last(path, 'conditionalAccess', 'includeIn')))
    return 'caPolicy';
  if (scalarOfKey && last(path, 'licenses', 'sku')) return 'sku';
  return undefined;
}

/** The value of `key` in the same list item as line `n` (the item's lines share its content indentation). */
function siblingValue(lines: readonly string[], n: number, key: string): string | undefined {
  const indent = contentIndent(lines[n]);
  const startsItem = (l: string) => /^\s*-\s/.test(l);
  let from = n;
  while (from > 0 && !startsItem(lines[from]) && contentIndent(lines[from - 1]) >= indent) from--;
  for (let i = from; i < lines.length; i++) {
    if (i > from && (startsItem(lines[i]) || contentIndent(lines[i]) < indent)) break;
    const m = KEY_LINE.exec(lines[i]);
    if (m && m[3] === key)
      return (
        m[4]
          .replace(/\s+#.*$/, '')
          .replace(/^["']|["']$/g, '')
          .trim() || undefined
      );
  }
  return undefined;
}
