// The same host suite in a downloaded desktop VS Code 1.100.3 (the version code-server 4.100.3 carries), through
// @vscode/test-electron, for machines that can reach update.code.visualstudio.com. Not run in this repo's CI,
// which has no internet: there the code-server harness (test/host/harness/run.ts) runs the suite.
//   npm i --no-save @vscode/test-electron && npx tsc -p . && node out/test/host/electron/run.js
//   (headless Linux: xvfb-run -a node out/test/host/electron/run.js; VSCODE_EXECUTABLE reuses an unpacked VS Code)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addWorkspaceSettings } from '../harness/profile';
import { startDemoSandbox } from '../harness/sandbox';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

interface TestElectron {
  runTests(options: {
    version?: string;
    vscodeExecutablePath?: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs?: string[];
  }): Promise<number>;
}

function loadTestElectron(): TestElectron {
  try {
    // Not a dependency: nothing in CI may download VS Code. A variable keeps tsc from resolving the module.
    const name = '@vscode/test-electron';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as TestElectron;
  } catch {
    console.error('@vscode/test-electron is not installed: npm i --no-save @vscode/test-electron');
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const { runTests } = loadTestElectron();
  const suite = process.argv[2] ?? 'suite';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-groups-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'host', 'fixtures', 'workspace'), workspace, { recursive: true });
  // As under code-server: the sandbox tenant runs here and its URL reaches the tests through the settings.
  const sandbox = await startDemoSandbox();
  addWorkspaceSettings(workspace, sandbox ? { 'pimGroups.sandbox.url': sandbox.url } : {});
  try {
    await runTests({
      version: '1.100.3',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', suite, 'index'), // the same run() module
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions off; built-ins and ours stay
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
    return 0;
  } catch (err) {
    console.error(`host tests failed: ${err}`);
    return 1;
  } finally {
    await sandbox?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
