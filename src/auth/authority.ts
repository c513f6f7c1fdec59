// Where sign-in happens: the cloud's Microsoft Entra host, or another authority host (--authority-host,
// AZURE_AUTHORITY_HOST), such as the sandbox's identity endpoint. MSAL validates an authority through Microsoft's
// instance discovery, which knows only Microsoft's hosts, so it is turned off for any other host.
const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export interface Authority {
  host: string;
  disableInstanceDiscovery: boolean;
}

/** The authority host to use: an explicit one wins over the cloud's. Throws on a host that is not https. */
export function resolveAuthority(cloudAuthority: string, explicit?: string): Authority {
  const host = (explicit || cloudAuthority).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new Error(`the authority host '${host}' is not a URL (e.g. https://login.microsoftonline.com)`);
  }
  if (url.protocol !== 'https:') throw new Error(`the authority host must use https (got '${host}')`);
  return { host, disableInstanceDiscovery: !MICROSOFT_AUTHORITY_HOSTS.has(url.hostname.toLowerCase()) };
}
