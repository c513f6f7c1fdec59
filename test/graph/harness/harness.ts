// A sandbox tenant and a transport to it, over real HTTP on 127.0.0.1, for the engine's graph-tier tests.
import * as path from 'node:path';
import { startSandbox, Sandbox, SandboxOptions } from '../../../src/sandbox';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { GraphLogEntry } from '../../../src/graph/log';
import { loadWorkspace } from '../../../src/definitions';
import type { Workspace } from '../../../src/definitions/model';
import { findDefinitionFiles } from '../../../src/cli/definitionFiles';

export interface Harness {
  sb: Sandbox;
  t: GraphTransport;
  logs: GraphLogEntry[];
  close(): Promise<void>;
}

export async function harness(
  opts: SandboxOptions = {},
  caller = { upn: 'admin@contoso.com', mfa: true },
  transport: Partial<ConstructorParameters<typeof GraphTransport>[0]> = {},
): Promise<Harness> {
  const sb = await startSandbox({ seed: 'demo', ...opts });
  const logs: GraphLogEntry[] = [];
  const t = new GraphTransport({
    baseUrl: sb.url,
    credential: sandboxTokenSource(caller),
    logger: (e) => logs.push(e),
    retry: { baseDelayMs: 20, maxDelayMs: 2000 },
    ...transport,
  });
  return { sb, t, logs, close: () => sb.close() };
}

export const ROOT = path.resolve(__dirname, '../../../..');

export function examplesWorkspace(): Workspace {
  return loadWorkspace(findDefinitionFiles(['examples'], ROOT));
}

export function workspaceOf(text: string, file = 'test.pim.yaml'): Workspace {
  return loadWorkspace([{ path: file, text }]);
}
