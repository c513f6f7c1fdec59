// Where the sandbox connection may send its tokens. `pimGroups.sandbox.url` may come from a workspace's settings
// (the host tests set it there), so a repository could point it anywhere: that is harmless only because the
// sandbox connection sends nothing but unsigned sandbox tokens (mintSandboxToken) and never a real session's
// token, and because we refuse any address that is not this machine's loopback. Pure: no `vscode`.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The sandbox base URL without a trailing slash, or a reason it is refused. */
export function checkSandboxUrl(value: string): { url: string } | { refused: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { refused: `pimGroups.sandbox.url "${value}" is not a URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { refused: `pimGroups.sandbox.url must be http(s), not ${parsed.protocol}` };
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) {
    return {
      refused: `pimGroups.sandbox.url must point at this machine (127.0.0.1 or localhost), not ${parsed.hostname}`,
    };
  }
  return { url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` };
}
