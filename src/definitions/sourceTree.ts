// The node tree the rules and quick fixes read ranges from: a small, parser-independent view of a YAML
// document (offsets into the file's text). The fast reader builds it directly; for anything else the `yaml`
// package parses and its Document is converted.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node } from 'yaml';

export interface ScalarNode {
  kind: 'scalar';
  value: unknown;
  start: number;
  end: number;
}
export interface PairNode {
  key: ScalarNode;
  value: SourceNode | null;
}
export interface MapNode {
  kind: 'map';
  flow: boolean;
  start: number;
  end: number;
  pairs: PairNode[];
}
export interface SeqNode {
  kind: 'seq';
  flow: boolean;
  start: number;
  end: number;
  items: (SourceNode | null)[];
}
export type SourceNode = ScalarNode | MapNode | SeqNode;

/** One document of a file: where it is, its tree (null when empty), and its plain value. */
export interface SourceDocument {
  start: number;
  end: number;
  contents: SourceNode | null;
  /** The plain JavaScript value; throws on an alias bomb or an unresolved alias (yaml path only). */
  value(): unknown;
}

/** Plain value of a tree built by the fast reader (no aliases there). */
export function treeValue(node: SourceNode | null): unknown {
  if (node === null) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(treeValue);
  const out: Record<string, unknown> = {};
  // defineProperty: a `__proto__` key is an own property (as in `yaml`), never the object's prototype.
  for (const p of node.pairs)
    Object.defineProperty(out, String(p.key.value), {
      value: treeValue(p.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function convert(node: unknown): SourceNode | null {
  if (!node || typeof node !== 'object') return null;
  const range = (node as Node).range;
  if (!range) return null;
  if (isMap(node)) {
    const pairs: PairNode[] = [];
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const k = p.key as Node | null;
      const kr = k?.range ?? [range[0], range[0]];
      const keyValue = isScalar(k) ? k.value : k === null ? null : String(k);
      pairs.push({
        key: { kind: 'scalar', value: keyValue === null ? '' : String(keyValue), start: kr[0], end: kr[1] },
        value: convert(p.value),
      });
    }
    return { kind: 'map', flow: Boolean(node.flow), start: range[0], end: range[1], pairs };
  }
  if (isSeq(node))
    return { kind: 'seq', flow: Boolean(node.flow), start: range[0], end: range[1], items: node.items.map(convert) };
  // An empty value (`key:`) is no node, as in the fast reader.
  if (isScalar(node))
    return range[0] === range[1] && node.value === null
      ? null
      : { kind: 'scalar', value: node.value, start: range[0], end: range[1] };
  if (isAlias(node)) return { kind: 'scalar', value: undefined, start: range[0], end: range[1] };
  return null;
}

export function fromYamlDocument(doc: Document.Parsed, maxAliasCount: number): SourceDocument {
  return {
    start: doc.range[0],
    end: doc.range[2],
    contents: convert(doc.contents),
    value: () => doc.toJS({ maxAliasCount }),
  };
}
