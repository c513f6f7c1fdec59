// An administrator's row actions on assignments in the Groups view (Update, Extend, Renew, Remove), each also in the
// item's context menu, and who assigned each assignment, when and why, on hover. Changes bob's eligibility in
// PIM-Intune-Helpdesk; the demo tenant is seeded again afterwards, so later suites start from it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  accessibleName?: string;
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
  getTreeNode(viewId: string, labelPath: string[]): Promise<unknown>;
  simulateUntrustedWorkspace(untrusted: boolean): void;
  getAskedPrompts(): { kind: string; text: string; answer: string; shown?: string }[];
};
interface Menu {
  command: string;
  when: string;
  group?: string;
}
interface Outcome {
  action: string;
  message: string;
  end?: string | null;
}

const VIEW = 'pimGroups.groups';
const MEMBER = ['PIM-Intune-Helpdesk', 'Member'];
const ACTIONS = [
  'pimGroups.updateAssignment',
  'pimGroups.extendAssignment',
  'pimGroups.renewAssignment',
  'pimGroups.removeAssignment',
];
const DAY = 86_400_000;

const reseed = () =>
  fetch(`${sandboxUrl()}/_sandbox/reset`, {
    method: 'POST',
    body: JSON.stringify({ seed: 'demo' }),
    headers: { 'content-type': 'application/json' },
  });

/** The assignment menu entries whose `viewItem =~ /…/` condition matches this contextValue. */
function offeredFor(contextValue: string, menus: Menu[]): string[] {
  return menus
    .filter((m) => m.when.includes(VIEW) && !m.group?.startsWith('inline'))
    .filter((m) => {
      const regex = /viewItem =~ \/(.+?)\/(?: |$)/.exec(m.when)?.[1];
      return regex !== undefined && new RegExp(regex).test(contextValue);
    })
    .map((m) => m.command);
}

