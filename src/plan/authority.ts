// Which schedules a definition is the whole truth for, per kind and role (docs/definitions.md, "Authority").
// In authoritative mode a list that is written is authoritative; one that is left out is not managed at all:
//   - a written list with entries: for the roles its entries name (so listing members never touches owners);
//   - a written empty list (`eligible: []`): for both roles; it says nobody, and removals are planned and marked.
// In additive mode nothing is authoritative and nothing is removed.
import type { PimGroupDefinition, Role } from '../definitions/model';
import { ROLES } from '../definitions/model';

export type Kind = 'eligible' | 'active';
export const KINDS: readonly Kind[] = ['eligible', 'active'];

export function isWritten(def: PimGroupDefinition, kind: Kind): boolean {
  return def.assignments.written ? def.assignments.written.includes(kind) : def.assignments[kind].length > 0;
}

export function authorityOf(def: PimGroupDefinition): Partial<Record<Kind, Role[]>> {
  if (def.assignments.mode === 'additive') return {};
  const out: Partial<Record<Kind, Role[]>> = {};
  for (const kind of KINDS) {
    if (!isWritten(def, kind)) continue;
    const list = def.assignments[kind];
    out[kind] = list.length ? ROLES.filter((r) => list.some((a) => a.role === r)) : [...ROLES];
  }
  return out;
}
