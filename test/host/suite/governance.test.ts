// Governance in the trees, against the demo sandbox tenant: the History node under a group lists an activation made
// here (and Open History as Table shows it with its text made inert), and assignments that end within 14 days are
// marked "ends in N days" in the Groups and My Access views (the demo seeds secops@ active in PIM-Exchange-Admins
// for 12 more days).
import * as assert from 'assert';
import * as vscode from 'vscode';
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
  getTreeNode(viewId: string, labelPath: string[]): Promise<unknown>;
};

const GROUPS = 'pimGroups.groups';
const MY_ACCESS = 'pimGroups.myAccess';
const GROUP = 'PIM-Intune-Helpdesk';

/** An unsigned sandbox token (src/auth/sandboxToken.ts), for the set-up calls a user makes outside the extension. */
function sandboxToken(upn: string): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: 'https://graph.microsoft.com', iat: now, nbf: now, exp: now + 600, upn, amr: ['pwd', 'mfa'] })}.`;
}

async function graph(upn: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${sandboxUrl()}/v1.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${sandboxToken(upn)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const PIM = '/identityGovernance/privilegedAccess/group';
const advanceClock = (ms: number) =>
  fetch(`${sandboxUrl()}/_sandbox/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });

describe('Governance in the trees (sandbox tenant)', () => {
  let api: Api;

  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
    await api.setSandboxCaller('admin@contoso.com');
  });
  after(async () => {
    await api?.setSandboxCaller('admin@contoso.com');
  });

  it("lists an activation made in this test under the group's History, and opens the history as an inert table", async () => {
    const groupId = (await graph('admin@contoso.com', 'GET', `/groups?$filter=displayName eq '${GROUP}'`)).value[0].id;
    const mine = `${PIM}/assignmentScheduleInstances/filterByCurrentUser(on='principal')`;
    const active = (await graph('alice@contoso.com', 'GET', mine)).value.some((i: any) => i.groupId === groupId);
    // PIM keeps an activation at least 5 minutes: move past that to end one (another test's before, ours after).
    const endActivation = async () => {
      await advanceClock(6 * 60_000);
      await graph('alice@contoso.com', 'POST', `${PIM}/assignmentScheduleRequests`, {
        action: 'selfDeactivate',
        accessId: 'member',
        groupId,
        principalId: (await graph('alice@contoso.com', 'GET', '/me')).id,
      });
    };
    if (active) await endActivation();
    const justification = `history check ${Date.now()} [link](http://evil.example) | cell`;
    const me = (await graph('alice@contoso.com', 'GET', '/me')).id;
    await graph('alice@contoso.com', 'POST', `${PIM}/assignmentScheduleRequests`, {
      action: 'selfActivate',
      accessId: 'member',
      groupId,
      principalId: me,
      justification,
      scheduleInfo: { expiration: { type: 'afterDuration', duration: 'PT1H' } },
    });

    const children = await api.getTreeChildren(GROUPS, [GROUP]);
    assert.deepStrictEqual(
      children.map((i) => i.label),
      ['Member', 'Owner', 'Grants', 'About this group', 'History'],
    );
    const history = await api.getTreeChildren(GROUPS, [GROUP, 'History']);
    const activation = history.find((i) => i.label === 'activate · Alice Ward' && i.tooltip?.includes(justification));
    assert.ok(activation, history.map((i) => `${i.label}: ${i.tooltip}`).join('\n'));
    assert.match(activation.description ?? '', /member · PT1H · Provisioned$/);

    const node = await api.getTreeNode(GROUPS, [GROUP, 'History']);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('pimGroups.showGroupHistory', node);
    assert.ok(document, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    const text = document.getText();
    assert.match(text, /^# History of PIM-Intune-Helpdesk$/m);
    const row = text.split('\n').find((l) => l.includes('history check'));
    assert.ok(row, text);
    assert.ok(row.includes('\\[link\\](http://evil.example) \\| cell'), row);
    assert.match(row, /\| activate \| active \| member \| Alice Ward \|/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Later tests (My Access by keyboard) start from alice eligible only, as the demo tenant seeds her.
    await endActivation();
  });

  it('marks an assignment that ends within 14 days in the Groups view', async () => {
    const member = await api.getTreeChildren(GROUPS, ['PIM-Exchange-Admins', 'Member']);
    const secops = member.find((i) => i.label === 'Security Operations');
    assert.ok(secops, member.map((i) => i.label).join(', '));
    assert.match(secops.description ?? '', /^active · ends in 1[0-2] days$/);
    assert.match(secops.tooltip ?? '', /ends in 1[0-2] days: PIM does not renew it/);
    assert.match(secops.contextValue ?? '', /endingSoon/);
    const later = member.find((i) => i.label === 'Dave Kim (Contractor)');
    assert.ok(later && !/ends in/.test(later.description ?? ''), 'an assignment further out is not marked');
  });

  it('marks the same assignment in My Access for the person who holds it', async () => {
    await api.setSandboxCaller('secops@contoso.com');
    const active = await api.getTreeChildren(MY_ACCESS, ['Active']);
    const exchange = active.find((i) => i.label === 'PIM-Exchange-Admins');
    assert.ok(exchange, active.map((i) => i.label).join(', '));
    assert.match(exchange.description ?? '', /^Member · ends in 1[0-2] days$/);
    assert.match(exchange.tooltip ?? '', /Assignment ends in 1[0-2] days: PIM does not renew it/);
  });
});
