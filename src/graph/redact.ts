// One redaction function for everything that leaves the process (logs, errors, plans, files). It removes bearer
// tokens and JWT-shaped strings wherever they appear, plus any secret registered at run time (tokens the transport
// obtained, client secrets), because a secret may not look like a JWT.
const secrets = new Set<string>();

/** Registers a value that must never be written anywhere; the transport registers every token it obtains. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const BEARER = /(Bearer\s+)[^\s"',]+/gi;
const SECRET_FIELDS = /((?:client_secret|access_token|refresh_token|id_token|assertion|password)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi;

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out.replace(BEARER, '$1[redacted]').replace(JWT, '[redacted-jwt]').replace(SECRET_FIELDS, '$1[redacted]');
}

/** Redacts every string inside a JSON-like value (for error bodies and plan documents). */
export function redactValue<T>(value: T): T {
  return JSON.parse(redact(JSON.stringify(value ?? null))) as T;
}
