// National clouds differ only by host names; everything else (paths, $batch, PIM APIs) is the same.
export type Cloud = 'global' | 'usgov' | 'usgovdod' | 'china';
export const CLOUDS: readonly Cloud[] = ['global', 'usgov', 'usgovdod', 'china'];

export interface CloudEndpoints {
  graph: string;
  authority: string;
}

const ENDPOINTS: Record<Cloud, CloudEndpoints> = {
  global: { graph: 'https://graph.microsoft.com', authority: 'https://login.microsoftonline.com' },
  usgov: { graph: 'https://graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  usgovdod: { graph: 'https://dod-graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  china: { graph: 'https://microsoftgraph.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
};

export function cloudEndpoints(cloud: Cloud): CloudEndpoints {
  return ENDPOINTS[cloud];
}

/** The `.default` scope of a Graph host: the permissions granted to the app registration. */
export function graphScope(graphBaseUrl: string): string {
  return `${graphBaseUrl.replace(/\/+$/, '')}/.default`;
}

export function isCloud(value: string): value is Cloud {
  return (CLOUDS as readonly string[]).includes(value);
}
