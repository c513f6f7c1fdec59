// Source ranges for a parsed YAML document: every finding points at the node it is about.
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair } from 'yaml';
import { PathSegment, Position, Range, SourceInfo } from './model';

/** A located node: the pair that holds it (when it is a map value) and the node itself (absent for `key:` with no value). */
interface Located { pair?: Pair; node?: Node | null; exact: boolean }

/** The SourceInfo of one YAML document, with the node access the rules and quick fixes need. */
export class YamlSource implements SourceInfo {
  readonly range: Range;

  constructor(
    readonly file: string,
    readonly index: number,
    readonly doc: Document.Parsed,
    readonly text: string,
    private readonly lines: LineCounter,
  ) {
    const [start, , end] = doc.range;
    this.range = this.rangeAt(start, end);
  }

  position(offset: number): Position {
    const p = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: p.line - 1, character: p.col - 1 };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Walks `path` as far as it exists; `exact` says whether the whole path was found. */
  locate(path: readonly PathSegment[]): Located {
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const found = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (!found) return { pair, node: node as Node, exact: false };
        pair = found as Pair;
        node = found.value;
        if (node === null || node === undefined) return { pair, node: null, exact: i === path.length - 1 };
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined || !Number.isInteger(Number(seg))) return { pair, node: node as Node, exact: false };
        pair = undefined;
        node = item;
      } else {
        return { pair, node: node as Node | null, exact: false };
      }
    }
    return { pair, node: node as Node | null, exact: true };
  }

  rangeOf(path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Range {
    const { pair, node, exact } = this.locate(path);
    // A missing child is reported on its parent's key: that is where the author has to add it.
    const wantKey = part === 'key' || !exact || node === null || node === undefined || isCollection(node);
    if (wantKey && pair && isNodeWithRange(pair.key)) return this.nodeRange(pair.key);
    if (node && isNodeWithRange(node)) return isCollection(node) ? this.firstLine(node) : this.nodeRange(node);
    return this.firstLine(this.doc.contents as Node | null);
  }

  /** The value range even for collections (used by edits that replace a whole value). */
  valueRange(path: readonly PathSegment[]): Range | undefined {
    const { node, exact } = this.locate(path);
    return exact && node && isNodeWithRange(node) ? this.nodeRange(node) : undefined;
  }

  /** The pair at `path` when the path ends in a map key. */
  pairAt(path: readonly PathSegment[]): Pair | undefined {
    const { pair, exact } = this.locate(path);
    return exact && pair && isScalar(pair.key) && keyText(pair.key) === String(path[path.length - 1]) ? pair : undefined;
  }

  nodeRange(node: Node): Range {
    const r = node.range!;
    return this.rangeAt(r[0], r[1]);
  }

  /** The first line of a node (a collection spanning many lines is shown on its first line). */
  private firstLine(node: Node | null): Range {
    const start = node?.range?.[0] ?? this.doc.range[0];
    const lineEnd = this.text.indexOf('\n', start);
    const end = Math.min(node?.range?.[1] ?? start, lineEnd < 0 ? this.text.length : lineEnd);
    return this.rangeAt(start, end);
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function isCollection(node: unknown): boolean {
  return isMap(node) || isSeq(node);
}

function isNodeWithRange(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && Array.isArray((node as Node).range);
}
