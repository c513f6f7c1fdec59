// A read refused for want of a permission scope or directory role, as every view says it: "Cannot read <what>:
// needs <scope or role> (see Permissions)", with Check Tenant Readiness as the way forward. Never a status code or
// request id, and never "retry": retrying cannot grant a permission. The engine names what is missing
// (GraphRequestError.missing, src/graph/refusals.ts); the error crosses bundles, so it is read as data. Pure.

import { COMMANDS } from '../commandIds';

/** The command a permission row opens: the readiness check compares the token with the permissions table. */
export const PERMISSIONS_COMMAND = COMMANDS.checkReadiness;

/** What the caller lacks, when the error is a refusal for want of a scope or role. */
export function missingGrantOf(error: unknown): string | undefined {
  const missing = typeof error === 'object' && error !== null ? (error as { missing?: unknown }).missing : undefined;
  return typeof missing === 'string' && missing ? missing : undefined;
}

/** The row's words: `label` names the part, `description` what to grant. */
export function cannotRead(what: string, missing: string): { label: string; description: string; sentence: string } {
  const description = `needs ${missing} (see Permissions)`;
  return { label: `Cannot read ${what}`, description, sentence: `Cannot read ${what}: ${description}` };
}
