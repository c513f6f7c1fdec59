// Enter on an assignment row in the Groups view: a quick pick with the row's details (who, kind, until, who assigned
// it and why) and the actions its context menu offers; in an untrusted workspace only what changes nothing, with
// the way to trust the workspace. Nothing here changes the tenant.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Asked {
  kind: string;
  text: string;
  answer: string;
  offered?: string[];
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getTreeNode(viewId: string, labelPath: string[]): Promise<unknown>;
  revealInTree(viewId: string, labelPath: string[], expand?: boolean): Promise<void>;
  simulateUntrustedWorkspace(untrusted: boolean): void;
  getAskedPrompts(): Asked[];
};
interface Menu {
  command: string;
  when: string;
  group?: string;
}

const VIEW = 'pimGroups.groups';
const BOB = ['PIM-Intune-Helpdesk', 'Member', 'Bob Stone'];
const LABELS: Record<string, string> = {
  'pimGroups.updateAssignment': 'Update…',
  'pimGroups.extendAssignment': 'Extend…',
  'pimGroups.renewAssignment': 'Renew…',
  'pimGroups.removeAssignment': 'Remove…',
  'pimGroups.copyObjectId': 'Copy Object Id',
  'pimGroups.copyPrincipalName': 'Copy User Principal Name',
};

/** The row's context-menu entries (not inline buttons), as package.json's `viewItem =~ /…/` conditions select them. */
function menuLabelsFor(contextValue: string): string[] {
  const menus = pimGroups().packageJSON.contributes.menus['view/item/context'] as Menu[];
  return menus
    .filter((m) => m.when.includes(VIEW) && !m.group?.startsWith('inline') && LABELS[m.command])
    .filter((m) => new RegExp(/viewItem =~ \/(.+?)\/(?: |$)/.exec(m.when)?.[1] ?? '^$').test(contextValue))
    .sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''))
    .map((m) => LABELS[m.command]);
}

describe('Groups view: Enter on an assignment row (sandbox tenant)', function () {
  this.timeout(60000);
  let api: Api;
  /** What VS Code runs on Enter or a click: the tree item's own command, with its own arguments. */
  const enter = async (labelPath: string[]) => {
    const node = (await api.getTreeNode(VIEW, labelPath)) as { getTreeItem(): vscode.TreeItem };
    const command = node.getTreeItem().command!;
    assert.strictEqual(command.command, '_pimGroups.assignmentDetails');
    return vscode.commands.executeCommand<unknown>(command.command, ...(command.arguments ?? []));
  };
  const lastPick = () => api.getAskedPrompts().find((p) => p.kind === 'pick')!;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    // The demo tenant as seeded: Bob's eligibility assigned by Adele Vance for the helpdesk rota.
    await fetch(`${sandboxUrl()}/_sandbox/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'demo' }),
      headers: { 'content-type': 'application/json' },
    });
    await api.setSandboxCaller('admin@contoso.com');
  });
  afterEach(() => {
    api.useRealPrompts!();
    api.simulateUntrustedWorkspace(false);
  });

  it("shows the row's details and its context menu's actions, and runs the one chosen", async () => {
    api.setPromptAnswers!([
      { pick: 'Copy User Principal Name', expect: 'Bob Stone: eligible Member of PIM-Intune-Helpdesk' },
    ]);
    const upn = await enter(BOB);
    assert.strictEqual(upn, 'bob@contoso.com', JSON.stringify(api.getCommandOutcomes!().slice(-2)));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'bob@contoso.com');
    const pick = lastPick();
    // The details: until when, who assigned it and when, and why.
    assert.match(
      pick.text,
      / - Ends .+\(\d{4}-\d{2}-\d{2}T[\d:.]+Z\) · Assigned by Adele Vance \(Admin\), \d+ days ago/,
    );
    assert.match(pick.text, / · Justification: Helpdesk rota$/);
    // The actions: exactly what the row's context menu offers (package.json decides both).
    const item = ((await api.getTreeNode(VIEW, BOB)) as { getTreeItem(): vscode.TreeItem }).getTreeItem();
    const offered = pick.offered!.map((o) => o.split(' — ')[0]);
    assert.deepStrictEqual(offered, menuLabelsFor(item.contextValue!));
    assert.deepStrictEqual(offered, ['Update…', 'Extend…', 'Remove…', 'Copy Object Id', 'Copy User Principal Name']);
    assert.match(
      String(item.accessibilityInformation?.label),
      /\. Enter for details and actions; Shift\+F10 for the menu$/,
    );
  });

  it('reaches the chosen change itself (Escape at its first question changes nothing)', async () => {
    api.setPromptAnswers!([
      { pick: 'Extend…' },
      { cancel: true, expect: "Extend Bob Stone's eligible Member assignment" },
    ]);
    await enter(BOB);
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    const extend = api.getCommandOutcomes!()
      .filter((o) => o.id === 'pimGroups.extendAssignment')
      .pop();
    assert.strictEqual(extend?.outcome, 'cancelled', JSON.stringify(extend));
  });

  it('offers no change in an untrusted workspace, says which are off, and offers to manage trust', async () => {
    api.simulateUntrustedWorkspace(true);
    api.setPromptAnswers!([{ pick: 'Copy Object Id' }]);
    const id = await enter(BOB);
    assert.match(String(id), /^[0-9a-f-]{36}$/, JSON.stringify(api.getCommandOutcomes!().slice(-2)));
    assert.deepStrictEqual(lastPick().offered, [
      "Copy Object Id — the principal's object id",
      "Copy User Principal Name — the user's sign-in name",
      'Manage Workspace Trust… — Update, Extend, Remove: off in an untrusted workspace',
    ]);
  });

  it('is the command VS Code runs when Enter is pressed on the focused row', async () => {
    api.setPromptAnswers!([{ pick: 'Copy Object Id', expect: 'Bob Stone: eligible Member' }]);
    const ran = () => api.getCommandOutcomes!().filter((o) => o.id === 'pimGroups.copyObjectId').length;
    const before = ran();
    // Enter in a focused tree is `list.select`, which runs the focused item's command. Focus reaches the rendered
    // tree a moment after reveal() resolves, so the key is pressed again (at most 5 times) until the row has it.
    for (let attempt = 0; attempt < 5 && ran() === before; attempt++) {
      await vscode.commands.executeCommand(`${VIEW}.focus`);
      await api.revealInTree(VIEW, BOB, false);
      await vscode.commands.executeCommand('list.select');
      await waitFor(() => ran() > before, 2000);
    }
    assert.ok(ran() > before, 'Enter did not run the row command');
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
  });
});

/** Waits (up to `ms`) for VS Code to run the command Enter starts: pressing Enter does not wait for it. */
async function waitFor(probe: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; waited < ms && !probe(); waited += 100) await new Promise((r) => setTimeout(r, 100));
}
