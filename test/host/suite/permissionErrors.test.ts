// A token without some permission scopes, as a real app registration may give: each view shows what it can read and,
// in place of the part it cannot, one row naming what to grant, opening Check Tenant Readiness; never a status code,
// a request id or a retry that cannot help.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { editorSignInScopes } from '../../../src/readiness/signInScopes';
import { pimGroups, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  command?: string;
  accessibleName?: string;
}
interface Menu {
  command: string;
  when: string;
  group?: string;
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean, scopes?: string[]): Promise<unknown>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
  getDefinitionRows(): { label: string; state: string; description: string; file: string }[];
};

const VIEW = 'pimGroups.groups';
/** The editor's own sign-in scopes without those of one permission row. */
const without = (prefix: string) => editorSignInScopes().filter((s) => !s.startsWith(prefix));
const noRawRefusal = (items: Item[]) =>
  assert.doesNotMatch(JSON.stringify(items), /\b403\b|request-id|retry|UnknownError/i, JSON.stringify(items));

describe('permission refusals in the views', () => {
  let api: Api;
  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
  });
  after(async () => {
    if (api) await api.setSandboxCaller('admin@contoso.com');
  });

  it('lists groups and assignments without RoleManagementPolicy.Read.AzureADGroup, and says so where the policy would be', async () => {
    await api.setSandboxCaller('admin@contoso.com', true, without('RoleManagementPolicy.'));
    const roots = (await api.getTreeChildren(VIEW)).map((i) => i.label);
    assert.ok(roots.includes('PIM-Intune-Helpdesk'), roots.join(', '));
    const member = await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk', 'Member']);
    const policy = member[0];
    assert.strictEqual(policy.label, 'Cannot read the member policy');
    assert.strictEqual(
      policy.description,
      'needs RoleManagementPolicy.Read.AzureADGroup or RoleManagementPolicy.ReadWrite.AzureADGroup (see Permissions)',
    );
    assert.strictEqual(policy.command, 'pimGroups.checkReadiness');
    assert.match(policy.accessibleName ?? '', /^Cannot read the member policy: needs /);
    // Earlier suites may have activated Alice too: her eligible row is there whatever else is.
    assert.ok(
      member.some((i) => i.label === 'Alice Ward' && /^eligible · /.test(i.description ?? '')),
      member.map((i) => `${i.label} (${i.description})`).join(' | '),
    );
    noRawRefusal(member);
    const group = await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk']);
    assert.deepStrictEqual(group.map((i) => i.label).slice(0, 2), ['Member', 'Owner']);
    noRawRefusal(group);
  });

  it('ends a command the tenant refuses in one sentence naming the scope, with no status code or request id', async () => {
    await api.setSandboxCaller('admin@contoso.com', true, without('RoleManagementPolicy.'));
    await vscode.commands.executeCommand('pimGroups.previewChanges', 'workspace');
    const outcome = api.getCommandOutcomes!()
      .filter((o) => o.id === 'pimGroups.previewChanges')
      .pop();
    assert.strictEqual(outcome?.outcome, 'failed', JSON.stringify(outcome));
    assert.match(outcome.error ?? '', /needs RoleManagementPolicy\.Read\.AzureADGroup or .+ \(see Permissions\)/);
    assert.doesNotMatch(outcome.error ?? '', /\b403\b|request-id/);
  });

  it('shows one row naming the missing scope, not "Click to retry", when the list of PIM groups cannot be read', async () => {
    await api.setSandboxCaller('admin@contoso.com', true, without('PrivilegedAccess.'));
    const roots = await api.getTreeChildren(VIEW);
    assert.strictEqual(roots.length, 1, JSON.stringify(roots));
    assert.strictEqual(roots[0].label, 'Cannot read PIM groups');
    assert.match(
      roots[0].description ?? '',
      /^needs PrivilegedAccess\.Read\.AzureADGroup( or .+)? \(see Permissions\)$/,
    );
    assert.strictEqual(roots[0].command, 'pimGroups.checkReadiness');
    noRawRefusal(roots);
  });

  it('marks each definition "cannot compare: needs …" in the Definitions view when the plan\'s tenant read is refused', async () => {
    await api.setSandboxCaller('admin@contoso.com', true, without('RoleManagementPolicy.'));
    await vscode.commands.executeCommand('pimGroups.previewChanges', 'workspace');
    const rows = api.getDefinitionRows!();
    const row = rows.find((r) => r.label === 'intune-helpdesk');
    assert.deepStrictEqual(
      { state: row?.state, description: row?.description },
      {
        state: 'cannot-compare',
        // Named from the permissions table's row for the refused read.
        description:
          'cannot compare: needs RoleManagementPolicy.Read.AzureADGroup or RoleManagementPolicy.ReadWrite.AzureADGroup',
      },
      JSON.stringify(rows),
    );
    assert.ok(!rows.some((r) => r.state === 'in-sync' || r.state === 'not-applied'), JSON.stringify(rows));
    // The CodeLens above the definition says the same, never "in sync".
    await vscode.window.showTextDocument(workspaceUri('intune-helpdesk.pim.yaml'));
    await api.whenDefinitionsIdle!();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      workspaceUri('intune-helpdesk.pim.yaml'),
      10,
    );
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => t.startsWith('$(lock) cannot compare: needs RoleManagementPolicy.Read.AzureADGroup')),
      titles.join(' | '),
    );
    assert.ok(!titles.some((t) => /in sync/.test(t)), titles.join(' | '));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // The way forward the Groups view offers: Check Tenant Readiness, on the row (button and context menu).
    const menus = pimGroups().packageJSON.contributes.menus['view/item/context'] as Menu[];
    const offered = menus.filter((m) => m.when.includes('viewItem == pimDefinition.cannot-compare'));
    assert.deepStrictEqual(
      offered.map((m) => [m.command, m.group?.startsWith('inline') ? 'inline' : 'menu']),
      [
        ['pimGroups.checkReadiness', 'inline'],
        ['pimGroups.checkReadiness', 'menu'],
      ],
    );

    // Granted again, the next plan compares: the mark goes.
    await api.setSandboxCaller('admin@contoso.com');
    await vscode.commands.executeCommand('pimGroups.previewChanges', 'workspace');
    const after = api.getDefinitionRows!().find((r) => r.label === 'intune-helpdesk');
    assert.notStrictEqual(after?.state, 'cannot-compare', JSON.stringify(after));
  });
});
