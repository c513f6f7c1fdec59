// Id-keyed records of the tenant are null-prototype objects: a lookup by a hostile id (`__proto__`, `constructor`)
// finds nothing instead of Object.prototype or one of its methods, and a write under such a key cannot reach the
// prototype shared by every object of the process hosting the sandbox (the VS Code extension host).
import type { SbState } from './types';

/** Names that are not ids: lookups by them on ordinary objects answer inherited members. */
const SPECIAL = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasownproperty',
  'isprototypeof',
  'propertyisenumerable',
  'tostring',
  'tolocalestring',
  'valueof',
  '__definegetter__',
  '__definesetter__',
  '__lookupgetter__',
  '__lookupsetter__',
]);

export function isSpecialKey(key: string): boolean {
  return SPECIAL.has(key.toLowerCase());
}

/** An empty record keyed by id. */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function rebuild<T>(rec: Record<string, T>): Record<string, T> {
  return Object.getPrototypeOf(rec) === null ? rec : Object.assign(idRecord<T>(), rec);
}

type Records = Record<string, Record<string, unknown>>;

/** Turns every id-keyed record of a state (seeded, loaded from a data file, or handed in) into a null-prototype one. */
export function hardenState(state: SbState): SbState {
  for (const k of [
    'users',
    'groups',
    'servicePrincipals',
    'requests',
    'schedules',
    'approvals',
    'policies',
    'conditionalAccessPolicies',
    'authenticationContexts',
    'subscribedSkus',
  ] as const) {
    (state as unknown as Records)[k] = rebuild((state as unknown as Records)[k] ?? {});
  }
  for (const p of Object.values(state.policies)) p.overrides = rebuild(p.overrides ?? {});
  state.intune = state.intune ?? { roleDefinitions: {}, roleAssignments: {}, scopeTags: {} };
  for (const k of ['roleDefinitions', 'roleAssignments', 'scopeTags'] as const) {
    (state.intune as unknown as Records)[k] = rebuild((state.intune as unknown as Records)[k] ?? {});
  }
  state.azure = state.azure ?? { subscriptions: {}, roleDefinitions: {}, roleAssignments: {} };
  for (const k of ['subscriptions', 'roleDefinitions', 'roleAssignments'] as const) {
    (state.azure as unknown as Records)[k] = rebuild((state.azure as unknown as Records)[k] ?? {});
  }
  return state;
}

/** The first special key anywhere in a JSON body (`{"__proto__": …}` parses to an own property), or undefined. */
export function specialKeyIn(value: unknown, depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 64) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (isSpecialKey(k)) return k;
    const inner = specialKeyIn(v, depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
