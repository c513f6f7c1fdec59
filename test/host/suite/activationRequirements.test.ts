// The activation quick picks show what the group's policy requires and its maximum before asking anything, read as
// the eligible member, and nothing is sent to PIM until every answer is in.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { pimGroups, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

type Api = PimGroupsTestApi & {
  setSandboxCaller(upn: string, mfa?: boolean): Promise<unknown>;
  getAskedPrompts(): { kind: string; text: string; answer: string }[];
};

async function scheduleRequestsSince(seq: number): Promise<number> {
  const log = (await (await fetch(`${sandboxUrl()}/_sandbox/requests?since=${seq}`)).json()) as {
    value: { seq: number; method: string; path: string }[];
  };
  return log.value.filter((e) => e.method === 'POST' && /ScheduleRequests/.test(e.path)).length;
}

async function lastSeq(): Promise<number> {
  const log = (await (await fetch(`${sandboxUrl()}/_sandbox/requests`)).json()) as { value: { seq: number }[] };
  return log.value.at(-1)?.seq ?? 0;
}

describe('Activation quick pick: requirements and maximum before asking (sandbox tenant)', () => {
  let api: Api;
  before(async function () {
    if (!sandboxUrl()) this.skip();
    api = (await pimGroups().activate()) as unknown as Api;
  });
  afterEach(() => api.useRealPrompts!());
  after(async () => {
    await api?.setSandboxCaller('admin@contoso.com');
  });

  it('names the maximum and what the policy requires in the first prompt after the choice, and sends nothing', async () => {
    await api.setSandboxCaller('alice@contoso.com');
    const since = await lastSeq();
    api.setPromptAnswers!([
      { pick: 'PIM-Intune-Helpdesk', expect: 'Which eligible membership' },
      // The duration prompt is the first question about the request: it already says the limits.
      { cancel: true, expect: 'For how long? Activation up to 4 hours · justification' },
    ]);
    await vscode.commands.executeCommand('pimGroups.activateMembership');
    const asked = api.getAskedPrompts();
    assert.deepStrictEqual(
      asked.map((p) => p.kind),
      ['pick', 'pick'],
      JSON.stringify(asked),
    );
    assert.match(
      asked[1].text,
      /^Activate PIM-Intune-Helpdesk \(Member\) - For how long\? Activation up to 4 hours · justification$/,
    );
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.strictEqual(await scheduleRequestsSince(since), 0, 'nothing was sent to PIM');
  });
});
