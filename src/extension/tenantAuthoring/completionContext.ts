// What tenant object the text before the cursor is naming: the key path at the cursor (the authoring module's
// cursorContext, which schema completion reads too) and the partial value typed so far, inside a block item
// (`- user:al`), a mapping value (`principal: user:al`) or a flow list (`approvers: [ user:a, user:al`).
// A line-based reading on purpose: it must work on the half-typed, invalid text completion sees. Pure.
import { cursorContext, CursorContext, ITEM } from '../../definitions/authoring/cursorContext';
import { readLine } from '../../definitions/authoring/yamlLines';
import { PRINCIPAL_PREFIXES } from '../../definitions/principalReference';

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

/**
 * The context at the cursor, read by the authoring module's cursorContext (the one reading of "where is the
 * cursor" for schema and tenant completion alike); this adds only what a tenant reference needs on top of it.
 */
export function completionContextAt(
  lines: readonly string[],
  line: number,
  character: number,
): CompletionContext | undefined {
  const before = lines[line].slice(0, character);
  if (before.includes('#')) return undefined;
  const read = cursorContext(lines, { line, character });
  // `- user:` just typed reads as a one-key mapping; while nothing follows it is the start of a reference.
  const typed = /^\s*(?:-\s+)+(\w+):$/.exec(before)?.[1];
  const startsReference = typed !== undefined && (PRINCIPAL_PREFIXES as readonly string[]).includes(typed);
  const at = read?.at === 'value' && !startsReference ? read : listItemScalar(lines, line, before);
  if (!at) return undefined;
  const path = at.path.filter((k) => k !== ITEM);
  const field = fieldOf(path, at.path[at.path.length - 1] !== ITEM);
  if (!field) return undefined;
  const ctx: CompletionContext = { field, prefix: at.prefix, start: at.prefixStart };
  if (field === 'azureRole') ctx.scope = siblingValue(lines, line, 'scope');
  return ctx;
}

/**
 * A scalar list item being typed (`- user:al`, `- Block legacy`, a bare `- al`), which cursorContext reads as the
 * start of an item's key (or, for `- user:` just typed, as a key `user`): here it is the item's value, at the path
 * of the new item.
 */
function listItemScalar(
  lines: readonly string[],
  line: number,
  before: string,
): Pick<CursorContext, 'path' | 'prefix' | 'prefixStart'> | undefined {
  const dashes = /^\s*(?:-\s+)+/.exec(before)?.[0];
  if (!dashes) return undefined;
  const item = cursorContext(lines, { line, character: dashes.length });
  if (item?.at !== 'key' || !item.newItem) return undefined;
  const quoted = /^["']/.test(before.slice(dashes.length)) ? 1 : 0;
  return { path: item.path, prefix: before.slice(dashes.length + quoted), prefixStart: dashes.length + quoted };
}

/** Indentation of a line's content, counting `- ` markers as indentation (as YAML does for the item's keys). */
function contentIndent(line: string): number {
  return /^[\s-]*/.exec(line)![0].replace(/-(?=\s|$)/g, ' ').length;
}

const last = (path: string[], ...tail: string[]) => tail.every((k, i) => path[path.length - tail.length + i] === k);

function fieldOf(path: string[], scalarOfKey: boolean): TenantField | undefined {
  if (scalarOfKey && last(path, 'assignments', 'eligible', 'principal')) return 'principal';
  if (scalarOfKey && last(path, 'assignments', 'active', 'principal')) return 'principal';
  if (!scalarOfKey && last(path, 'approval', 'approvers')) return 'principal';
  if (!scalarOfKey && path.length === 1 && path[0] === 'protectedPrincipals') return 'principal';
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
    const read = readLine(lines[i]);
    const last = read.tokens[read.tokens.length - 1];
    if (last?.kind === 'key' && last.key === key)
      return (
        read.value
          .replace(/\s+#.*$/, '')
          .replace(/^["']|["']$/g, '')
          .trim() || undefined
      );
  }
  return undefined;
}
