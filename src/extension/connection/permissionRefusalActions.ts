// A command refused for want of a permission scope or directory role, in words a user can act on: what to grant
// and Check Tenant Readiness, instead of the raw refusal (status, request id) and a Retry that cannot help. Pure:
// the action runs a command id it is given, so this file needs no `vscode`.
import { missingGrantOf, PERMISSIONS_COMMAND } from '../common/permissionRefusal';
import type { ErrorAction } from '../infrastructure/errors';

export const CHECK_READINESS = 'Check Tenant Readiness';

export function explainPermissionRefusal(
  error: unknown,
  run: (command: string) => unknown,
): { sentence: string; actions: ErrorAction[] } | undefined {
  const missing = missingGrantOf(error);
  if (!missing) return undefined;
  return {
    sentence: `The tenant refused this for want of a permission: needs ${missing} (see Permissions). The readiness check compares your sign-in with every permission PIM Groups uses.`,
    actions: [{ title: CHECK_READINESS, run: () => run(PERMISSIONS_COMMAND) }],
  };
}
