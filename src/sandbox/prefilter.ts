// Narrowing a directory list before its views are built: a reader that looks up 5,000 groups by name sends ~330
// `displayName in (…)` queries, and building and filtering a view of every group for each of them made a plan
// quadratic in the tenant's size. Only a candidate set is chosen here; the full $filter is still evaluated on the
// candidates' views, so the answer is exactly the one a scan of every object gives. The candidates come from an index
// (`indexList`, kept in pimIndex.ts): a pinned property costs a map look-up per value instead of a pass over every
// object; at 5,000 groups a `displayName in (…15…)` query took 7 ms to serve by scanning (most of it listing the
// state's dictionary of groups) and a reader sends 330 of them.
import type { FilterNode } from './filter';

/** Lower-cased values a top-level conjunct pins `prop` to (`prop eq v`, `prop in (…)`), or undefined when no conjunct
 *  does (an `or`, `not` or other property can match anything, so it narrows nothing). */
export function pinnedValues(node: FilterNode | undefined, prop: string): Set<string> | undefined {
  if (!node) return undefined;
  const lower = prop.toLowerCase();
  if (node.t === 'and') {
    const l = pinnedValues(node.l, prop),
      r = pinnedValues(node.r, prop);
    if (!l || !r) return l ?? r;
    return new Set([...l].filter((v) => r.has(v))); // both conjuncts must hold
  }
  if (node.t === 'cmp' && node.op === 'eq' && node.prop.toLowerCase() === lower) return new Set([key(node.value)]);
  if (node.t === 'in' && node.prop.toLowerCase() === lower) return new Set(node.values.map(key));
  return undefined;
}

// The filter compares strings case-insensitively; a non-string literal keeps a key too, so the set stays a superset.
const key = (v: unknown) => String(v).toLowerCase();

/** A list with maps from each indexed property's lower-cased value to its items, and each item's position. */
export interface IndexedList<T> {
  items: readonly T[];
  position: Map<T, number>;
  byValue: Map<string, Map<string, T[]>>;
}

/** Indexes `items` by `keys`, which name the properties in the order `indexedCandidates` tries them. */
export function indexList<T>(items: readonly T[], keys: Record<string, (item: T) => unknown>): IndexedList<T> {
  const position = new Map<T, number>();
  const byValue = new Map(Object.keys(keys).map((prop) => [prop, new Map<string, T[]>()] as const));
  items.forEach((item, i) => {
    position.set(item, i);
    for (const [prop, read] of Object.entries(keys)) {
      const map = byValue.get(prop)!;
      const k = key(read(item) ?? null);
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
  });
  return { items, position, byValue };
}

/** The items that can match `filter`, in their original order: those whose value of the first property the filter
 *  pins (in the index's order) is among the pinned values, or every item when the filter pins none. */
export function indexedCandidates<T>(filter: FilterNode | undefined, list: IndexedList<T>): readonly T[] {
  for (const [prop, map] of list.byValue) {
    const pinned = pinnedValues(filter, prop);
    if (!pinned) continue;
    const found = new Set<T>();
    for (const v of pinned) for (const item of map.get(v) ?? []) found.add(item);
    return [...found].sort((a, b) => list.position.get(a)! - list.position.get(b)!);
  }
  return list.items;
}
