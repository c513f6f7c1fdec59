// What the schema says about a field, as Markdown: its markdownDescription (or description), its default and its
// allowed values. The hover on a key shows it; so does the documentation of a completion item.
import { hoverTarget, LinePosition } from './cursorContext';
import { durationExamples } from './durationChoices';
import { firstOf, isString, SchemaNode, schemasAt, typesOf } from './schemaAtPath';

export interface FieldSummary {
  /** One short phrase: `boolean`, `one of member, owner`, `duration`, `list`. */
  detail: string;
  markdown: string;
}

const code = (v: unknown) => '`' + (typeof v === 'string' ? v : JSON.stringify(v)).replace(/`/g, "'") + '`';

function allowedValues(schemas: readonly SchemaNode[]): unknown[] {
  const values: unknown[] = [];
  for (const s of schemas) {
    if ('const' in s) values.push(s.const);
    if (Array.isArray(s.enum)) values.push(...s.enum);
  }
  return [...new Set(values)];
}

export function fieldSummary(schemas: readonly SchemaNode[]): FieldSummary {
  const description =
    firstOf(schemas, 'markdownDescription', isString) ?? firstOf(schemas, 'description', isString) ?? '';
  const def = firstOf(schemas, 'default', (v): v is unknown => v !== undefined);
  const allowed = allowedValues(schemas);
  const types = typesOf(schemas);
  const lines = [description];
  if (allowed.length > 1) lines.push(`Allowed: ${allowed.map(code).join(', ')}.`);
  if (def !== undefined) lines.push(`Default: ${code(def)}.`);
  let detail = [...types].filter((t) => t !== 'null').join(' or ');
  if (allowed.length > 1) detail = `one of ${allowed.map(String).join(', ')}`;
  else if (allowed.length === 1) detail = String(allowed[0]);
  else if (types.has('array')) detail = 'list';
  else if (durationExamples(schemas)) detail = 'duration';
  return { detail, markdown: lines.filter(Boolean).join('\n\n') };
}

export interface SchemaHover {
  markdown: string;
  line: number;
  start: number;
  end: number;
}

/**
 * The hover at a position: on a key, what the schema says about it; on a value, only where the schema lists the
 * allowed values (durations and instants have their own hover in words). Undefined when the schema knows nothing.
 */
export function schemaHoverAt(
  root: SchemaNode,
  lines: readonly string[],
  position: LinePosition,
  parts: { keys: boolean; values: boolean } = { keys: true, values: true },
): SchemaHover | undefined {
  const target = hoverTarget(lines, position);
  if (!target || !parts[target.part === 'key' ? 'keys' : 'values']) return undefined;
  const schemas = schemasAt(root, target.path, target.rootScalars);
  if (schemas.length === 0) return undefined;
  const summary = fieldSummary(schemas);
  let markdown: string;
  if (target.part === 'key') {
    if (!summary.markdown) return undefined;
    markdown = `**${target.text}**${summary.detail ? ` (${summary.detail})` : ''}\n\n${summary.markdown}`;
  } else {
    const allowed = allowedValues(schemas);
    if (allowed.length < 2) return undefined;
    const known = allowed.map(String).includes(target.text);
    markdown = `${code(target.text)} ${known ? 'is one of' : 'is not one of'} ${allowed.map(code).join(', ')}.\n\n${summary.markdown}`;
  }
  return { markdown, line: position.line, start: target.start, end: target.end };
}
