// One refresh path after any write: after Apply, the open plan preview is planned again in place (it no longer
// offers to apply what is applied) and the Groups view reads the tenant again (a removed assignment is gone, even
// under a group that was expanded before).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, pimGroups, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Item {
  label: string;
  description?: string;
}
type Api = PimGroupsTestApi & {
  getTrackedDefinitionFiles(): string[];
  getPreviewHtml(): string | undefined;
  getTenantChangeCount(): number;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
};
interface ApplyResult {
  applied: boolean;
  converged?: boolean;
  summary: string;
}

const FILE = 'host-refresh.pim.yaml';
const definition = (eligible: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: host-refresh
group:
  displayName: PIM-Host-Refresh
  description: Created by the refresh host test
policies:
  member:
    activation:
      maxDuration: PT2H
assignments:
  eligible:${eligible}
`;
const WITH_FRANK = definition('\n    - principal: user:frank@contoso.com\n      duration: P30D');
const WITHOUT_FRANK = definition(' []');

describe('refresh after a write', function () {
  this.timeout(90000);
  let api: Api;
  let url: string;

  const write = async (text: string) => {
    await vscode.workspace.fs.writeFile(workspaceUri(FILE), Buffer.from(text, 'utf8'));
    await eventually(`${FILE} to be tracked`, () => api.getTrackedDefinitionFiles().includes(FILE) || undefined);
    await api.whenDefinitionsIdle!();
  };
  const apply = async () => {
    api.setPromptAnswers!([{ confirm: true, expect: 'Apply' }]);
    const result = await vscode.commands.executeCommand<ApplyResult>('pimGroups.applyChanges', workspaceUri(FILE));
    assert.ok(result?.converged, JSON.stringify(result ?? api.getCommandOutcomes!().slice(-1)));
  };
  const moveClock = (ms: number) =>
    fetch(`${url}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: ms }),
      headers: { 'content-type': 'application/json' },
    });

  before(async function () {
    url = sandboxUrl()!;
    if (!url) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
  });
  after(async () => {
    if (!url) return;
    api.useRealPrompts!();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FILE)).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri('.pim-groups'), { recursive: true }).then(undefined, () => undefined);
    await fetch(`${url}/_sandbox/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'demo' }),
      headers: { 'content-type': 'application/json' },
    });
  });

  it('plans the open preview again after Apply: it says the tenant matches and offers no Apply link', async () => {
    await write(WITH_FRANK);
    await vscode.commands.executeCommand('pimGroups.previewChanges', workspaceUri(FILE));
    assert.match(api.getPreviewHtml() ?? '', /Apply these changes…/);
    const changesBefore = api.getTenantChangeCount();
    await apply();
    assert.ok(api.getTenantChangeCount() > changesBefore, 'Apply announced no tenant change');
    const html = await eventually(
      'the open preview to be planned again',
      () => {
        const now = api.getPreviewHtml() ?? '';
        return /No changes: the tenant matches the definitions\./.test(now) ? now : undefined;
      },
      30000,
    );
    assert.doesNotMatch(html, /Apply these changes/);
  });

  it('shows an empty semantic diff right after Apply, and says the file is in sync', async () => {
    const diff = await vscode.commands.executeCommand<{ left: string; right: string; inSync: boolean }>(
      'pimGroups.diffWithTenant',
      workspaceUri(FILE),
    );
    assert.ok(diff, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(diff.inSync, true);
    const left = (await vscode.workspace.openTextDocument(vscode.Uri.parse(diff.left))).getText();
    const right = (await vscode.workspace.openTextDocument(vscode.Uri.parse(diff.right))).getText();
    assert.strictEqual(left, right);
    assert.match(left, /in sync with the sandbox/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reads the Groups view again after Apply: a removed assignment disappears from an expanded group', async () => {
    const before = await api.getTreeChildren('pimGroups.groups', ['PIM-Host-Refresh', 'Member']);
    assert.ok(
      before.some((i) => /frank/i.test(i.label)),
      before.map((i) => i.label).join(', '),
    );

    await write(WITHOUT_FRANK);
    // The file watcher reports the change a moment later: wait until the plan sees it (the removal of frank).
    const deadline = Date.now() + 20000;
    for (;;) {
      const p = await vscode.commands.executeCommand<{ summary?: { remove: number } }>(
        'pimGroups.previewChanges',
        workspaceUri(FILE),
      );
      if (p?.summary?.remove === 1) break;
      assert.ok(Date.now() < deadline, `the plan never removed frank: ${JSON.stringify(p?.summary)}`);
      await new Promise((r) => setTimeout(r, 500));
      await api.whenDefinitionsIdle!();
    }
    // PIM refuses removing an assignment in its first 5 minutes: the sandbox's clock moves on 6 minutes first.
    await moveClock(6 * 60_000);
    try {
      await apply();
    } finally {
      await moveClock(-6 * 60_000);
    }
    const member = await api.getTreeChildren('pimGroups.groups', ['PIM-Host-Refresh', 'Member']);
    assert.ok(
      !member.some((i) => /frank/i.test(i.label)),
      `frank is still shown: ${member.map((i) => `${i.label} (${i.description})`).join(', ')}`,
    );
  });
});
