// Narrowing a directory list before its views are built: a reader that looks up 5,000 groups by name sends ~330
// `displayName in (…)` queries, and building and filtering a view of every group for each of them made a plan
// quadratic in the tenant's size. Only a candidate set is chosen here; the full $filter is still evaluated on the
// candidates' views, so the answer is exactly the one a scan of every object gives.
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

/** The items that can match `filter`, in their original order: those whose value of some pinned property is among
 *  the pinned values, or every item when the filter pins none of `keys`. */
export function candidates<T>(
  filter: FilterNode | undefined,
  items: T[],
  keys: Record<string, (item: T) => unknown>,
): T[] {
  for (const [prop, read] of Object.entries(keys)) {
    const pinned = pinnedValues(filter, prop);
    if (pinned) return items.filter((i) => pinned.has(key(read(i) ?? null)));
  }
  return items;
}
