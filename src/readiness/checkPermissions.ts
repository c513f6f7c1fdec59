// Permissions: the token's delegated scopes (scp) or application permissions (roles) against what each command
// needs for these definitions (permissions.ts, the table docs/permissions.md shows).
import type { TokenGrants } from '../auth/tokenClaims';
import type { BindingKind } from '../tenant/bindingsState';
import type { ReadinessResult } from './model';
import { needsOf, PermissionCommand, PermissionNeed } from './permissions';

export function permissionsCheck(
  grants: TokenGrants | undefined,
  command: PermissionCommand,
  kinds: ReadonlySet<BindingKind>,
): ReadinessResult {
  const id = `permissions.${command}`;
  if (!grants)
    return {
      id,
      status: 'warn',
      what: `${command}: the access token is not a JWT, so its permissions cannot be read.`,
      fix: 'Compare the app registration with docs/permissions.md by hand.',
    };
  if (grants.scopes === null && grants.roles === null)
    return {
      id,
      status: 'pass',
      what: `${command}: the token has no scp or roles claim (a sandbox token, which the sandbox lets do everything).`,
    };
  const app = grants.appOnly;
  const held = new Set(((app ? grants.roles : grants.scopes) ?? []).map((p) => p.toLowerCase()));
  const accepted = (n: PermissionNeed) => (app ? n.application : n.delegated);
  const missing = needsOf(command, kinds).filter((n) => !accepted(n).some((p) => held.has(p.toLowerCase())));
  const impossible = missing.filter((n) => !accepted(n).length);
  const required = missing.filter((n) => !n.optional && accepted(n).length);
  const optional = missing.filter((n) => n.optional && accepted(n).length);
  const kind = app ? 'application permission' : 'delegated scope';
  const line = (n: PermissionNeed) => `${n.what}: ${accepted(n).join(' or ')}`;
  if (impossible.length)
    return {
      id,
      status: 'fail',
      what: `${command}: an app signed in with its own credentials cannot ${impossible.map((n) => n.what).join('; ')}.`,
      fix: `Run ${command} signed in as a person (delegated permissions).`,
    };
  if (required.length)
    return {
      id,
      status: 'fail',
      what: `${command}: the token lacks ${required.length} ${kind}(s) it needs.`,
      fix: `Add ${required.map((n) => accepted(n)[0]).join(', ')} to the app registration as ${kind}s and grant admin consent (docs/permissions.md).`,
      details: required.map(line),
    };
  if (optional.length)
    return {
      id,
      status: 'warn',
      what: `${command}: every ${kind} it needs is there; without ${optional.map((n) => accepted(n)[0]).join(', ')} it skips some checks.`,
      fix: `Add ${optional.map((n) => accepted(n)[0]).join(', ')} for the full checks (docs/permissions.md).`,
      details: optional.map(line),
    };
  return { id, status: 'pass', what: `${command}: the token has every ${kind} it needs.` };
}
