// Keyboard and screen-reader users reach every My Access action: each hover-only inline button is also in the
// item's context menu (Shift+F10), Enter runs the item's first action, and items are spoken in words. Activation
// as an eligible-only user shows the policy's real maximum and requirements (the eligible member reads the policy).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Item {
  label: string;
  description?: string;
  contextValue?: string;
  accessibleName?: string;
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
  revealInTree(viewId: string, labelPath: string[], expand?: boolean): Promise<void>;
  getExpansionEvents(viewId: string): string[];
};
interface Menu {
  command: string;
  when: string;
  group?: string;
}
interface Keybinding {
  command: string;
  key: string;
  when?: string;
}

const VIEW = 'pimGroups.myAccess';

describe('My Access by keyboard', function () {
  this.timeout(60000);
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await api.setSandboxCaller('alice@contoso.com');
  });
  afterEach(() => api.useRealPrompts!());
  after(async () => {
    if (!sandboxUrl()) return;
    await fetch(`${sandboxUrl()}/_sandbox/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'demo' }),
      headers: { 'content-type': 'application/json' },
    });
    await api.setSandboxCaller('admin@contoso.com');
  });

  it('puts every inline action of an item in its context menu too, under the same condition', () => {
    const menus = pimGroups().packageJSON.contributes.menus['view/item/context'] as Menu[];
    const inline = menus.filter((m) => m.when.includes(VIEW) && m.group?.startsWith('inline'));
    assert.ok(inline.length >= 6, inline.map((m) => m.command).join(', '));
    for (const m of inline) {
      assert.ok(
        menus.some((c) => c.command === m.command && c.when === m.when && !c.group?.startsWith('inline')),
        `${m.command} is only an inline button`,
      );
    }
    const enter = (pimGroups().packageJSON.contributes.keybindings as Keybinding[]).find(
      (k) => k.key === 'enter' && k.when?.includes(`focusedView == ${VIEW}`),
    );
    assert.strictEqual(enter?.command, '_pimGroups.myAccessDefaultAction');
  });

  it('opens and closes a section row with Enter: the keybinding does not swallow what Enter does in a tree', async () => {
    const events = () => api.getExpansionEvents(VIEW);
    const until = async (event: string, from: number, press: boolean) => {
      // Focus reaches the rendered tree a moment after reveal returns: press again (up to 5 times) until it acts.
      for (let i = 0; i < 25 && !events().slice(from).includes(event); i++) {
        if (press && i % 5 === 0) await vscode.commands.executeCommand('_pimGroups.myAccessDefaultAction');
        await new Promise((r) => setTimeout(r, 100));
      }
      return events().slice(from);
    };
    events();
    await api.revealInTree(VIEW, ['Eligible'], true);
    const start = events().length;
    assert.ok((await until('collapsed Eligible', start, true)).includes('collapsed Eligible'), events().join(', '));
    const closed = events().length;
    assert.deepStrictEqual(await until('expanded Eligible', closed, true), ['expanded Eligible']);
  });

  it('speaks an eligible membership in words, with the keys that reach its actions', async () => {
    const item = (await api.getTreeChildren(VIEW, ['Eligible'])).find((i) => i.label === 'PIM-Intune-Helpdesk');
    assert.ok(item, 'alice is eligible in PIM-Intune-Helpdesk');
    assert.match(
      item.accessibleName ?? '',
      /^PIM-Intune-Helpdesk, Member, eligible, \d+ days left\. Enter to activate; Shift\+F10 for more actions$/,
    );
  });

  it("shows the policy's real maximum to an eligible-only user, and offers nothing longer", async () => {
    await api.revealInTree(VIEW, ['Eligible', 'PIM-Intune-Helpdesk'], false);
    api.setPromptAnswers!([{ pick: '4 hours 30 minutes', expect: 'Activation up to 4 hours · justification' }]);
    await vscode.commands.executeCommand('_pimGroups.myAccessDefaultAction');
    // Enter runs Activate Membership on the item; its outcome is the one that failed on the scripted pick.
    const outcome = api.getCommandOutcomes!()
      .filter((o) => o.id === 'pimGroups.activateMembership')
      .slice(-1)[0];
    assert.strictEqual(outcome.outcome, 'failed');
    const offered = (outcome.error ?? '').split('matches none of: ')[1]?.split(' (prompt')[0] ?? '';
    assert.ok(offered.startsWith('30 minutes, 1 hour,'), offered);
    assert.ok(offered.endsWith(', 4 hours'), `nothing beyond the policy's 4 hours: ${offered}`);
  });

  it('activates the focused eligible membership with Enter, asking for the justification the policy requires', async () => {
    await api.revealInTree(VIEW, ['Eligible', 'PIM-Intune-Helpdesk'], false);
    api.setPromptAnswers!([
      { pick: '1 hour', expect: 'Activation up to 4 hours' },
      { input: 'Keyboard only', expect: 'Justification' },
    ]);
    const result = await vscode.commands.executeCommand<{ message: string } | undefined>(
      '_pimGroups.myAccessDefaultAction',
    );
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-3)));
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.match(result.message, /PIM-Intune-Helpdesk \(Member\) is active for 1 hour/);
    const active = (await api.getTreeChildren(VIEW, ['Active'])).find((i) => i.label === 'PIM-Intune-Helpdesk');
    assert.match(active?.accessibleName ?? '', /Enter to extend; Shift\+F10 to deactivate$/);
  });
});
