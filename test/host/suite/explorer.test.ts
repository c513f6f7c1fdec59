// The Groups view against the demo sandbox tenant (docs/demo-tenant.md): contents, policy summaries, assignments,
// filter, paging, errors as a Retry item, and Export as Definition.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

/** The test API members of the connection and views features (src/extension/testMode/viewsTestApi.ts). */
interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  collapsible: boolean;
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<{ label: string; kind: string }>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
  getTreeNode(viewId: string, labelPath: string[]): Promise<unknown>;
  revealInTree(viewId: string, labelPath: string[], expand?: boolean): Promise<void>;
  setGroupsPageSize(size: number): void;
};

const VIEW = 'pimGroups.groups';
const labels = (items: Item[]) => items.map((i) => i.label);

describe('Groups view (sandbox tenant)', () => {
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await api.setSandboxCaller('admin@contoso.com');
  });
  afterEach(() => {
    api.useRealPrompts!();
    api.setGroupsPageSize(50);
  });

  it("lists the tenant's PIM-enabled groups, and no group that is not onboarded", async () => {
    const roots = labels(await api.getTreeChildren(VIEW));
    for (const name of ['PIM-Exchange-Admins', 'PIM-Finance-Reports', 'PIM-Intune-Helpdesk'])
      assert.ok(roots.includes(name), `${name} missing: ${roots.join(', ')}`);
    for (const name of ['Helpdesk Leads', 'Finance Approvers', 'All Staff (dynamic)'])
      assert.ok(!roots.includes(name), `${name} is not PIM-enabled: ${roots.join(', ')}`);
  });

  it('shows Member and Owner under a group, each with its policy in words and its assignments with time left', async () => {
    const roles = await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk']);
    assert.deepStrictEqual(labels(roles), ['Member', 'Owner', 'Grants', 'About this group', 'History']);
    const member = await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk', 'Member']);
    assert.match(member[0].label, /^Activation up to 4 hours · justification$/, member[0].label);
    const alice = member.find((i) => i.label === 'Alice Ward');
    assert.ok(alice, `no Alice Ward under Member: ${labels(member).join(', ')}`);
    assert.match(alice.description ?? '', /^eligible · \d+ days left$/);
    assert.match(alice.tooltip ?? '', /alice@contoso\.com/);
  });

  it('names the approvers in the policy summary and shows active, permanent and future assignments', async () => {
    const reports = await api.getTreeChildren(VIEW, ['PIM-Finance-Reports', 'Member']);
    assert.match(reports[0].label, /approval by Megan Bowen/, reports[0].label);
    const exchange = await api.getTreeChildren(VIEW, ['PIM-Exchange-Admins', 'Member']);
    const byName = new Map(exchange.map((i) => [i.label, i.description ?? '']));
    assert.match(byName.get('Security Operations') ?? '', /^active · ends in \d+ days$/);
    assert.match(
      byName.get('Dave Kim (Contractor)') ?? '',
      /^eligible · starts in \d+ days$/,
      JSON.stringify([...byName]),
    );
    const owners = await api.getTreeChildren(VIEW, ['PIM-Exchange-Admins', 'Owner']);
    assert.strictEqual(owners.find((i) => i.label === 'Adele Vance (Admin)')?.description, 'active · permanent');
  });

  it('shows the assignment settings, notifications, what the group grants and its facts, as the portal does', async () => {
    const member = labels(await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk', 'Member']));
    assert.ok(
      member.some((l) => /^Eligible assignments: (permanent allowed|expire after .+)$/.test(l)),
      member.join(' | '),
    );
    assert.ok(
      member.some((l) => /^Active assignments: (permanent allowed|expire after .+)/.test(l)),
      member.join(' | '),
    );
    assert.ok(
      member.some((l) => l.startsWith('Notifications: ')),
      member.join(' | '),
    );
    // The demo tenant binds nothing to this group yet: the bindings were read, and say so (a failed read says why).
    const grants = labels(await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk', 'Grants']));
    assert.deepStrictEqual(grants, ['nothing besides membership']);
    const about = labels(await api.getTreeChildren(VIEW, ['PIM-Intune-Helpdesk', 'About this group']));
    assert.match(about[0], /^Security group · assigned membership · cloud-only$/);
    assert.ok(
      about.some((l) => /^Object id [0-9a-f-]{36}$/.test(l)),
      about.join(' | '),
    );
  });

  it("copies a group's object id and a user's UPN from the context menu", async () => {
    const group = await api.getTreeNode(VIEW, ['PIM-Intune-Helpdesk']);
    const id = await vscode.commands.executeCommand<string>('pimGroups.copyObjectId', group);
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), id);
    const alice = await api.getTreeNode(VIEW, ['PIM-Intune-Helpdesk', 'Member', 'Alice Ward']);
    assert.strictEqual(await vscode.commands.executeCommand('pimGroups.copyPrincipalName', alice), 'alice@contoso.com');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'alice@contoso.com');
  });

  it('filters by any part of the name, whatever the case, shows the filter, and clears it', async () => {
    api.setPromptAnswers!([{ input: 'helpdesk', expect: 'Filter PIM Groups' }]);
    assert.strictEqual(await vscode.commands.executeCommand('pimGroups.filterGroups'), 'helpdesk');
    assert.deepStrictEqual(labels(await api.getTreeChildren(VIEW)), ['PIM-Intune-Helpdesk']);
    api.setPromptAnswers!([{ input: 'Nothing-Like-This' }]);
    await vscode.commands.executeCommand('pimGroups.filterGroups');
    assert.deepStrictEqual(labels(await api.getTreeChildren(VIEW)), [
      'No PIM-enabled group names contain "Nothing-Like-This"',
    ]);
    await vscode.commands.executeCommand('pimGroups.clearGroupsFilter');
    assert.ok(labels(await api.getTreeChildren(VIEW)).length >= 3);
  });

  it('reads a page at a time and offers "Load more…" until every group is listed', async () => {
    api.setGroupsPageSize(2);
    const first = await api.getTreeChildren(VIEW);
    assert.strictEqual(first.length, 3, labels(first).join(', '));
    assert.strictEqual(first[2].label, 'Load more…');
    await vscode.commands.executeCommand('_pimGroups.loadMoreGroups');
    const second = await api.getTreeChildren(VIEW);
    assert.ok(
      second.length >= 3 && !labels(second).includes('Load more…') === second.length <= 4,
      labels(second).join(', '),
    );
    assert.ok(
      labels(second)
        .slice(0, 2)
        .every((l, i) => l === first[i].label),
      'the first page stays in place',
    );
  });

  it('turns a failed read into an error item with a Retry, never an empty tree', async () => {
    await api.setSandboxCaller('nobody@contoso.com');
    try {
      const roots = await api.getTreeChildren(VIEW);
      assert.strictEqual(roots.length, 1, labels(roots).join(', '));
      assert.strictEqual(roots[0].label, 'Could not load PIM groups');
      assert.strictEqual(roots[0].contextValue, 'pimError');
      assert.ok(roots[0].description, 'the error item says why');
    } finally {
      await api.setSandboxCaller('admin@contoso.com');
    }
    assert.ok(labels(await api.getTreeChildren(VIEW)).includes('PIM-Intune-Helpdesk'));
  });

  it('exports a group from the tree as a definition (untitled YAML document)', async () => {
    const node = await api.getTreeNode(VIEW, ['PIM-Exchange-Admins']);
    api.setPromptAnswers!([{ pick: 'Open as an untitled document', expect: 'Where should the definition go?' }]);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pimGroups.exportGroupDefinition', node);
    assert.ok(uri, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /kind: PimGroup/);
    assert.match(text, /displayName: PIM-Exchange-Admins/);
    assert.match(text, /grace@contoso\.com/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('marks a group a workspace definition manages, and Reveal Definition opens that definition', async () => {
    await api.whenDefinitionsIdle!();
    const intune = (await api.getTreeChildren(VIEW)).find((i) => i.label === 'PIM-Intune-Helpdesk');
    assert.strictEqual(intune?.description, 'managed in intune-helpdesk.pim.yaml');
    assert.strictEqual(intune?.contextValue, 'pimGroup managed');
    const node = await api.getTreeNode(VIEW, ['PIM-Intune-Helpdesk']);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pimGroups.revealGroupDefinition', node);
    assert.ok(uri, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(uri.path.split('/').pop(), 'intune-helpdesk.pim.yaml');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });
});
