// What the editor knows about the tenant objects definitions name: shapes shared by the lookups, the checks and
// the hover. Pure types.
import type { PrincipalKind } from '../../definitions/principalReference';

export type KnownPrincipal =
  | {
      state: 'found';
      id: string;
      kind: PrincipalKind;
      displayName?: string;
      /** Users only. */
      accountEnabled?: boolean;
      guest?: boolean;
    }
  | { state: 'unknown' }
  | { state: 'ambiguous'; ids: string[] };

export interface ManagedGroupFacts {
  id: string;
  dynamic: boolean;
  synced: boolean;
}
