// Where the cursor is in a definition, in the terms completion and hovers need: the path of keys from the document's
// root (`[]` for a list item), whether a key or a value is being typed, and the keys already written beside it.
// Read from indentation (see yamlLines.ts) so it works on half-typed text.
import { blockScalarLines, documentBounds, LineToken, readLine } from './yamlLines';

/** A key of a mapping, or `[]` for an item of a list. */
export type CursorPath = string[];
export const ITEM = '[]';

export interface CursorContext {
  /** Key position: the mapping's path. Value position: the path of the value (ends with the key). */
  path: CursorPath;
  at: 'key' | 'value';
  /** What is typed so far (the word being completed). */
  prefix: string;
  /** Character where the prefix starts on the cursor's line. */
  prefixStart: number;
  /** At a key: the keys already written in the same mapping (above and below). */
  siblings: string[];
  /** At a key: the cursor follows a `- ` that starts a new list item (the item's keys, or a scalar item). */
  newItem: boolean;
  /** The scalar values at the document's root (kind, apiVersion): what the schema's conditions look at. */
  rootScalars: Record<string, string>;
  /** At a value: whether a space must be inserted first (`key:|`). */
  needsSpace: boolean;
}

export interface LinePosition {
  line: number;
  character: number;
}

class DocumentLines {
  readonly first: number;
  readonly last: number;
  private readonly inBlock: boolean[];

  constructor(
    readonly lines: readonly string[],
    line: number,
  ) {
    [this.first, this.last] = documentBounds(lines, line);
    this.inBlock = blockScalarLines(lines, this.first, this.last);
  }

  /** Tokens of a line of the document; none for block scalar text. */
  tokens(i: number): LineToken[] {
    return this.inBlock[i - this.first] ? [] : readLine(this.lines[i]).tokens;
  }

  /** The path to a node at `col` on line `line`, given the tokens of that line left of it. */
  ancestors(line: number, col: number, leftOnLine: LineToken[]): CursorPath {
    const reversed: string[] = [];
    let limit = col;
    const take = (tokens: LineToken[]) => {
      for (let t = tokens.length - 1; t >= 0; t--) {
        const token = tokens[t];
        if (token.col >= limit) continue;
        reversed.push(token.kind === 'dash' ? ITEM : token.key);
        limit = token.col;
      }
    };
    take(leftOnLine);
    for (let i = line - 1; i >= this.first && limit > 0; i--) take(this.tokens(i));
    return reversed.reverse();
  }

  /** Keys at exactly `col` in the mapping around line `line` (stopping where the indentation leaves it). */
  siblings(line: number, col: number, startsItem: boolean): string[] {
    const out: string[] = [];
    const scan = (i: number, upward: boolean): boolean => {
      const tokens = this.tokens(i);
      const ordered = upward ? [...tokens].reverse() : tokens;
      for (const t of ordered) {
        if (t.col < col) {
          // Going up, the dash of our own list item is where the mapping starts: its key on that line is a sibling.
          return false;
        }
        if (t.col === col && t.kind === 'key') out.push(t.key);
      }
      return true;
    };
    if (!startsItem) for (let i = line - 1; i >= this.first && scan(i, true); i--);
    for (let i = line + 1; i <= this.last && scan(i, false); i++);
    return out;
  }

  rootScalars(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = this.first; i <= this.last; i++) {
      const read = readLine(this.lines[i]);
      const [t] = read.tokens;
      if (read.tokens.length === 1 && t.kind === 'key' && t.col === 0 && read.value)
        out[t.key] = read.value.replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
    }
    return out;
  }
}

// The line up to the cursor, when a key is being typed: indentation, any list dashes, then a partial key.
const AT_KEY = /^(\s*(?:-\s+)*)([\w$.-]*)$/;

/** The cursor's context, or undefined inside a comment, a block scalar or a flow mapping. */
export function cursorContext(lines: readonly string[], position: LinePosition): CursorContext | undefined {
  const doc = new DocumentLines(lines, position.line);
  const text = lines[position.line] ?? '';
  if (doc.tokens(position.line).length === 0 && readLine(text).tokens.length > 0) return undefined; // block scalar
  const before = text.slice(0, position.character);
  if (before.includes('#') || before.includes('{')) return undefined;
  const rootScalars = doc.rootScalars();

  const key = AT_KEY.exec(before);
  if (key) {
    const col = key[1].length;
    const dashes = readLine(key[1]).tokens;
    const newItem = dashes.length > 0;
    return {
      path: doc.ancestors(position.line, col, dashes),
      at: 'key',
      prefix: key[2],
      prefixStart: col,
      siblings: doc.siblings(position.line, col, newItem),
      newItem,
      rootScalars,
      needsSpace: false,
    };
  }
  const read = readLine(before);
  const last = read.tokens[read.tokens.length - 1];
  if (last?.kind !== 'key' || position.character < last.end + 1) return undefined;
  const path = [...doc.ancestors(position.line, last.col, read.tokens.slice(0, -1)), last.key];
  let value = before.slice(read.valueCol);
  let valueStart = read.valueCol;
  // A flow list (`scopeTags: [ Default, `): the item being typed.
  const flow = /^\[(?:[^\]]*,)?\s*([^,\]]*)$/.exec(value);
  if (flow) {
    path.push(ITEM);
    valueStart = position.character - flow[1].length;
    value = flow[1];
  }
  const quote = /^["']/.exec(value);
  return {
    path,
    at: 'value',
    prefix: quote ? value.slice(1) : value,
    prefixStart: valueStart + (quote ? 1 : 0),
    siblings: [],
    newItem: false,
    rootScalars,
    needsSpace: before.endsWith(':'),
  };
}

/** What a hover is over: a key (its path ends with the key) or a scalar value, with its columns on the line. */
export interface HoverTarget {
  path: CursorPath;
  part: 'key' | 'value';
  text: string;
  start: number;
  end: number;
  rootScalars: Record<string, string>;
}

export function hoverTarget(lines: readonly string[], position: LinePosition): HoverTarget | undefined {
  const doc = new DocumentLines(lines, position.line);
  const tokens = doc.tokens(position.line);
  const keyIndex = tokens.findIndex((t) => t.kind === 'key');
  if (keyIndex < 0) return undefined;
  const key = tokens[keyIndex] as Extract<LineToken, { kind: 'key' }>;
  const path = [...doc.ancestors(position.line, key.col, tokens.slice(0, keyIndex)), key.key];
  const rootScalars = doc.rootScalars();
  if (position.character >= key.col && position.character <= key.end)
    return { path, part: 'key', text: key.key, start: key.col, end: key.end, rootScalars };
  const read = readLine(lines[position.line]);
  const value = read.value.replace(/\s+#.*$/, '');
  const start = read.valueCol;
  if (!value || /^[[{|>&*!]/.test(value) || position.character < start || position.character > start + value.length)
    return undefined;
  return {
    path,
    part: 'value',
    text: value.replace(/^(["'])(.*)\1$/, '$2'),
    start,
    end: start + value.length,
    rootScalars,
  };
}
