// The outline of a definition file: each document by kind and name, and inside it the sections (group, policies,
// assignments, bindings, policy) with their roles, lists and items. Ranges come from the parsed source tree, so the
// outline follows the text exactly; a document that does not parse yet has no outline.
import { parseAllDocuments } from 'yaml';
import { readFastYaml } from '../fastYaml';
import { LineIndex } from '../lineIndex';
import { Range } from '../model';
import { fromYamlDocument, MapNode, SourceDocument, SourceNode } from '../sourceTree';

export type OutlineKind = 'document' | 'section' | 'entry' | 'item';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Range;
  /** What to select: the name's value or the key. */
  selection: Range;
  children: OutlineNode[];
}

// Keys that say what the document is rather than what it holds; shown in the document's own line.
const HEADER = new Set(['apiVersion', 'kind', 'metadata']);
/** How deep sections are expanded: section → entry (a role, a list) → item (an assignment, a binding). */
const DEPTH = 3;

function readDocuments(text: string): SourceDocument[] {
  try {
    const fast = readFastYaml(text);
    if (fast) return fast;
    const parsed = parseAllDocuments(text, { logLevel: 'silent' });
    return Array.isArray(parsed) ? parsed.map((d) => fromYamlDocument(d, 100)) : [];
  } catch {
    return []; // too deep or otherwise unreadable: the diagnostics say why
  }
}

const scalarText = (node: SourceNode | null | undefined) =>
  node?.kind === 'scalar' && node.value !== null && node.value !== undefined ? String(node.value) : undefined;

function pairValue(map: SourceNode | null, key: string): SourceNode | null | undefined {
  return map?.kind === 'map' ? map.pairs.find((p) => p.key.value === key)?.value : undefined;
}

/** A list item is named by its first scalar value (`principal`, `role`, `sku`), detailed by the others. */
function itemLabel(node: SourceNode | null): { name: string; detail: string } {
  if (node?.kind !== 'map') return { name: scalarText(node) ?? '(item)', detail: '' };
  const scalars = node.pairs.map((p) => scalarText(p.value)).filter((v): v is string => v !== undefined);
  return { name: scalars[0] ?? '(item)', detail: scalars.slice(1, 3).join(' · ') };
}

function firstScalar(node: SourceNode | null): string {
  if (node?.kind !== 'map') return '';
  for (const p of node.pairs) {
    const text = scalarText(p.value);
    if (text !== undefined) return text;
  }
  return '';
}

export function documentOutline(text: string): OutlineNode[] {
  const lines = new LineIndex(text);
  const range = (start: number, end: number): Range => ({ start: lines.position(start), end: lines.position(end) });
  const nodeEnd = (node: SourceNode | null, fallback: number) => (node ? node.end : fallback);

  const children = (node: SourceNode | null, depth: number): OutlineNode[] => {
    if (depth > DEPTH || !node || node.kind === 'scalar') return [];
    const kind: OutlineKind = depth === DEPTH ? 'item' : 'entry';
    if (node.kind === 'seq')
      return node.items.flatMap((item) => {
        if (!item) return [];
        const label = itemLabel(item);
        const r = range(item.start, item.end);
        return [{ ...label, kind: 'item' as const, range: r, selection: r, children: [] }];
      });
    return mapChildren(node, depth, kind);
  };

  // Scalar settings are not symbols: the first one is shown as its mapping's detail (a group's displayName, a
  // role block's template, the assignments' mode).
  const mapChildren = (node: MapNode, depth: number, kind: OutlineKind): OutlineNode[] =>
    node.pairs
      .filter((p) => p.value !== null && p.value.kind !== 'scalar')
      .map((p) => ({
        name: String(p.key.value),
        detail: firstScalar(p.value),
        kind,
        range: range(p.key.start, nodeEnd(p.value, p.key.end)),
        selection: range(p.key.start, p.key.end),
        children: children(p.value, depth + 1),
      }));

  return readDocuments(text).flatMap((doc) => {
    const root = doc.contents;
    if (root?.kind !== 'map') return [];
    const kind = scalarText(pairValue(root, 'kind')) ?? 'document';
    const nameNode = pairValue(pairValue(root, 'metadata') ?? null, 'name');
    const sections = root.pairs
      .filter((p) => !HEADER.has(String(p.key.value)))
      .map((p) => ({
        name: String(p.key.value),
        detail: firstScalar(p.value),
        kind: 'section' as const,
        range: range(p.key.start, nodeEnd(p.value, p.key.end)),
        selection: range(p.key.start, p.key.end),
        children: children(p.value, 2),
      }));
    return [
      {
        // Settings (one per workspace) needs no name; the other kinds do.
        name: scalarText(nameNode) ?? (kind === 'Settings' ? 'Settings' : '(no metadata.name)'),
        detail: kind,
        kind: 'document' as const,
        range: range(root.start, root.end),
        selection: nameNode ? range(nameNode.start, nameNode.end) : range(root.start, root.start),
        children: sections,
      },
    ];
  });
}
