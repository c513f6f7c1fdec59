// What My Access shows to decide: the approval item names the requested duration and ticket, and the deactivate
// picker says how long each active membership has left (not what activating required). The demo tenant is seeded
// again before and after, so henry's request waits for megan.manager and alice is eligible only.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  accessibleName?: string;
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
  getAskedPrompts(): { kind: string; text: string; answer: string; shown?: string }[];
};

const VIEW = 'pimGroups.myAccess';
const reseed = () =>
  fetch(`${sandboxUrl()}/_sandbox/reset`, {
    method: 'POST',
    body: JSON.stringify({ seed: 'demo' }),
    headers: { 'content-type': 'application/json' },
  });

describe('My Access: what an approver and a deactivating member see (sandbox tenant)', function () {
  this.timeout(60000);
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await reseed();
  });
  afterEach(() => api.useRealPrompts!());
  after(async () => {
    if (!sandboxUrl()) return;
    await reseed();
    await api.setSandboxCaller('admin@contoso.com');
  });

  it('shows the requested duration and the ticket on the approval item, and speaks them', async () => {
    await api.setSandboxCaller('megan.manager@contoso.com');
    const henry = (await api.getTreeChildren(VIEW, ['Waiting for my approval'])).find(
      (i) => i.label === 'Henry Ross → PIM-Finance-Reports',
    );
    assert.ok(henry, 'henry waits for megan.manager');
    assert.match(henry.description ?? '', /^Member · 4 hours · ticket CHG-0042 \(ServiceNow\) · "Quarter-end close/);
    assert.match(henry.tooltip ?? '', /^For 4 hours, from .+$/m);
    assert.match(henry.tooltip ?? '', /^Ticket: CHG-0042 \(ServiceNow\)$/m);
    assert.match(
      henry.accessibleName ?? '',
      /^Henry Ross asks to activate member of PIM-Finance-Reports for 4 hours, ticket CHG-0042 \(ServiceNow\), because: Quarter-end close/,
    );
  });

  it('shows the time left of each active membership in the deactivate picker', async () => {
    await api.setSandboxCaller('alice@contoso.com');
    api.setPromptAnswers!([
      { pick: 'PIM-Intune-Helpdesk', expect: 'Which eligible membership' },
      { pick: '1 hour', expect: 'For how long?' },
      { input: 'Check the picker', expect: 'Justification' },
    ]);
    assert.ok(
      await vscode.commands.executeCommand('pimGroups.activateMembership'),
      JSON.stringify(api.getCommandOutcomes!().slice(-1)),
    );
    // PIM keeps an activation at least 5 minutes: move the sandbox's clock past that before deactivating.
    await fetch(`${sandboxUrl()}/_sandbox/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: 6 * 60_000 }),
    });
    api.setPromptAnswers!([{ pick: 'PIM-Intune-Helpdesk', expect: 'Which active membership do you want to end now?' }]);
    const ended = await vscode.commands.executeCommand<{ message: string }>('pimGroups.deactivateMembership');
    assert.ok(ended, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const picker = api.getAskedPrompts().find((p) => p.text.includes('Deactivate Membership'));
    // About an hour: the sandbox's clock runs ahead of this machine's by the minutes moved above (and other tests').
    assert.match(picker?.shown ?? '', /^Member · ends in (1 h( \d+ min)?|[45]\d min)$/, JSON.stringify(picker));
  });
});
