// A line-by-line reading of block YAML for the editor: where keys and list dashes sit on each line. Completion and
// hovers run on text being typed, which is often not valid YAML yet (`  requ` with no colon), so the parser's tree
// cannot be trusted there; the indentation of the lines above still says where the cursor is.

/** A `- ` list dash or a `key:` on a line, at its column. */
export type LineToken = { kind: 'dash'; col: number } | { kind: 'key'; col: number; key: string; end: number };

export interface YamlLine {
  tokens: LineToken[];
  /** The text after the last key's colon (trimmed, comment kept), or the scalar after the dashes. */
  value: string;
  /** Column where `value` starts. */
  valueCol: number;
}

// A plain or quoted key followed by `:` and a space or the end of the line.
const KEY = /^("[^"\n]*"|'[^'\n]*'|[^\s#'"{[\]},&*!|>%@`-][^:#\n]*?|-[^\s:#][^:#\n]*?)\s*:(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;

/** Tokens of one line; a comment or blank line has none. */
export function readLine(line: string): YamlLine {
  const tokens: LineToken[] = [];
  let pos = 0;
  for (;;) {
    while (line[pos] === ' ') pos++;
    if (line[pos] === '-' && (pos + 1 === line.length || line[pos + 1] === ' ')) {
      tokens.push({ kind: 'dash', col: pos });
      pos++;
      continue;
    }
    break;
  }
  const rest = line.slice(pos);
  const m = rest[0] === '#' ? null : KEY.exec(rest);
  if (!m) return { tokens, value: rest.trimEnd(), valueCol: pos };
  const key = m[1].replace(/^(["'])(.*)\1$/, '$2');
  tokens.push({ kind: 'key', col: pos, key, end: pos + m[1].length });
  let valueCol = pos + m[0].length;
  while (line[valueCol] === ' ') valueCol++;
  return { tokens, value: line.slice(valueCol).trimEnd(), valueCol };
}

export function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}

/** The lines of the YAML document holding `line` (documents are split by `---`): [first, last] inclusive. */
export function documentBounds(lines: readonly string[], line: number): [number, number] {
  let first = line;
  while (first > 0 && !isDocumentMarker(lines[first - 1])) first--;
  if (isDocumentMarker(lines[first] ?? '') && first < line) first++;
  let last = line;
  while (last + 1 < lines.length && !isDocumentMarker(lines[last + 1])) last++;
  return [first, last];
}

/**
 * For each line of [first, last], whether it is text inside a block scalar (`description: |` and the lines indented
 * under it), which must not be read as keys.
 */
export function blockScalarLines(lines: readonly string[], first: number, last: number): boolean[] {
  const inside: boolean[] = [];
  let owner = -1; // column of the key that opened the block scalar, -1 when outside one
  for (let i = first; i <= last; i++) {
    const text = lines[i];
    const indent = text.length - text.trimStart().length;
    if (owner >= 0 && (text.trim() === '' || indent > owner)) {
      inside.push(true);
      continue;
    }
    owner = -1;
    inside.push(false);
    const read = readLine(text);
    const last = read.tokens[read.tokens.length - 1];
    if (last?.kind === 'key' && BLOCK_SCALAR.test(read.value)) owner = last.col;
  }
  return inside;
}
