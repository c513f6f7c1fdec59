// The sandbox tenant for host tests that need one: started here, on the Node side, and handed to the extension
// host through the workspace settings ("pimGroups.sandbox.url"), since the URL payload carries no environment.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';

export interface RunningSandbox {
  url: string;
  close(): Promise<void> | void;
}

type StartSandbox = (options: { port: number; seed: string }) => Promise<RunningSandbox>;

/** The compiled sandbox library (src/sandbox), wherever its entry ends up. */
const candidates = ['index.js', 'server.js', 'startSandbox.js'].map((f) =>
  path.join(repoRoot, 'out', 'src', 'sandbox', f),
);

export function findStartSandbox(): { file: string; start: StartSandbox } | undefined {
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { startSandbox?: StartSandbox };
    if (typeof mod.startSandbox === 'function') return { file, start: mod.startSandbox };
  }
  return undefined;
}

export async function startDemoSandbox(): Promise<RunningSandbox | undefined> {
  const found = findStartSandbox();
  if (!found) return undefined;
  return found.start({ port: 0, seed: 'demo' });
}
