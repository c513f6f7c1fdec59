// Turns ajv errors into findings on the offending key or value, with messages that say what to write.
import { closestName } from './closestName';
import { finding } from './finding';
import { Finding, PathSegment, QuickFix } from './model';
import { SchemaError } from './schema';
import { YamlSource } from './yamlSource';

// Formats these definitions check better (with fixes); their pattern errors are left to the semantic rules.
const SEMANTIC_PATTERNS = ['#/definitions/duration/', '#/definitions/instant/', '#/definitions/principal/'];

export function schemaFindings(errors: readonly SchemaError[], source: YamlSource): Finding[] {
  const out: Finding[] = [];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const deeper = (p: string) => errors.some((e) => e.instancePath.startsWith(p + '/'));
  for (const e of errors) {
    if (e.keyword === 'pattern' && SEMANTIC_PATTERNS.some((s) => e.schemaPath.startsWith(s))) continue;
    if (e.keyword === 'if') continue;
    if (anyOfPaths.has(e.instancePath) && e.keyword !== 'anyOf') continue; // one message per anyOf
    if (e.keyword === 'anyOf' && deeper(e.instancePath)) continue; // the branch that was meant reported already
    const f = one(e, source);
    if (f) out.push(f);
  }
  return out;
}

function pathOf(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => {
      const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(seg) ? Number(seg) : seg;
    });
}

function describe(path: PathSegment[]): string {
  const names = path.filter((p) => typeof p === 'string');
  return names.length ? `'${names[names.length - 1]}'` : 'the document';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text '${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  object: 'a mapping (key: value lines)',
  array: 'a list',
  null: 'null',
};

function one(e: SchemaError, source: YamlSource): Finding | undefined {
  const path = pathOf(e.instancePath);
  const file = source.file;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const keyPath = [...path, prop];
      const known = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      const best = closestName(prop, known);
      const range = source.rangeOf(keyPath, 'key');
      const where = path.length ? ` in ${describe(path)}` : '';
      const fixes: QuickFix[] = best
        ? [{ title: `Rename to '${best}'`, edits: [{ range, newText: best }], isPreferred: true }]
        : [];
      const message = best
        ? `Unknown property '${prop}'${where}; did you mean '${best}'?`
        : `Unknown property '${prop}'${where}; valid properties: ${known.join(', ')}.`;
      return finding('PIM004', file, range, message, fixes);
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const range = path.length ? source.rangeOf(path, 'key') : source.rangeOf([firstKey(source) ?? 'kind'], 'key');
      return finding('PIM005', file, range, `${path.length ? describe(path) : 'The document'} needs '${missing}'.`);
    }
    case 'type':
    case 'anyOf': {
      const expected =
        e.keyword === 'anyOf'
          ? 'a mapping or null'
          : [params.type]
              .flat()
              .map((t) => TYPE_WORDS[String(t)] ?? String(t))
              .join(' or ');
      const range = source.rangeOf(path, 'value');
      const fixes = booleanFix(e, source, path);
      return finding('PIM006', file, range, `${describe(path)} must be ${expected}, not ${typeName(e.data)}.`, fixes);
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const best = typeof e.data === 'string' ? closestName(e.data, allowed) : undefined;
      const range = source.rangeOf(path, 'value');
      const fixes: QuickFix[] = best
        ? [{ title: `Change to '${best}'`, edits: [{ range, newText: best }], isPreferred: true }]
        : [];
      const hint = best ? ` Did you mean '${best}'?` : '';
      return finding(
        'PIM007',
        file,
        range,
        `${describe(path)} must be ${allowed
          .map((a) => `'${a}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}.${hint}`,
        fixes,
      );
    }
    case 'pattern': {
      const custom = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
      return finding(
        'PIM007',
        file,
        source.rangeOf(path, 'value'),
        `${describe(path)}: ${typeName(e.data)} is not allowed. ${custom ?? `It must match ${String(params.pattern)}.`}`,
      );
    }
    case 'format':
      return finding(
        'PIM007',
        file,
        source.rangeOf(path, 'value'),
        `${typeName(e.data)} is not a valid ${String(params.format)}${params.format === 'email' ? ' address' : ''}.`,
      );
    case 'minimum':
    case 'maximum':
      return finding(
        'PIM007',
        file,
        source.rangeOf(path, 'value'),
        `${describe(path)} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`,
      );
    case 'minLength':
      return finding('PIM007', file, source.rangeOf(path, 'value'), `${describe(path)} must not be empty.`);
    case 'maxLength':
    case 'maxItems':
      return finding(
        'PIM007',
        file,
        source.rangeOf(path, 'value'),
        `${describe(path)} is too long (at most ${String(params.limit)}).`,
      );
    default:
      return finding(
        'PIM007',
        file,
        source.rangeOf(path, 'value'),
        `${describe(path)} ${e.message ?? 'is not allowed'}.`,
      );
  }
}

function firstKey(source: YamlSource): string | undefined {
  return source.firstKey();
}

// YAML 1.1 habits (yes/no/on/off) arrive as text under YAML 1.2; offer the boolean the author meant.
function booleanFix(e: SchemaError, source: YamlSource, path: PathSegment[]): QuickFix[] {
  if (e.keyword !== 'type' || [e.params.type].flat()[0] !== 'boolean' || typeof e.data !== 'string') return [];
  const v = e.data.toLowerCase();
  const meant = ['yes', 'on', 'y', 'true'].includes(v)
    ? 'true'
    : ['no', 'off', 'n', 'false'].includes(v)
      ? 'false'
      : undefined;
  return meant
    ? [
        {
          title: `Change to ${meant}`,
          edits: [{ range: source.rangeOf(path, 'value'), newText: meant }],
          isPreferred: true,
        },
      ]
    : [];
}
