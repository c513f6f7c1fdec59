// The delegated scopes the editor asks for when a person signs in, derived from the permissions table (one place:
// a need added there is asked for here). Every read the views, checks and tenant-aware authoring make (binding kinds
// included) and the writes of PIM for Groups itself (apply, activate, approve); writes marked `notAtSignIn` stay out.
import { PERMISSION_NEEDS, PermissionNeed } from './permissions';

/**
 * A small set of delegated permissions holding at least one of each need's list. Needs with the fewest alternatives
 * choose first (their one permission is unavoidable), and a need already covered adds nothing; otherwise its least
 * privileged permission (the first) is taken. So `Directory.Read.All`, which naming principals needs anyway, also
 * covers reading users, groups and licences.
 */
export function delegatedScopesCovering(needs: readonly PermissionNeed[]): string[] {
  const chosen: string[] = [];
  const held = (n: PermissionNeed) => n.delegated.some((p) => chosen.includes(p));
  const byFewestChoices = needs
    .filter((n) => n.delegated.length)
    .sort((a, b) => a.delegated.length - b.delegated.length);
  for (const need of byFewestChoices) if (!held(need)) chosen.push(need.delegated[0]);
  return chosen;
}

/** Scope names (no resource prefix) for the editor's sign-in. */
export function editorSignInScopes(): string[] {
  return delegatedScopesCovering(PERMISSION_NEEDS.filter((n) => !n.notAtSignIn));
}
