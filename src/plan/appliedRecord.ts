// What the workspace asked for at the last successful apply, per target tenant. With it, a difference on a field
// whose desired value has not changed since is drift (the tenant moved), not a change of the definitions; without
// it, it is a change. It also keeps each definition's group id (a renamed definition updates its group instead of
// creating another) and when each assignment was due to end (natural expiry is not drift).
import type { Bindings, Role } from '../definitions/model';

/** One assignment as the tenant should hold it after the apply. */
export interface AppliedGrant {
  kind: 'eligible' | 'active';
  role: Role;
  principalId: string;
  /** assignmentKey(kind, role, principalKey, spec): the same key as `assignments`. */
  key: string;
  /** When the schedule was due to end (ISO); null when permanent. */
  end: string | null;
}

export interface AppliedGroupRecord {
  /** The group the definition applied to; absent for records written before group ids were kept. */
  groupId?: string;
  /** The definition file it came from (relative to the record's root on disk). */
  file?: string;
  /** Group properties as the file wrote them (displayName, description, visibility; owners as principal keys). */
  group?: { displayName?: string; description?: string; visibility?: string; owners?: string[] };
  fields: Partial<Record<Role, Record<string, unknown>>>;
  /** assignmentKey(kind, role, principalKey, spec) of every listed assignment. */
  assignments: string[];
  /** The listed assignments as schedules (principal id and end), for per-principal drift and natural expiry. */
  grants?: AppliedGrant[];
  /** Roles applied authoritatively (either kind): extra schedules found later were added in the tenant. */
  authoritativeRoles: Role[];
  /** Per kind, the roles applied authoritatively (finer than authoritativeRoles; absent in older records). */
  authority?: Partial<Record<'eligible' | 'active', Role[]>>;
  /** The file's bindings: a binding difference on a kind the file has not changed since is drift. */
  bindings?: Bindings;
}

export interface AppliedRecord {
  formatVersion: 1;
  target: string;
  appliedAt: string;
  groups: Record<string, AppliedGroupRecord>;
}

/** The record's place before it was kept per tenant (in the directory the command ran from); still read once. */
export const APPLIED_RECORD_FILE = '.pim-groups/applied.json';
/** Folder beside the definitions' root that holds one record per target tenant and cloud. */
export const APPLIED_RECORD_DIR = '.pim-groups/applied';

/** A file name for a target ('https://graph.microsoft.us tenant contoso.onmicrosoft.us' → 'graph.microsoft.us_contoso.onmicrosoft.us'). */
export function targetSlug(target: string): string {
  return (
    target
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/ tenant /, '_')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'target'
  );
}
