// The JSON Schema at a path of a definition, read generically: `$ref`, `allOf`, `anyOf`/`oneOf` (every branch),
// `if`/`then`/`else` (decided by the document's root scalars such as `kind`), `properties`, `patternProperties`,
// `additionalProperties` and `items`. No key is named here, so what the schema gains appears in completion and
// hovers without code changes.
import { ITEM } from './cursorContext';

export type SchemaNode = Readonly<Record<string, unknown>>;

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`); the referring node's own keywords win (descriptions). */
export function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) break;
    let target: unknown = root;
    for (const part of ref.slice(1).split('/').filter(Boolean))
      target = isNode(target) ? target[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isNode(target)) break;
    const { $ref: _ref, ...own } = current;
    current = { ...target, ...own };
  }
  return current;
}

/** Whether an `if` holds for the root scalars; undefined when it looks at something else (then both branches count). */
function ifHolds(
  condition: SchemaNode,
  scalars: Readonly<Record<string, string>>,
  atRoot: boolean,
): boolean | undefined {
  if (!atRoot) return undefined;
  const required = Array.isArray(condition.required) ? (condition.required as string[]) : [];
  if (required.some((k) => !(k in scalars))) return false;
  for (const [key, raw] of Object.entries(isNode(condition.properties) ? condition.properties : {})) {
    if (!isNode(raw) || !(key in scalars)) continue;
    if ('const' in raw && String(raw.const) !== scalars[key]) return false;
    if (Array.isArray(raw.enum) && !raw.enum.map(String).includes(scalars[key])) return false;
  }
  return true;
}

/**
 * A node and every schema that applies with it (allOf, matching if/then, each anyOf/oneOf branch), each resolved.
 * Completion offers the union: what any branch allows.
 */
export function expand(
  root: SchemaNode,
  node: SchemaNode,
  scalars: Readonly<Record<string, string>> = {},
  atRoot = false,
): SchemaNode[] {
  const out: SchemaNode[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (raw: unknown, depth: number) => {
    if (!isNode(raw) || depth > 16) return;
    const n = resolveRef(root, raw);
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n);
    for (const key of ['allOf', 'anyOf', 'oneOf'])
      if (Array.isArray(n[key])) for (const branch of n[key] as unknown[]) visit(branch, depth + 1);
    if (isNode(n.if)) {
      const holds = ifHolds(n.if, scalars, atRoot);
      if (holds !== false) visit(n.then, depth + 1);
      if (holds !== true) visit(n.else, depth + 1);
    }
  };
  visit(node, 0);
  return out;
}

/** The schemas of the child `key` of any of `nodes` (an object's property, or a list's item for `[]`). */
function childOf(root: SchemaNode, nodes: readonly SchemaNode[], key: string): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const n of nodes) {
    if (key === ITEM) {
      if (isNode(n.items)) out.push(n.items);
      continue;
    }
    const props = isNode(n.properties) ? n.properties : {};
    if (isNode(props[key])) {
      out.push(props[key] as SchemaNode);
      continue;
    }
    let matched = false;
    for (const [pattern, s] of Object.entries(isNode(n.patternProperties) ? n.patternProperties : {}))
      if (isNode(s) && new RegExp(pattern, 'u').test(key)) {
        out.push(s);
        matched = true;
      }
    if (!matched && isNode(n.additionalProperties)) out.push(n.additionalProperties);
  }
  return out.flatMap((s) => expand(root, s));
}

/** Every schema that applies at `path` of a document whose root scalars are `scalars` (empty when unknown). */
export function schemasAt(
  root: SchemaNode,
  path: readonly string[],
  scalars: Readonly<Record<string, string>>,
): SchemaNode[] {
  let nodes = expand(root, root, scalars, true);
  for (const key of path) {
    nodes = childOf(root, nodes, key);
    if (nodes.length === 0) break;
  }
  return nodes;
}

export interface PropertyInfo {
  name: string;
  /** Every schema the property has across the branches, each expanded. */
  schemas: SchemaNode[];
  required: boolean;
}

/** The properties any of `nodes` declares, in schema order, with whether a branch requires them. */
export function propertiesOf(root: SchemaNode, nodes: readonly SchemaNode[]): PropertyInfo[] {
  const byName = new Map<string, PropertyInfo>();
  for (const n of nodes) {
    const required = Array.isArray(n.required) ? (n.required as string[]) : [];
    for (const [name, s] of Object.entries(isNode(n.properties) ? n.properties : {})) {
      if (!isNode(s)) continue; // `false`: the property is not allowed
      const info = byName.get(name) ?? { name, schemas: [], required: false };
      info.schemas.push(...expand(root, s));
      info.required ||= required.includes(name);
      byName.set(name, info);
    }
  }
  return [...byName.values()];
}

/** The first value of `keyword` among the schemas (the referring node first, so its description wins). */
export function firstOf<T>(schemas: readonly SchemaNode[], keyword: string, is: (v: unknown) => v is T): T | undefined {
  for (const s of schemas) if (is(s[keyword])) return s[keyword] as T;
  return undefined;
}

export const isString = (v: unknown): v is string => typeof v === 'string';

/** The types the schemas allow (`type` as a string or a list, `const`/`enum` values' types). */
export function typesOf(schemas: readonly SchemaNode[]): Set<string> {
  const types = new Set<string>();
  for (const s of schemas) {
    if (typeof s.type === 'string') types.add(s.type);
    if (Array.isArray(s.type)) for (const t of s.type) types.add(String(t));
  }
  return types;
}
