// Properties Graph returns only when selected (e.g. a user's accountEnabled): kept on the view under one key that
// the output drops, while $select and $filter look inside it.
//
// The copies below are loops, not `const { [HIDDEN]: _, ...rest } = obj` and spreads: V8 copies with an excluded key
// through a slow runtime path, 45 µs for a group's view against 8 µs for the loop, and at 5,000 groups that was the
// largest cost of serving a name look-up. An own `__proto__` key (assignment would set the prototype) takes the
// spread, which defines it as data.
export const HIDDEN = '__hidden__';

export function hidden(props: Record<string, unknown>): Record<string, unknown> {
  return { [HIDDEN]: props };
}

const PROTO = '__proto__';
const hasProtoKey = (o: object) => Object.prototype.hasOwnProperty.call(o, PROTO);

/** The view's own properties, without the hidden key, then the hidden ones (which win where both have a key). */
export function withHidden(obj: Record<string, unknown>): Record<string, unknown> {
  const bag = obj[HIDDEN] as Record<string, unknown> | undefined;
  if (!bag) return obj;
  if (hasProtoKey(obj) || hasProtoKey(bag)) {
    const { [HIDDEN]: _drop, ...rest } = obj;
    return { ...rest, ...bag };
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (k !== HIDDEN) out[k] = obj[k];
  for (const k of Object.keys(bag)) out[k] = bag[k];
  return out;
}

export function withoutHidden(obj: Record<string, unknown>): Record<string, unknown> {
  if (!(HIDDEN in obj)) return obj;
  if (hasProtoKey(obj)) {
    const { [HIDDEN]: _drop, ...rest } = obj;
    return rest;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (k !== HIDDEN) out[k] = obj[k];
  return out;
}
