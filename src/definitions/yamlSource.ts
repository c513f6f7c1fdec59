// Source ranges for one document: every finding points at the node it is about.
import { LineIndex } from './lineIndex';
import { PathSegment, Position, Range, SourceInfo } from './model';
import { MapNode, PairNode, SourceDocument, SourceNode } from './sourceTree';

/** A located node: the pair that holds it (when it is a map value) and the node itself (null for `key:` with no value). */
export interface Located {
  pair?: PairNode;
  node: SourceNode | null;
  parent?: SourceNode;
  exact: boolean;
}

// Large mappings get a key index on first lookup, so reporting on every key of a huge map stays linear.
const keyIndex = new WeakMap<MapNode, Map<string, PairNode>>();
function pairOf(map: MapNode, key: string): PairNode | undefined {
  if (map.pairs.length < 16) return map.pairs.find((p) => p.key.value === key);
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.pairs) if (!index.has(String(p.key.value))) index.set(String(p.key.value), p);
    keyIndex.set(map, index);
  }
  return index.get(key);
}

/** The SourceInfo of one document, with the node access the rules and quick fixes need. */
export class YamlSource implements SourceInfo {
  readonly range: Range;

  constructor(
    readonly file: string,
    readonly index: number,
    readonly doc: SourceDocument,
    readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.range = this.rangeAt(doc.start, doc.end);
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Walks `path` as far as it exists; `exact` says whether the whole path was found. */
  locate(path: readonly PathSegment[]): Located {
    let node: SourceNode | null = this.doc.contents;
    let pair: PairNode | undefined;
    let parent: SourceNode | undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (node?.kind === 'map') {
        const found = pairOf(node, String(seg));
        if (!found) return { pair, node, parent, exact: false };
        parent = node;
        pair = found;
        node = found.value;
        if (node === null) return { pair, node, parent, exact: i === path.length - 1 };
      } else if (node?.kind === 'seq') {
        const item = Number.isInteger(Number(seg)) ? node.items[Number(seg)] : undefined;
        if (item === undefined || item === null) return { pair, node, parent, exact: false };
        parent = node;
        pair = undefined;
        node = item;
      } else {
        return { pair, node, parent, exact: false };
      }
    }
    return { pair, node, parent, exact: true };
  }

  rangeOf(path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Range {
    const { pair, node, exact } = this.locate(path);
    // A missing child is reported on its parent's key: that is where the author has to add it.
    const wantKey = part === 'key' || !exact || node === null || node.kind !== 'scalar';
    if (wantKey && pair) return this.rangeAt(pair.key.start, pair.key.end);
    if (node) return node.kind === 'scalar' ? this.rangeAt(node.start, node.end) : this.firstLine(node);
    return this.firstLine(this.doc.contents);
  }

  /** The value range even for collections (used by edits that replace a whole value). */
  valueRange(path: readonly PathSegment[]): Range | undefined {
    const { node, exact } = this.locate(path);
    return exact && node ? this.rangeAt(node.start, node.end) : undefined;
  }

  /** The pair at `path` and the mapping that holds it, when the path ends in a map key. */
  pairAt(path: readonly PathSegment[]): { pair: PairNode; map: MapNode } | undefined {
    const { pair, parent, exact } = this.locate(path);
    return exact && pair && parent?.kind === 'map' && pair.key.value === String(path[path.length - 1])
      ? { pair, map: parent }
      : undefined;
  }

  /** The first key of the document's root mapping, if any. */
  firstKey(): string | undefined {
    const c = this.doc.contents;
    return c?.kind === 'map' && c.pairs.length ? String(c.pairs[0].key.value) : undefined;
  }

  /** The first line of a node (a collection spanning many lines is shown on its first line). */
  private firstLine(node: SourceNode | null): Range {
    const start = node?.start ?? this.doc.start;
    const lineEnd = this.text.indexOf('\n', start);
    const end = Math.min(node?.end ?? start, lineEnd < 0 ? this.text.length : lineEnd);
    return this.rangeAt(start, end);
  }
}
