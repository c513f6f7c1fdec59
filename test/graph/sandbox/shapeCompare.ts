// Structural comparison of a documented response with the sandbox's: every documented property must exist with
// the same name (exact casing) and the same JSON type; enum-like values must use the same casing style. Documented
// nulls accept any value (doc samples show null where a real tenant may have data); extra properties are allowed
// (doc samples "might be shortened for readability").

const ENUM_KEYS = new Set([
  'action',
  'status',
  'type',
  'accessId',
  'memberType',
  'assignmentType',
  'caller',
  'level',
  'notificationType',
  'recipientType',
  'notificationLevel',
  'approvalMode',
  'scopeType',
  'reviewResult',
]);

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const style = (s: string) => (/^[A-Z]/.test(s) ? 'PascalCase' : /^[a-z]/.test(s) ? 'lowerCamel' : 'other');

export interface CompareOptions {
  /** Paths ('$.value[0].x') where the sandbox may answer null or an empty array although the doc shows data. */
  lenient?: string[];
  /** Keys never compared (documented quirks, each with a reason at the call site). */
  ignore?: string[];
}

export function compareShape(doc: unknown, ours: unknown, opts: CompareOptions = {}, path = '$'): string[] {
  if (doc === null || doc === undefined) return [];
  const lenient = opts.lenient?.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
  if ((ours === null || (Array.isArray(ours) && ours.length === 0)) && lenient) return [];
  if (kind(doc) !== kind(ours)) return [`${path}: documented ${kind(doc)}, sandbox ${kind(ours)}`];
  if (Array.isArray(doc)) {
    const o = ours as unknown[];
    if (doc.length && !o.length) return [`${path}: documented a non-empty array, sandbox answered []`];
    return doc.length && o.length ? compareShape(doc[0], o[0], opts, `${path}[0]`) : [];
  }
  if (kind(doc) === 'object') {
    const out: string[] = [];
    const o = ours as Record<string, unknown>;
    for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
      if (opts.ignore?.includes(k)) continue;
      if (!(k in o)) {
        out.push(`${path}.${k}: missing (sandbox has ${Object.keys(o).join(',')})`);
        continue;
      }
      out.push(...compareShape(v, o[k], opts, `${path}.${k}`));
    }
    return out;
  }
  const key = path
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');
  if (
    typeof doc === 'string' &&
    ENUM_KEYS.has(key) &&
    /^[A-Za-z]+$/.test(doc) &&
    style(doc) !== style(ours as string)
  ) {
    return [`${path}: documented casing '${doc}', sandbox '${String(ours)}'`];
  }
  return [];
}
