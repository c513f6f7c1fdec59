import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// The Definitions view lists the workspace's definitions with their state: errors, not applied, in sync, drift.
type Row = { label: string; state: string; description: string; file: string };
type Api = PimGroupsTestApi & { getDefinitionRows?(): Row[] };

describe('Definitions view', function () {
  this.timeout(60000);
  let api: Api;
  const broken = () => workspaceUri('view-broken.pim.yaml');
  const rowOf = (label: string) => api.getDefinitionRows!().find((r) => r.label === label);

  before(async () => {
    api = (await pimGroups().activate())! as Api;
  });
  after(async () => {
    await vscode.workspace.fs.delete(broken()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed to the PIM Groups container and shows each definition', async () => {
    const views = (pimGroups().packageJSON.contributes.views as Record<string, { id: string }[]>).pimGroups.map(
      (v) => v.id,
    );
    assert.ok(views.includes('pimGroups.definitions'), views.join(', '));
    await vscode.commands.executeCommand('pimGroups.definitions.focus');
    await api.whenDefinitionsIdle!();
    const row = rowOf('intune-helpdesk');
    assert.ok(row, JSON.stringify(api.getDefinitionRows!()));
    assert.strictEqual(row.file, 'intune-helpdesk.pim.yaml');
  });

  it('says a file has errors', async () => {
    await vscode.workspace.fs.writeFile(
      broken(),
      Buffer.from('apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: view-broken\n', 'utf8'),
    );
    await api.whenDefinitionsIdle!();
    const row = await waitFor(() => api.getDefinitionRows!().find((r) => r.file === 'view-broken.pim.yaml'));
    assert.strictEqual(row.state, 'errors', JSON.stringify(row));
    assert.match(row.description, /\d+ errors?/);
  });

  it('shows what the last preview said: changes not applied yet', async function () {
    if (!sandboxUrl()) this.skip();
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    const preview = await vscode.commands.executeCommand<{ summary?: { add: number; change: number; remove: number } }>(
      'pimGroups.previewChanges',
      workspaceUri('intune-helpdesk.pim.yaml'),
    );
    assert.ok(preview?.summary, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const n = preview.summary.add + preview.summary.change + preview.summary.remove;
    assert.deepStrictEqual(rowOf('intune-helpdesk'), {
      label: 'intune-helpdesk',
      state: 'not-applied',
      description: `${n} changes to apply`,
      file: 'intune-helpdesk.pim.yaml',
    });
  });
});

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for the Definitions view');
}
