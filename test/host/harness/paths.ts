// Where the harness finds the repo, code-server and Chromium. The defaults match scripts/setup-host.sh.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.100.3';

/** The repo root: this file runs as out/test/host/harness/paths.js. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export function codeServerEntry(env: NodeJS.ProcessEnv): string {
  const cache = env.PIM_GROUPS_CACHE || path.join(os.homedir(), '.cache', 'pim-groups');
  const dir = env.CODE_SERVER_DIR || path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env.CHROMIUM || '/usr/bin/chromium';
}

/** Everything a run needs; a missing piece is named with the step that provides it. */
export function missingPrerequisites(suiteIndex: string, env: NodeJS.ProcessEnv): string[] {
  const needs: Array<[string, string]> = [
    [codeServerEntry(env), 'run scripts/setup-host.sh'],
    [chromiumPath(env), 'run scripts/setup-host.sh (apt-get install chromium)'],
    [path.join(repoRoot, 'dist', 'extension.js'), 'run node esbuild.mjs'],
    [suiteIndex + '.js', 'run npx tsc -p .'],
  ];
  return needs.filter(([file]) => !fs.existsSync(file)).map(([file, fix]) => `${file} is missing: ${fix}`);
}
