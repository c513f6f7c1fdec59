// A fast reader for the YAML that definition files are made of: block mappings and sequences, one-line flow
// collections, plain and quoted one-line scalars, comments and `---`. It is several times faster than the
// general parser, which is what keeps re-validation on every keystroke cheap. Anything outside that subset
// (anchors, tags, block scalars, multi-line scalars, tabs, CRLF, duplicate keys, anything odd) returns
// undefined, and the caller uses the `yaml` package instead, which also reports the errors. A differential test
// checks that whenever this reader answers, it answers exactly what `yaml` answers.
import { MapNode, PairNode, ScalarNode, SeqNode, SourceDocument, SourceNode, treeValue } from './sourceTree';

class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

interface Line {
  start: number;
  end: number;
  indent: number;
  content: number;
}

// YAML 1.2 core schema, exactly as the `yaml` package resolves plain scalars.
function resolvePlain(s: string): unknown {
  // Most values (P90D, user:…, PIM-…) start with a character no core-schema type starts with.
  if (s.length > 0 && !'~nNtTfF0123456789+-.'.includes(s[0])) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

// Keys that name inherited members of plain objects: the full parser reads them (as own properties) and a rule
// reports them (PIM008), so both readers give the same findings.
const SPECIAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// Characters that start something this reader does not handle (anchors, aliases, tags, block scalars, reserved).
const UNSUPPORTED_START = new Set(['&', '*', '!', '|', '>', '%', '@', '`', '?']);

class Reader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  done(): boolean {
    return this.i >= this.lines.length;
  }
  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  private isSeqItem(l: Line): boolean {
    return this.text[l.content] === '-' && (l.content + 1 === l.end || this.text[l.content + 1] === ' ');
  }

  private memo: { at: number; result: { key: ScalarNode; after: number } | undefined } | undefined;

  /** The key and the offset just after its ':' when the line (from `at`) is `key: …`. */
  private keyEnd(at: number, end: number): { key: ScalarNode; after: number } | undefined {
    // Asked twice per mapping's first line (is it a mapping? then read it): remember the last answer.
    if (this.memo?.at === at) return this.memo.result;
    const result = this.readKey(at, end);
    this.memo = { at, result };
    return result;
  }

  private readKey(at: number, end: number): { key: ScalarNode; after: number } | undefined {
    const t = this.text;
    const c = t[at];
    if (c === '"' || c === "'") {
      const q = this.quoted(at, end);
      if (SPECIAL_KEYS.has(String(q.value))) bail();
      let p = q.end;
      while (p < end && t[p] === ' ') p++;
      if (t[p] !== ':' || (p + 1 < end && t[p + 1] !== ' ')) return undefined;
      return { key: q, after: p + 1 };
    }
    if (
      UNSUPPORTED_START.has(c) ||
      '[]{},#'.includes(c) ||
      (c === '-' && (at + 1 === end || t[at + 1] === ' ')) ||
      c === ':'
    )
      return undefined;
    for (let p = at; p < end; p++) {
      if (t[p] === ' ' && t[p + 1] === '#') return undefined;
      if (t[p] === ':' && (p + 1 === end || t[p + 1] === ' ')) {
        let k = p;
        while (k > at && t[k - 1] === ' ') k--;
        const raw = t.slice(at, k);
        if (typeof resolvePlain(raw) !== 'string' || SPECIAL_KEYS.has(raw) || raw === '<<' || /[[\]{},]/.test(raw))
          bail();
        return { key: { kind: 'scalar', value: raw, start: at, end: k }, after: p + 1 };
      }
    }
    return undefined;
  }

  /** A one-line quoted scalar starting at `at`. Built from slices between quotes, so a huge scalar costs its own
   *  size once (appending one character at a time built a rope many times its size). */
  private quoted(at: number, end: number): ScalarNode {
    const t = this.text;
    const q = t[at];
    const parts: string[] = [];
    let from = at + 1;
    for (;;) {
      const p = t.indexOf(q, from);
      if (p < 0 || p >= end) bail();
      // Escapes: leave them to the full parser.
      const part = t.slice(from, p);
      if (q === '"' && part.includes('\\')) bail();
      parts.push(part);
      if (q === "'" && t[p + 1] === "'") {
        parts.push("'");
        from = p + 2;
        continue;
      }
      return { kind: 'scalar', value: parts.length === 1 ? parts[0] : parts.join(''), start: at, end: p + 1 };
    }
  }

  /** After a value: only spaces and a comment may follow on the line. */
  private rest(p: number, end: number): void {
    while (p < end && this.text[p] === ' ') p++;
    if (p < end && this.text[p] !== '#') bail();
  }

  /** A value written on the same line as its key or dash. */
  private inline(at: number, end: number): SourceNode {
    const t = this.text;
    const c = t[at];
    if (c === '"' || c === "'") {
      const q = this.quoted(at, end);
      this.rest(q.end, end);
      return q;
    }
    if (c === '[' || c === '{') {
      const f = this.flow(at, end);
      this.rest(f.end, end);
      return f;
    }
    if (
      UNSUPPORTED_START.has(c) ||
      ',]}'.includes(c) ||
      (c === '-' && t[at + 1] === ' ') ||
      (c === ':' && (t[at + 1] === ' ' || at + 1 === end))
    )
      bail();
    let stop = end;
    for (let p = at; p < end; p++) {
      if (t[p] === ' ' && t[p + 1] === '#') {
        stop = p;
        break;
      }
      if (t[p] === ':' && (p + 1 === end || t[p + 1] === ' ')) bail(); // `a: b: c`
    }
    while (stop > at && t[stop - 1] === ' ') stop--;
    return { kind: 'scalar', value: resolvePlain(t.slice(at, stop)), start: at, end: stop };
  }

  /** A one-line flow collection starting at `at` ('[' or '{'). */
  private flow(at: number, end: number): MapNode | SeqNode {
    const t = this.text;
    const isMap = t[at] === '{';
    const close = isMap ? '}' : ']';
    const pairs: PairNode[] = [];
    const seen = new Set<unknown>();
    const items: SourceNode[] = [];
    let p = at + 1;
    const skip = () => {
      while (p < end && t[p] === ' ') p++;
    };
    skip();
    if (t[p] === close)
      return isMap
        ? { kind: 'map', flow: true, start: at, end: p + 1, pairs }
        : { kind: 'seq', flow: true, start: at, end: p + 1, items };
    for (;;) {
      skip();
      if (p >= end) bail();
      if (isMap) {
        const key = this.flowScalar(p, end, true);
        p = key.end;
        skip();
        if (t[p] !== ':' || t[p + 1] !== ' ') bail();
        p += 1;
        skip();
        if (typeof key.value !== 'string' || SPECIAL_KEYS.has(key.value) || seen.has(key.value)) bail();
        seen.add(key.value);
        const value = t[p] === ',' || t[p] === '}' ? bail() : this.flowItem(p, end);
        pairs.push({ key: { ...key, value: key.value }, value });
        p = value.end;
      } else {
        const item = this.flowItem(p, end);
        items.push(item);
        p = item.end;
      }
      skip();
      if (t[p] === ',') {
        p++;
        skip();
        if (t[p] === close || t[p] === ',') bail();
        continue;
      }
      if (t[p] === close) break;
      bail();
    }
    return isMap
      ? { kind: 'map', flow: true, start: at, end: p + 1, pairs }
      : { kind: 'seq', flow: true, start: at, end: p + 1, items };
  }

  private flowItem(p: number, end: number): SourceNode {
    const c = this.text[p];
    if (c === '[' || c === '{') return this.flow(p, end);
    return this.flowScalar(p, end, false);
  }

  private flowScalar(p: number, end: number, isKey: boolean): ScalarNode {
    const t = this.text;
    const c = t[p];
    if (c === '"' || c === "'") return this.quoted(p, end);
    if (UNSUPPORTED_START.has(c) || '[]{},#:'.includes(c) || (c === '-' && t[p + 1] === ' ')) bail();
    let q = p;
    while (
      q < end &&
      !',[]{}'.includes(t[q]) &&
      !(t[q] === ':' && (t[q + 1] === ' ' || ',[]{}'.includes(t[q + 1] ?? ''))) &&
      !(t[q] === ' ' && t[q + 1] === '#')
    )
      q++;
    if (!isKey && t[q] === ':') bail(); // a single-pair map inside a flow sequence
    let stop = q;
    while (stop > p && t[stop - 1] === ' ') stop--;
    if (stop === p) bail();
    const raw = t.slice(p, stop);
    return { kind: 'scalar', value: isKey ? raw : resolvePlain(raw), start: p, end: stop };
  }

  /** The value of `key:` (or a dash) with nothing after it on the line: the lines below, or null. */
  private below(ownerIndent: number, sameIndentSeq: boolean): SourceNode | null {
    const next = this.peek();
    if (!next) return null;
    if (next.indent > ownerIndent) return this.block(next.indent, ownerIndent);
    if (sameIndentSeq && next.indent === ownerIndent && this.isSeqItem(next)) return this.seq(ownerIndent);
    return null;
  }

  /** After a value on the key's line, a deeper line would be a continuation: not for this reader. */
  private noDeeper(ownerIndent: number): void {
    const next = this.peek();
    if (next && next.indent > ownerIndent) bail();
  }

  block(indent: number, ownerIndent: number): SourceNode {
    const l = this.peek()!;
    if (this.isSeqItem(l)) return this.seq(indent);
    const k = this.keyEnd(l.content, l.end);
    if (k) return this.map(indent);
    const node = this.inline(l.content, l.end);
    this.i++;
    this.noDeeper(ownerIndent);
    return node;
  }

  private map(indent: number): MapNode {
    const pairs: PairNode[] = [];
    const seen = new Set<unknown>();
    const first = this.peek()!;
    let end = first.content;
    for (let l = this.peek(); l && l.indent === indent && !this.isSeqItem(l); l = this.peek()) {
      const k = this.keyEnd(l.content, l.end) ?? bail();
      if (seen.has(k.key.value)) bail(); // duplicate key: the full parser reports it
      seen.add(k.key.value);
      let p = k.after;
      while (p < l.end && this.text[p] === ' ') p++;
      this.i++;
      let value: SourceNode | null;
      if (p >= l.end || this.text[p] === '#') value = this.below(indent, true);
      else {
        value = this.inline(p, l.end);
        this.noDeeper(indent);
      }
      pairs.push({ key: k.key, value });
      end = value?.end ?? k.after - 1;
    }
    const after = this.peek();
    if (after && after.indent > indent) bail();
    return { kind: 'map', flow: false, start: first.content, end, pairs };
  }

  private seq(indent: number): SeqNode {
    const items: (SourceNode | null)[] = [];
    const first = this.peek()!;
    let end = first.content + 1;
    for (let l = this.peek(); l && l.indent === indent && this.isSeqItem(l); l = this.peek()) {
      let p = l.content + 1;
      while (p < l.end && this.text[p] === ' ') p++;
      let item: SourceNode | null;
      if (p >= l.end || this.text[p] === '#') {
        this.i++;
        item = this.below(indent, false);
      } else if (this.text[p] === '-' && (p + 1 === l.end || this.text[p + 1] === ' ')) item = bail();
      else if (this.keyEnd(p, l.end)) {
        // `- key: value`: a mapping whose indentation is the column of its first key.
        const column = p - l.start;
        this.lines[this.i] = { ...l, indent: column, content: p };
        item = this.map(column);
      } else {
        item = this.inline(p, l.end);
        this.i++;
        this.noDeeper(indent);
      }
      items.push(item);
      end = item?.end ?? l.content + 1;
    }
    const after = this.peek();
    if (after && after.indent > indent) bail();
    return { kind: 'seq', flow: false, start: first.content, end, items };
  }
}

