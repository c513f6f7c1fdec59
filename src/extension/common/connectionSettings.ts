// The settings that decide where the extension connects. clientId, tenantId, cloud and graphEndpoint are
// application-scoped in package.json (a workspace cannot redirect a real token); sandbox.* may be workspace
// settings because the sandbox only ever receives unsigned sandbox tokens (sandboxAddress.ts).
import * as vscode from 'vscode';
import type { Cloud } from '../../graph/clouds';

export interface ConnectionSettings {
  clientId?: string;
  tenantId?: string;
  cloud: Cloud;
  graphEndpoint?: string;
  sandboxUrl?: string;
  sandboxUser: string;
  sandboxMfa: boolean;
}

const CLOUDS = ['global', 'usgov', 'usgovdod', 'china'];

export function readConnectionSettings(): ConnectionSettings {
  const c = vscode.workspace.getConfiguration('pimGroups');
  const cloud = c.get<string>('cloud', 'global');
  return {
    clientId: c.get<string>('auth.clientId') || undefined,
    tenantId: c.get<string>('auth.tenantId') || undefined,
    cloud: (CLOUDS.includes(cloud) ? cloud : 'global') as Cloud,
    graphEndpoint: c.get<string>('graph.endpoint') || undefined,
    sandboxUrl: c.get<string>('sandbox.url') || undefined,
    sandboxUser: c.get<string>('sandbox.user') || 'admin@contoso.com',
    sandboxMfa: c.get<boolean>('sandbox.mfa', true),
  };
}
