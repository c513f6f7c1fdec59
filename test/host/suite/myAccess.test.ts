// My Access for chosen callers of the demo sandbox tenant (docs/demo-tenant.md): what alice may activate, and
// what waits for megan.manager's approval. Actions on these items: myAccessActivation.test.ts.
import * as assert from 'assert';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
}
type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getTreeChildren(viewId: string, labelPath?: string[]): Promise<Item[]>;
  revealInTree(viewId: string, labelPath: string[], expand?: boolean): Promise<void>;
};

const VIEW = 'pimGroups.myAccess';
const SECTIONS = ['Eligible', 'Active', 'My requests pending approval', 'Waiting for my approval'];

describe('My Access view (sandbox tenant)', () => {
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
  });
  after(async () => {
    await api?.setSandboxCaller('admin@contoso.com');
  });

  it("lists alice's eligible membership of PIM-Intune-Helpdesk with an inline Activate", async () => {
    await api.setSandboxCaller('alice@contoso.com');
    assert.deepStrictEqual(
      (await api.getTreeChildren(VIEW)).map((i) => i.label),
      SECTIONS,
    );
    const eligible = await api.getTreeChildren(VIEW, ['Eligible']);
    const intune = eligible.find((i) => i.label === 'PIM-Intune-Helpdesk');
    assert.ok(intune, eligible.map((i) => i.label).join(', '));
    assert.match(intune.description ?? '', /^Member · eligible, \d+ days left$/);
    assert.strictEqual(intune.contextValue, 'pimMembership eligible');
    assert.match(intune.tooltip ?? '', /^PIM-Intune-Helpdesk \(Member\)/);
  });

  it("lists henry's request to megan.manager under Waiting for my approval", async () => {
    await api.setSandboxCaller('megan.manager@contoso.com');
    const waiting = await api.getTreeChildren(VIEW, ['Waiting for my approval']);
    const henry = waiting.find((i) => i.label === 'Henry Ross → PIM-Finance-Reports');
    assert.ok(henry, waiting.map((i) => i.label).join(', '));
    assert.strictEqual(henry.contextValue, 'pimApproval');
    assert.match(henry.description ?? '', /Quarter-end close/);
    await api.setSandboxCaller('henry@contoso.com');
    const pending = await api.getTreeChildren(VIEW, ['My requests pending approval']);
    assert.deepStrictEqual(
      pending.map((i) => `${i.label} ${i.contextValue}`),
      ['PIM-Finance-Reports pimMembership pending'],
    );
  });
});