const MARKER = /^---(?:[ ]+#.*)?[ ]*$/;

/** The documents of `text`, or undefined when the text needs the full YAML parser. */
export function readFastYaml(text: string): SourceDocument[] | undefined {
  // Tabs, CR, control characters, BOM, non-characters: the full parser knows what they mean (or reports them).
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/.test(text)) return undefined;
  try {
    const segments: { start: number; end: number; lines: Line[] }[] = [{ start: 0, end: 0, lines: [] }];
    let lineStart = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const dashes = text.startsWith('---', lineStart);
      if (dashes && MARKER.test(text.slice(lineStart, lineEnd))) {
        segments[segments.length - 1].end = lineStart;
        segments.push({ start: lineStart, end: text.length, lines: [] });
      } else if (dashes || text.startsWith('...', lineStart) || text.charCodeAt(lineStart) === 37 /* % */) {
        return undefined;
      } else {
        let content = lineStart;
        while (text.charCodeAt(content) === 32 && content < lineEnd) content++;
        if (content < lineEnd && text.charCodeAt(content) !== 35 /* # */)
          segments[segments.length - 1].lines.push({
            start: lineStart,
            end: lineEnd,
            indent: content - lineStart,
            content,
          });
      }
      if (lineEnd === text.length) break;
      lineStart = lineEnd + 1;
    }
    segments[segments.length - 1].end = text.length;
    // Like `yaml`: text before the first marker is a document only when it has content.
    const docs = segments.filter((s, i) => i > 0 || s.lines.length > 0);
    return docs.map((s) => {
      let contents: SourceNode | null = null;
      if (s.lines.length) {
        const reader = new Reader(text, s.lines);
        contents = reader.block(s.lines[0].indent, -1);
        if (!reader.done()) bail();
      }
      const tree = contents;
      return { start: s.start, end: s.end, contents: tree, value: () => treeValue(tree) };
    });
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
