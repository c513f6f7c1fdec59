// The one redaction of pim-groups, for what is written to logs and put in error messages. It never touches
// documents that are read back (plans, applied records, exports, tenant writes): those hold user data, which
// must stay byte for byte, and they never hold a token because no token is ever put into them.
//
// A secret is found two ways: by its value, registered when it is obtained (access tokens by the transport,
// client secrets and assertions by whoever reads them), and by a token's shape (a JWT, a bearer credential with
// a token-like value, OAuth fields on the wire). No rule matches ordinary words: a group called
// "Ring Bearer Admins" or a note "rotate the vault password: monthly" goes through unchanged.

export const REDACTED = '[redacted]';

// The registry lives on globalThis: the extension's bundle and the lazily loaded engine bundle each carry a copy of
// this module, and a token registered by the engine's transport must be scrubbed from the extension's log too.
const REGISTRY = Symbol.for('pim-groups.redaction.secrets');
const holder = globalThis as { [REGISTRY]?: Set<string> };
const secrets: Set<string> = (holder[REGISTRY] ??= new Set<string>());

/** Registers a value that must never be logged or shown (tokens as obtained, client secrets, assertions). */
export function registerSecret(value: string | undefined): void {
  // Very short values would match inside ordinary text; real secrets are far longer.
  if (value && value.length >= 8) secrets.add(value);
}

const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// "Bearer <credential>": the value must look like a token (long, no spaces, at least one digit), never a word.
const BEARER = /\b(Bearer|Basic)(\s+)(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/gi;
// OAuth fields as they travel: form or query (`client_secret=…`) and JSON (`"access_token": "…"`).
const OAUTH_FIELD = 'access_token|refresh_token|id_token|client_secret|client_assertion|assertion';
const FORM_FIELD = new RegExp(`((?:^|[?&\\s])(?:${OAUTH_FIELD})=)[^&#\\s"']+`, 'g');
// An authorization code or a SAS signature in a URL's query.
const QUERY_FIELD = /([?&](?:code|sig)=)[^&#\s"']+/g;
const JSON_FIELD = new RegExp(`("(?:${OAUTH_FIELD})"\\s*:\\s*")[^"]+`, 'g');

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return out
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1$2${REDACTED}`)
    .replace(FORM_FIELD, `$1${REDACTED}`)
    .replace(QUERY_FIELD, `$1${REDACTED}`)
    .replace(JSON_FIELD, `$1${REDACTED}`);
}
