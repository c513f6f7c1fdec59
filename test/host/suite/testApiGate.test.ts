// The test API (scripted prompts, sandbox caller, simulated distrust) is there only when VS Code runs the extension
// for its tests: an installed extension gives other extensions in the host nothing that can answer a confirmation.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { pimGroups, repoRoot } from './extensionUnderTest';

interface Bundle {
  testApiFor<T>(mode: vscode.ExtensionMode, build: () => T): T | undefined;
}

describe('test API only in test mode', () => {
  it('returns the test API from activate() in this host, which runs the extension in test mode', async () => {
    const api = await pimGroups().activate();
    assert.strictEqual(typeof api?.setPromptAnswers, 'function');
  });

  it('exports nothing but activate, deactivate and the gate from the shipped bundle', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(repoRoot, 'dist', 'extension.js')) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(bundle).sort(), ['activate', 'deactivate', 'testApiFor']);
  });

  it('gives an installed (production) or debugged (development) extension no test API, without building one', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(repoRoot, 'dist', 'extension.js')) as Bundle;
    let built = 0;
    const build = () => {
      built += 1;
      return { setPromptAnswers: () => undefined };
    };
    assert.strictEqual(bundle.testApiFor(vscode.ExtensionMode.Production, build), undefined);
    assert.strictEqual(bundle.testApiFor(vscode.ExtensionMode.Development, build), undefined);
    assert.strictEqual(built, 0);
    assert.ok(bundle.testApiFor(vscode.ExtensionMode.Test, build));
    assert.strictEqual(built, 1);
  });
});
