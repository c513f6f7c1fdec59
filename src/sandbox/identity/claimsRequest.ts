// The OpenID Connect `claims` request parameter as Entra's token service reads it for a step-up:
// {"access_token":{"acrs":{"essential":true,"value":"c1"}}} asks that the session satisfy the Conditional Access
// authentication context c1 (DOC, Entra "claims challenge" and "authentication context" pages); the token then
// carries `acrs`. {"access_token":{"amr":{"essential":true,"values":["mfa"]}}} asks for MFA (UNCONFIRMED that
// Entra steps up on it; public activation clients send it). Other members (xms_cc, …) are ignored here.
import { IdentityError } from './errors';
import type { UserSession } from './tokens';

export interface ClaimsAsked {
  acrs: string[];
  mfa: boolean;
}

const NONE: ClaimsAsked = { acrs: [], mfa: false };

/** Reads the form's `claims`; malformed JSON is refused (UNCONFIRMED code: Entra's exact AADSTS is not captured). */
export function claimsAsked(text: string | null): ClaimsAsked {
  if (!text) return NONE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new IdentityError(400, 'invalid_request', 90010, 'The claims parameter is not valid JSON.');
  }
  const at = (parsed as { access_token?: Record<string, { value?: unknown; values?: unknown }> })?.access_token ?? {};
  const list = (c: { value?: unknown; values?: unknown } | undefined) =>
    [c?.value, ...(Array.isArray(c?.values) ? c.values : [])].filter((v): v is string => typeof v === 'string');
  return { acrs: list(at.acrs), mfa: list(at.amr).includes('mfa') };
}

/** The session already meets what was asked (a refresh may be answered without the person). */
export function satisfies(user: UserSession, asked: ClaimsAsked): boolean {
  return (!asked.mfa || user.mfa) && asked.acrs.every((a) => user.acrs.includes(a));
}

/** The session after the person completed what was asked at the sign-in page (MFA, the context's conditions). */
export function steppedUp(user: UserSession, asked: ClaimsAsked): UserSession {
  return { ...user, mfa: user.mfa || asked.mfa, acrs: [...new Set([...user.acrs, ...asked.acrs])] };
}

/**
 * A refresh that cannot meet the claims without the person: Entra answers invalid_grant with an AADSTS that MSAL
 * treats as "interaction required" (suberror basic_action), and the client signs the person in again. 50076 is
 * Entra's MFA code; using it for an authentication context is UNCONFIRMED.
 */
export const interactionRequired = () =>
  new IdentityError(
    400,
    'invalid_grant',
    50076,
    'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
    'basic_action',
  );
