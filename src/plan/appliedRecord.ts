// What the workspace asked for at the last successful apply. With it, a difference on a field whose desired value
// has not changed since is drift (the tenant moved), not a change of the definitions; without it, it is a change.
import type { Bindings, Role } from '../definitions/model';

export interface AppliedGroupRecord {
  /** Group properties as the file wrote them (displayName when pinned by id, description). */
  group?: { displayName?: string; description?: string };
  fields: Partial<Record<Role, Record<string, unknown>>>;
  /** assignmentKey(kind, role, principalKey, spec) of every listed assignment. */
  assignments: string[];
  /** Roles applied authoritatively: extra schedules found later were added in the tenant. */
  authoritativeRoles: Role[];
  /** The file's bindings (issue 5): a binding difference on a kind the file has not changed since is drift. */
  bindings?: Bindings;
}

export interface AppliedRecord {
  formatVersion: 1;
  target: string;
  appliedAt: string;
  groups: Record<string, AppliedGroupRecord>;
}

export const APPLIED_RECORD_FILE = '.pim-groups/applied.json';