describe('Groups view: assignment details and row actions (sandbox tenant)', function () {
  this.timeout(90000);
  let api: Api;
  const menus = () => pimGroups().packageJSON.contributes.menus['view/item/context'] as Menu[];
  const bob = async () => (await api.getTreeChildren(VIEW, MEMBER)).find((i) => i.label === 'Bob Stone');

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await reseed();
    await api.setSandboxCaller('admin@contoso.com');
    await api.whenDefinitionsIdle?.(); // "managed in intune-helpdesk.pim.yaml" needs the workspace validated
  });
  afterEach(() => {
    api.useRealPrompts!();
    api.simulateUntrustedWorkspace(false);
  });
  after(async () => {
    if (!sandboxUrl()) return;
    await reseed();
    await api.setSandboxCaller('admin@contoso.com');
  });

  it('shows who assigned an assignment, when and why on hover, with exact times', async () => {
    const item = await bob();
    assert.ok(item, (await api.getTreeChildren(VIEW, MEMBER)).map((i) => i.label).join(', '));
    assert.match(item.tooltip ?? '', /^Assigned by Adele Vance \(Admin\), \d+ days ago \(.+\)$/m, item.tooltip);
    assert.match(item.tooltip ?? '', /^Justification: Helpdesk rota$/m);
    assert.match(item.tooltip ?? '', /^Ends .+\(\d{4}-\d{2}-\d{2}T[\d:.]+Z\)$/m);
    assert.match(
      item.accessibleName ?? '',
      /^Bob Stone, eligible, \d+ days left\. Enter for details and actions; Shift\+F10 for the menu$/,
    );
  });

  it('offers Update, Extend and Remove for a current assignment, Renew for an expiring one, each in the context menu', async () => {
    const all = menus();
    for (const id of ACTIONS)
      assert.ok(
        all.some((m) => m.command === id && !m.group?.startsWith('inline')),
        id,
      );
    for (const m of all.filter(
      (x) => x.when.includes(VIEW) && x.group?.startsWith('inline') && x.command !== '_pimGroups.retryTreeItem',
    ))
      assert.ok(
        all.some((c) => c.command === m.command && c.when === m.when && !c.group?.startsWith('inline')),
        `${m.command} is only an inline button`,
      );
    const item = await bob();
    assert.deepStrictEqual(
      offeredFor(item!.contextValue!, all).filter((c) => ACTIONS.includes(c)),
      ['pimGroups.updateAssignment', 'pimGroups.extendAssignment', 'pimGroups.removeAssignment'],
    );
    // An activation is the member's own: no admin action is offered on it; a permanent one cannot be extended.
    assert.deepStrictEqual(
      offeredFor('pimAssignment active current timed activated user', all).filter((c) => ACTIONS.includes(c)),
      [],
    );
    assert.ok(
      !offeredFor('pimAssignment active current permanent managed user', all).includes('pimGroups.extendAssignment'),
    );
    assert.deepStrictEqual(
      offeredFor('pimAssignment eligible expired timed managed user', all).filter((c) => ACTIONS.includes(c)),
      ['pimGroups.renewAssignment'],
    );
  });

  it('refuses to change an assignment in an untrusted workspace, before any prompt', async () => {
    api.simulateUntrustedWorkspace(true);
    api.setPromptAnswers!([]);
    const node = await api.getTreeNode(VIEW, [...MEMBER, 'Bob Stone']);
    await vscode.commands.executeCommand('pimGroups.extendAssignment', node);
    const outcome = api.getCommandOutcomes!()
      .filter((o) => o.id === 'pimGroups.extendAssignment')
      .slice(-1)[0];
    assert.strictEqual(outcome.outcome, 'failed');
    assert.match(outcome.error ?? '', /untrusted workspace/);
  });

  it("extends bob's eligibility from the tree: says what changes, warns of drift, and the tenant's end moves", async () => {
    const before = Date.parse(/Ends .*\((.+)\)$/m.exec((await bob())?.tooltip ?? '')?.[1] ?? '');
    assert.ok(before > Date.now(), 'bob is eligible with an end');
    const node = await api.getTreeNode(VIEW, [...MEMBER, 'Bob Stone']);
    api.setPromptAnswers!([
      { input: '10d', expect: 'Extend' }, // refused: not past the current end
    ]);
    await vscode.commands.executeCommand('pimGroups.extendAssignment', node);
    assert.match(
      api.getCommandOutcomes!().slice(-1)[0].error ?? '',
      /was refused .*: An extension must end later than the c/,
    );

    api.setPromptAnswers!([
      { input: '60d', expect: "Extend Bob Stone's eligible Member assignment of PIM-Intune-Helpdesk" },
      { input: 'Rota extended to next quarter', expect: 'Justification' },
      { confirm: true, expect: 'managed in intune-helpdesk.pim.yaml: the next plan will show this change as drift' },
    ]);
    const outcome = await vscode.commands.executeCommand<Outcome>('pimGroups.extendAssignment', node);
    assert.ok(outcome, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    const confirmText = api.getAskedPrompts().find((p) => p.kind === 'confirm')?.text ?? '';
    assert.match(
      confirmText,
      /^Extend Bob Stone's eligible Member assignment of PIM-Intune-Helpdesk to end .+ \(in (59|60) days\)\?/,
    );
    assert.match(
      outcome.message,
      /^Extended: Bob Stone's eligible Member assignment of PIM-Intune-Helpdesk now ends in (59|60) days/,
    );

    const after = await bob();
    assert.match(after?.description ?? '', /^eligible · (59|60) days left$/);
    const end = Date.parse(/Ends .*\((.+)\)$/m.exec(after?.tooltip ?? '')?.[1] ?? '');
    assert.ok(Math.abs(end - Date.parse(outcome.end!)) < 60_000, `${new Date(end).toISOString()} vs ${outcome.end}`);
    assert.ok(end - before > 30 * DAY, 'the end moved forward');
    assert.match(after?.tooltip ?? '', /^Extended by Adele Vance \(Admin\), \d+ minutes? ago/m);
    assert.match(after?.tooltip ?? '', /^Justification: Rota extended to next quarter$/m);
  });

  it('removes an assignment after a confirmation in words; it is gone after the refresh', async () => {
    // PIM keeps a schedule at least 5 minutes: the extension above re-created it, so the sandbox's clock moves on.
    await fetch(`${sandboxUrl()}/_sandbox/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 6 * 60_000 }),
    });
    const node = await api.getTreeNode(VIEW, [...MEMBER, 'Bob Stone']);
    api.setPromptAnswers!([
      {
        confirm: true,
        expect:
          "Remove Bob Stone's eligible Member assignment of PIM-Intune-Helpdesk? Bob Stone loses the eligibility at once.",
      },
    ]);
    const outcome = await vscode.commands.executeCommand<Outcome>('pimGroups.removeAssignment', node);
    assert.ok(outcome, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(outcome.message, "Removed: Bob Stone's eligible Member assignment of PIM-Intune-Helpdesk.");
    const labels = (await api.getTreeChildren(VIEW, MEMBER)).map((i) => i.label);
    assert.ok(!labels.includes('Bob Stone'), labels.join(', '));
    assert.ok(labels.includes('Alice Ward'), 'only bob was removed');
  });

  it("says PIM's refusal in one sentence with the fix, never Graph text", async () => {
    // The group's policy lets eligible assignments last at most 365 days.
    const node = await api.getTreeNode(VIEW, [...MEMBER, 'Alice Ward']);
    api.setPromptAnswers!([{ input: '400d' }, { input: '' }, { confirm: true }]);
    await vscode.commands.executeCommand('pimGroups.extendAssignment', node);
    const outcome = api.getCommandOutcomes!()
      .filter((o) => o.id === 'pimGroups.extendAssignment')
      .slice(-1)[0];
    assert.strictEqual(outcome.outcome, 'failed');
    assert.strictEqual(
      outcome.error,
      "PIM refused to extend Alice Ward's eligible Member assignment of PIM-Intune-Helpdesk: the duration is longer than the policy allows (choose a shorter one).",
    );
  });
});
