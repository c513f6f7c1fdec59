import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { pimGroups, repoRoot } from './extensionUnderTest';

// The getting-started walkthrough: connect, check the tenant is ready, create a definition, preview, apply, activate.
interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

describe('Getting-started walkthrough', () => {
  const walkthrough = (pimGroups().packageJSON.contributes.walkthroughs as { id: string; steps: Step[] }[])[0];

  it('walks through connect, readiness, create, preview, apply and activate', () => {
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => s.id),
      ['connect', 'readiness', 'createDefinition', 'preview', 'apply', 'activate'],
    );
  });

  it("links only to commands the extension registers, and has each step's markdown", async () => {
    await pimGroups().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(linked.length > 0, `${step.id} has no command link`);
      for (const id of linked) assert.ok(registered.has(id), `${step.id} links to ${id}, which is not registered`);
      assert.ok(
        step.media.markdown && fs.existsSync(path.join(repoRoot, step.media.markdown)),
        `${step.id}: ${step.media.markdown}`,
      );
    }
  });

  it('opens in the Welcome page', async () => {
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${pimGroups().id}#${walkthrough.id}`,
      false,
    );
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab, 'no tab opened');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
