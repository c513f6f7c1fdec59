// Scrubs secrets from anything written to the log. Pure, so the rules are unit-tested.
// Tokens never reach logs: bearer tokens, JWTs, client secrets, passwords and signed-URL signatures.

const REDACTED = '[REDACTED]';

const RULES: readonly [RegExp, string][] = [
  // Any JWT (header.payload.signature, base64url), wherever it appears.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // Authorization headers and bearer tokens that are not JWTs (opaque tokens).
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // key=value or "key": "value" forms of secret-bearing fields.
  [/((?:access_token|refresh_token|id_token|client_secret|password|secret)\s*["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, `$1${REDACTED}`],
  // OAuth authorization codes and SAS signatures travel as query parameters.
  [/([?&](?:code|sig)=)[^&#\s]+/g, `$1${REDACTED}`],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
