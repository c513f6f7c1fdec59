// Changing a tenant runs with the user's rights: a folder someone else wrote must not be able to do it until the
// user trusts it (package.json declares untrustedWorkspaces "limited"). Pure: the trust state is passed in.
import { ErrorAction, UserFacingError } from '../infrastructure/errors';

/** Throws a UserFacingError naming `action` when the workspace is not trusted. */
export function refuseWhenUntrusted(trusted: boolean, action: string, manageTrust?: ErrorAction): void {
  if (trusted) return;
  throw new UserFacingError(
    `${action} needs a trusted workspace: this folder's definitions would change your tenant. Trust the folder to continue.`,
    manageTrust ? [manageTrust] : [],
  );
}
