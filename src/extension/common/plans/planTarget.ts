// The plan's target, written exactly as the CLI writes it (src/cli/connection.ts), so that a plan, the applied
// record and drift mean the same thing in the editor and on the command line. Pure.
import type { ConnectionInfo } from '../connection';

export function planTarget(info: Pick<ConnectionInfo, 'kind' | 'graphBaseUrl' | 'tenant'>): string {
  const base = info.graphBaseUrl.replace(/\/+$/, '');
  return info.kind === 'sandbox' ? base : `${base} tenant ${info.tenant ?? 'default'}`;
}
