// Configuration for @vscode/test-cli (`npx vscode-test`), on machines that can download VS Code: the same host
// suite as `npm run test:host`, in desktop VS Code 1.100.3. Not used in CI (no internet there; see
// CONTRIBUTING.md). Needs `npm i --no-save @vscode/test-cli @vscode/test-electron` and `npx tsc -p .` first.
// test-cli loads the *.test.js files with its own mocha, so out/test/host/suite/index.js is not used here.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
// Tests write files into the opened folder: give them a throw-away copy of the fixture workspace.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-groups-vscode-test-'));
fs.cpSync(path.join(root, 'test', 'host', 'fixtures', 'workspace'), workspace, { recursive: true });

export default defineConfig({
  label: 'host',
  files: 'out/test/host/suite/**/*.test.js',
  version: '1.100.3',
  extensionDevelopmentPath: root,
  workspaceFolder: workspace,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'bdd', timeout: 30000, color: false },
});
