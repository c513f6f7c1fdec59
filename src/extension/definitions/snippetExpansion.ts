// Expands a VS Code snippet body to plain text with every placeholder at its default (or an override), so the
// New Definition command and the snippet tests produce exactly what a user gets by pressing Tab through it.
// Supports the syntax our snippets use: $1, ${1}, ${1:default with ${2:nesting}}, ${1|a,b|}, $VAR, ${VAR:default},
// and the escapes \$ \} \\ (plus \, \| inside choices). Transforms (${1/re/fmt/}) are refused. Pure.

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

export interface ExpandOptions {
  /** Text for a tab stop instead of its default, e.g. `{ 1: 'my-group' }`. */
  placeholders?: Readonly<Record<number, string>>;
  /** Values for snippet variables (`TM_FILENAME_BASE`, `CURRENT_YEAR`); unknown ones take their default. */
  variables?: Readonly<Record<string, string>>;
}

class SnippetParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): SnippetNode[] {
    const nodes = this.nodes(false);
    if (this.pos < this.text.length) throw this.error('unexpected "}"');
    return nodes;
  }

  private error(what: string): Error {
    return new Error(`Snippet syntax: ${what} at offset ${this.pos}`);
  }

  /** Reads nodes until the end, or until an unescaped `}` when `nested`. */
  private nodes(nested: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && '$}\\'.includes(this.text[this.pos + 1] ?? '')) {
        text += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === '}' && nested) break;
      if (ch === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
          continue;
        }
      }
      text += ch;
      this.pos += 1;
    }
    flush();
    return out;
  }

  private dollar(): SnippetNode | undefined {
    const rest = this.text.slice(this.pos + 1);
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (simple) {
      this.pos += 1 + simple[1].length;
      return /^\d/.test(simple[1])
        ? { kind: 'tabstop', index: Number(simple[1]) }
        : { kind: 'variable', name: simple[1] };
    }
    const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([}:|/])/.exec(rest);
    if (!braced) return undefined;
    const [whole, id, next] = braced;
    this.pos += 1 + whole.length;
    const isTabstop = /^\d/.test(id);
    if (next === '}') return isTabstop ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    if (next === '/') throw this.error(`transform on ${id} is not supported`);
    if (next === '|') {
      if (!isTabstop) throw this.error(`choice on variable ${id}`);
      return { kind: 'choice', index: Number(id), options: this.choiceOptions() };
    }
    const children = this.nodes(true);
    if (this.text[this.pos] !== '}') throw this.error(`unclosed placeholder ${id}`);
    this.pos += 1;
    return isTabstop ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children };
  }

  private choiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '\\' && ',|\\$}'.includes(this.text[this.pos + 1] ?? '')) {
        current += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (ch === ',') {
        options.push(current);
        current = '';
        this.pos += 1;
        continue;
      }
      if (ch === '|' && this.text[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      }
      current += ch;
      this.pos += 1;
    }
    throw this.error('unclosed choice');
  }
}

export function parseSnippet(body: string | readonly string[]): SnippetNode[] {
  return new SnippetParser(typeof body === 'string' ? body : body.join('\n')).parse();
}

/** The text the snippet inserts when every tab stop keeps its default (first choice for choices). */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  return render(nodes, collectDefaults(nodes), options);
}

/** The text tab stop `index` holds when the snippet is inserted as is. */
export function placeholderDefault(body: string | readonly string[], index: number): string {
  return render([{ kind: 'tabstop', index }], collectDefaults(parseSnippet(body)), {});
}

/** Each tab stop's default: its first placeholder's content, or its choice's first option. */
function collectDefaults(
  nodes: SnippetNode[],
  defaults = new Map<number, SnippetNode[]>(),
): Map<number, SnippetNode[]> {
  for (const node of nodes) {
    if (node.kind === 'tabstop' && node.children && !defaults.has(node.index)) defaults.set(node.index, node.children);
    if (node.kind === 'choice' && !defaults.has(node.index))
      defaults.set(node.index, [{ kind: 'text', value: node.options[0] ?? '' }]);
    if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children)
      collectDefaults(node.children, defaults);
  }
  return defaults;
}

function render(
  nodes: SnippetNode[],
  defaults: Map<number, SnippetNode[]>,
  options: ExpandOptions,
  rendering = new Set<number>(),
): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.value;
        case 'variable':
          return (
            options.variables?.[node.name] ?? (node.children ? render(node.children, defaults, options, rendering) : '')
          );
        case 'tabstop':
        case 'choice': {
          const override = options.placeholders?.[node.index];
          if (override !== undefined) return override;
          const fallback = defaults.get(node.index);
          if (!fallback || rendering.has(node.index)) return '';
          rendering.add(node.index);
          try {
            return render(fallback, defaults, options, rendering);
          } finally {
            rendering.delete(node.index);
          }
        }
      }
    })
    .join('');
}

/** The tab stop indexes a snippet uses, in order of first appearance. */
export function tabstopIndexes(body: string | readonly string[]): number[] {
  const seen: number[] = [];
  const walk = (list: SnippetNode[]) => {
    for (const node of list) {
      if ((node.kind === 'tabstop' || node.kind === 'choice') && !seen.includes(node.index)) seen.push(node.index);
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) walk(node.children);
    }
  };
  walk(parseSnippet(body));
  return seen;
}
