// Refusals a person can act on. The PIM backend wraps its errors as code `UnknownError` with a message that is a JSON
// document of its own ({"errorCode":"PermissionScopeNotGranted","message":"…"}); unwrapped, the real code decides.
// A missing permission scope or a missing directory role becomes one sentence naming what to grant and where the
// docs say it (docs/permissions.md).

/** `{ code, message }` with the PIM backend's JSON-in-a-string message unwrapped. */
export function unwrapPimError(
  code: string | undefined,
  message: string | undefined,
): { code?: string; message?: string } {
  if (code !== 'UnknownError' || !message?.trim().startsWith('{')) return { code, message };
  try {
    const inner = JSON.parse(message) as { errorCode?: unknown; message?: unknown };
    return {
      code: typeof inner.errorCode === 'string' && inner.errorCode ? inner.errorCode : code,
      message: typeof inner.message === 'string' ? inner.message : message,
    };
  } catch {
    return { code, message };
  }
}

/** The scopes a PermissionScopeNotGranted message names ("… missing permission scope A,B."), any one enough. */
function scopesNamed(message: string): string {
  const names =
    /missing permission scope\s+(.+?)\.?$/i
      .exec(message)?.[1]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  return names.length ? names.join(' or ') : 'a permission this call needs';
}

/**
 * What the caller lacks, in a few words ("RoleManagementPolicy.Read.AzureADGroup or …"), when a refusal is a
 * missing permission scope or directory role; undefined for any other failure. Views show it in place of the part
 * they could not read ("Cannot read the policy: needs …"): retrying cannot fix it, granting can.
 */
export function missingGrant(
  method: string,
  status: number | undefined,
  code: string | undefined,
  message: string,
): string | undefined {
  if (code === 'PermissionScopeNotGranted') return scopesNamed(message);
  if (status !== 403) return undefined;
  const reads = method.toUpperCase() === 'GET';
  if (code === 'UnauthorizedAccessException')
    return reads
      ? 'a directory role that reads PIM settings (Global Reader, Groups Administrator, Privileged Role Administrator…) or ownership of the group'
      : 'Privileged Role Administrator (role-assignable groups) or Groups Administrator, or ownership of the group';
  if (code === 'Authorization_RequestDenied')
    return reads ? 'a directory permission scope (Directory.Read.All) or role' : 'a directory role that may change it';
  if (code === 'AccessDenied') return "the workload's permission scope";
  return undefined;
}

/** The actionable sentence for a refusal, or the message unchanged. */
export function explainRefusal(status: number | undefined, code: string | undefined, message: string): string {
  if (code === 'PermissionScopeNotGranted') {
    const which = scopesNamed(message);
    return `${message} — the token lacks the permission ${which}: add it to the app registration (delegated for people, application for pipelines) and grant admin consent; see docs/permissions.md, "Scopes".`;
  }
  if (status === 403 && (code === 'Authorization_RequestDenied' || code === 'UnauthorizedAccessException')) {
    return `${message} — the signed-in identity has the permission scope but not the directory role (or group ownership) this change needs: Privileged Role Administrator for role-assignable groups, otherwise Groups Administrator, Identity Governance Administrator, User Administrator or Directory Writers; see docs/permissions.md, "Scopes" (the paragraph on directory roles).`;
  }
  if (status === 403 && code === 'AccessDenied') {
    return `${message} — the token lacks the permission this workload needs (Conditional Access: Policy.ReadWrite.ConditionalAccess; Intune: DeviceManagementRBAC.ReadWrite.All); see docs/permissions.md, "Scopes".`;
  }
  return message;
}
