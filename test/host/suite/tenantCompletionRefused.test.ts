// Tenant-aware completion where the signed-in token may not read a catalogue (here Intune roles): the list offers
// no invented item, and the editor says once, per connection, what to grant, named from the permissions table.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { editorSignInScopes } from '../../../src/readiness/signInScopes';
import {
  completionLabels as labels,
  completionsAtWord,
  openWorkspaceFile,
  pimGroups,
  workspaceUri,
  type PimGroupsTestApi,
} from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean, scopes?: string[]): Promise<unknown>;
  getCatalogueRefusals(): string[];
};

const definition = [
  'apiVersion: pim-groups/v1',
  'kind: PimGroup',
  'metadata:',
  '  name: refused-catalogue',
  'group:',
  '  displayName: PIM-Refused-Catalogue',
  'bindings:',
  '  intuneRoles:',
  '    - role: Help Desk Operator',
  '',
].join('\n');

describe('tenant-aware completion without permission to read a catalogue (sandbox)', function () {
  this.timeout(60000);
  let api: Api;
  let editor: vscode.TextEditor;
  /** Notices before this connection (completion or the edit-time checks may read the catalogue first). */
  let earlier = 0;
  const complete = () => completionsAtWord(editor.document, '- role: Help Desk Operator', 'Help');

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    earlier = api.getCatalogueRefusals().length;
    await api.setSandboxCaller(
      'admin@contoso.com',
      true,
      editorSignInScopes().filter((s) => !s.startsWith('DeviceManagementRBAC.')),
    );
    editor = await openWorkspaceFile('refused-catalogue.pim.yaml', definition);
  });
  after(async () => {
    if (!api) return;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Later suites plan the whole workspace: this definition was only for completion.
    await vscode.workspace.fs.delete(workspaceUri('refused-catalogue.pim.yaml'));
    await api.setSandboxCaller('admin@contoso.com');
  });

  it('offers no Intune role and no invented item, and says once what to grant', async () => {
    const first = await complete();
    assert.ok(!labels(first).includes('Help Desk Operator'), labels(first).join(', '));
    // VS Code's own word suggestions (kind Text) come from open documents' words; every other item is a provider's.
    const offered = first.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    const words = labels(new vscode.CompletionList(offered));
    assert.ok(!words.some((l) => /cannot|needs|permission/i.test(l)), words.join(', '));
    const said = api.getCatalogueRefusals().slice(earlier);
    assert.deepStrictEqual(said, [
      "Cannot read the tenant's Intune roles and scope tags for completion and checks: needs DeviceManagementRBAC.Read.All or DeviceManagementRBAC.ReadWrite.All (see Permissions).",
    ]);
    await complete();
    assert.strictEqual(api.getCatalogueRefusals().length, earlier + 1, 'said once per connection');
  });

  it('lists the roles after a connection that may read them', async () => {
    await api.setSandboxCaller('admin@contoso.com');
    const list = await complete();
    assert.ok(labels(list).includes('Help Desk Operator'), labels(list).join(', '));
  });
});
