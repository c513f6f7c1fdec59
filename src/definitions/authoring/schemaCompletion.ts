// Completion candidates at a cursor from the schema: the keys valid there and not yet written (with description
// and default), enum, const, boolean and null values, and durations in words. Plain data: the editor turns each into
// a CompletionItem, the benchmark and the unit tests read them directly.
import { CursorContext } from './cursorContext';
import { durationChoices } from './durationChoices';
import { firstOf, propertiesOf, SchemaNode, schemasAt, typesOf } from './schemaAtPath';
import { fieldSummary } from './schemaHover';

export type CandidateKind = 'key' | 'value' | 'duration';

export interface Candidate {
  kind: CandidateKind;
  label: string;
  /** Shown beside the label ("8 hours", "boolean", "one of member, owner"). */
  detail: string;
  /** Markdown: the schema's description, default and allowed values. */
  documentation: string;
  /** Snippet text (VS Code syntax: `$0` is where the cursor lands). */
  insertSnippet: string;
  /** After inserting a key whose value has choices, ask for completion again to show them. */
  retrigger: boolean;
  sortText: string;
}

/** Which groups of candidates to produce (see coexistence.ts: Red Hat YAML may provide some). */
export interface CandidateFilter {
  keys: boolean;
  values: boolean;
  /** Durations that the schema lists as examples (a schema-driven tool offers those as values). */
  durationExamples: boolean;
}
export const ALL_CANDIDATES: CandidateFilter = { keys: true, values: true, durationExamples: true };

const isObject = (types: Set<string>) => types.has('object');
const isArray = (types: Set<string>) => types.has('array');

function keySnippet(name: string, schemas: readonly SchemaNode[]): [string, boolean] {
  const types = typesOf(schemas);
  if (isArray(types)) {
    return [`${name}:\n\t- $0`, true];
  }
  if (isObject(types) || schemas.some((s) => typeof s.properties === 'object')) return [`${name}:\n\t$0`, false];
  return [`${name}: $0`, true];
}

function keyCandidates(root: SchemaNode, context: CursorContext): Candidate[] {
  const nodes = schemasAt(root, context.path, context.rootScalars);
  const present = new Set(context.siblings);
  return propertiesOf(root, nodes)
    .filter((p) => !present.has(p.name))
    .map((p, order) => {
      const [insertSnippet, retrigger] = keySnippet(p.name, p.schemas);
      return {
        kind: 'key' as const,
        label: p.name,
        detail: fieldSummary(p.schemas).detail,
        documentation: fieldSummary(p.schemas).markdown,
        insertSnippet,
        retrigger,
        // Required keys first, then the schema's order (which is the order a definition reads best in).
        sortText: `${p.required ? 0 : 1}${String(order).padStart(3, '0')}`,
      };
    });
}

function valueCandidates(root: SchemaNode, context: CursorContext, filter: CandidateFilter): Candidate[] {
  const schemas = schemasAt(root, context.path, context.rootScalars);
  if (schemas.length === 0) return [];
  const lead = context.needsSpace ? ' ' : '';
  const summary = fieldSummary(schemas);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (kind: CandidateKind, label: string, detail: string, documentation: string) => {
    if (seen.has(label)) return;
    seen.add(label);
    out.push({
      kind,
      label,
      detail,
      documentation,
      insertSnippet: lead + label.replace(/[$}\\]/g, '\\$&'),
      retrigger: false,
      sortText: String(out.length).padStart(3, '0'),
    });
  };
  const def = firstOf(schemas, 'default', (v): v is unknown => v !== undefined);
  if (filter.values) {
    for (const s of schemas) {
      const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : [];
      for (const v of values)
        if (v === null || ['string', 'number', 'boolean'].includes(typeof v))
          add('value', String(v), v === def ? 'default' : '', summary.markdown);
    }
    const types = typesOf(schemas);
    if (types.has('boolean')) for (const b of ['true', 'false']) add('value', b, '', summary.markdown);
    if (types.has('null')) add('value', 'null', 'turns it off', summary.markdown);
  }
  for (const d of durationChoices(schemas) ?? [])
    if (filter.durationExamples || !d.example) add('duration', d.value, d.words, summary.markdown);
  return out; // the editor filters by what is typed
}

/** The candidates at a cursor. */
export function schemaCandidates(
  root: SchemaNode,
  context: CursorContext,
  filter: CandidateFilter = ALL_CANDIDATES,
): Candidate[] {
  if (context.at === 'value') return valueCandidates(root, context, filter);
  const keys = filter.keys ? keyCandidates(root, context) : [];
  // `- ` in a list of scalars: the item's values.
  const items = context.newItem ? valueCandidates(root, { ...context, at: 'value' }, filter) : [];
  return [...keys, ...items];
}
