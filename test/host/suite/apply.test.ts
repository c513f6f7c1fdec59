import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { mintSandboxToken } from '../../../src/auth/sandboxToken';
import { eventually, pimGroups, repoRoot, workspaceUri, type PimGroupsTestApi } from './extensionUnderTest';
import { sandboxUrl } from './hostTestSettings';

// Apply Changes against the harness's sandbox: it applies the previewed plan, writes the applied record the CLI
// reads, refuses a plan the tenant moved away from, and refuses in an untrusted workspace.
interface PreviewResult {
  summary?: { add: number; change: number; remove: number; drift: number; errors: number };
  html: string;
  blocked: string[];
}
interface ApplyResult {
  applied: boolean;
  summary: string;
  converged?: boolean;
  recordFile?: string;
  recordNotice?: string;
  target?: string;
}

const definition = (name: string, displayName: string) => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ${name}
group:
  displayName: ${displayName}
  description: Created by the apply host test
policies:
  member:
    activation:
      maxDuration: PT2H
assignments:
  eligible:
    - principal: user:frank@contoso.com
      duration: P30D
`;

/** Writes a definition without opening it: an open document outlives its file, and later suites count files. */
async function writeDefinition(api: TrackingApi, file: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(file);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  await eventually(`${file} to be tracked`, () => api.getTrackedDefinitionFiles?.().includes(file) || undefined);
  await api.whenDefinitionsIdle!();
  return uri;
}

type TrackingApi = PimGroupsTestApi & { getTrackedDefinitionFiles?(): string[] };

/** A Graph call as the sandbox's admin, the way another tool would change the tenant behind our back. */
async function graph(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/v1.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${mintSandboxToken({ upn: 'admin@contoso.com' })}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

describe('Apply Changes', function () {
  this.timeout(60000);
  let api: PimGroupsTestApi;
  let url: string;
  const written: vscode.Uri[] = [];

  before(async function () {
    url = sandboxUrl()!;
    if (!url) this.skip();
    api = (await pimGroups().activate())!;
    await vscode.commands.executeCommand('pimGroups.useSandbox');
  });
  afterEach(() => api.useRealPrompts!());
  after(async () => {
    if (!url) return;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri('.pim-groups'), { recursive: true }).then(undefined, () => undefined);
    // Later suites expect the demo tenant as seeded.
    await fetch(`${url}/_sandbox/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'demo' }),
      headers: { 'content-type': 'application/json' },
    });
  });

  it('applies the previewed plan after the confirmation, records it for the CLI, and a new preview is empty', async () => {
    const uri = await writeDefinition(api, 'host-apply.pim.yaml', definition('host-apply', 'PIM-Host-Apply'));
    written.push(uri);
    await api.whenDefinitionsIdle!();
    const before = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', uri);
    assert.ok(before?.summary, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.ok(before.summary.add >= 2, JSON.stringify(before.summary)); // the group and frank's eligibility

    // The dialog names the tenant as a person knows it: the built-in sandbox is "Sandbox", never its URL.
    api.setPromptAnswers!([{ confirm: true, expect: 'to Sandbox?' }]);
    await vscode.workspace.fs.delete(workspaceUri('.pim-groups'), { recursive: true }).then(undefined, () => undefined);
    const result = await vscode.commands.executeCommand<ApplyResult>('pimGroups.applyChanges', uri);
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.ok(result, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(result.applied, true);
    assert.strictEqual(result.target, 'Sandbox');
    assert.strictEqual(result.converged, true, result.summary);
    assert.match(result.summary, /^Applied: \d+ done\. The tenant now matches the plan\.$/);
    // The first record in the workspace is announced once: which file, and why it is kept.
    assert.match(
      result.recordNotice ?? '',
      /^The apply is recorded in \.pim-groups\/applied\/[^ ]+\.json: later plans/,
    );

    const record = JSON.parse(fs.readFileSync(result.recordFile!, 'utf8')) as {
      target: string;
      groups: Record<string, unknown>;
    };
    assert.match(result.recordFile!, /\.pim-groups[\\/]applied[\\/][^\\/]+\.json$/, result.recordFile);
    assert.strictEqual(record.target, url.replace(/\/+$/, ''));
    assert.ok(record.groups['host-apply'], Object.keys(record.groups).join(', '));

    const after = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', uri);
    assert.deepStrictEqual({ ...after.summary }, { add: 0, change: 0, remove: 0, drift: 0, errors: 0, warnings: 0 });
    assert.match(after.html, /No changes: the tenant matches the definitions\./);
  });

  it('says there is nothing to apply when the tenant already matches, without asking', async () => {
    api.setPromptAnswers!([]);
    const result = await vscode.commands.executeCommand<ApplyResult>(
      'pimGroups.applyChanges',
      workspaceUri('host-apply.pim.yaml'),
    );
    assert.strictEqual(result?.applied, false, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.match(result.summary, /^Nothing to apply/);
  });

  it('counts drift when the tenant moves away from what was applied: in the preview, the CodeLens and the Definitions view', async () => {
    const uri = workspaceUri('host-apply.pim.yaml');
    // Someone removes frank's eligibility in the portal after the apply (PIM refuses removing an assignment in its
    // first 5 minutes, so the sandbox's clock moves on 6 minutes first).
    const moveClock = (ms: number) =>
      fetch(`${url}/_sandbox/clock`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: ms }),
        headers: { 'content-type': 'application/json' },
      });
    const group = (
      (await graph(url, 'GET', `/groups?$filter=displayName eq 'PIM-Host-Apply'`)) as { value: { id: string }[] }
    ).value[0];
    const frank = (await graph(url, 'GET', '/users/frank@contoso.com')) as { id: string };
    await moveClock(6 * 60_000);
    try {
      await graph(url, 'POST', '/identityGovernance/privilegedAccess/group/eligibilityScheduleRequests', {
        action: 'adminRemove',
        groupId: group.id,
        principalId: frank.id,
        accessId: 'member',
        justification: 'host test: drift',
      });
    } finally {
      await moveClock(-6 * 60_000); // later suites compare the sandbox's times with this machine's clock
    }

    const preview = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', uri);
    assert.ok(preview?.summary, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(preview.summary.drift, 1, JSON.stringify(preview.summary));
    assert.match(
      preview.html,
      /add eligible member user:frank@contoso.com for <span class="len"[^>]*>30 days<\/span> <span class="mark mark-drift">/,
    );

    // The CLI, run in the workspace, reads the record the editor wrote and sees the same drift.
    const cli = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'dist', 'cli.js'), 'plan', '--sandbox', url, '--json', 'host-apply.pim.yaml'],
      { cwd: workspaceUri().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
    );
    assert.strictEqual(cli.status, 0, cli.stderr);
    assert.deepStrictEqual((JSON.parse(cli.stdout) as { summary: unknown }).summary, preview.summary);

    await vscode.workspace.openTextDocument(uri); // CodeLens needs the document open
    await api.whenDefinitionsIdle!();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    assert.ok(
      lenses.some((l) => l.command?.title === '$(warning) 1 drift · 1 change'),
      lenses.map((l) => l.command?.title).join(' | '),
    );
    const rows = (api as { getDefinitionRows?(): { label: string; state: string; description: string }[] })
      .getDefinitionRows!();
    assert.deepStrictEqual(
      rows.filter((r) => r.label === 'host-apply').map((r) => [r.state, r.description]),
      [['drift', '1 drift · 1 change']],
    );
  });

  it('applies the drift back, and says nothing more about a record that already exists', async () => {
    const uri = workspaceUri('host-apply.pim.yaml');
    await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', uri);
    api.setPromptAnswers!([{ confirm: true, expect: 'Undoes changes made in the tenant (1)' }]);
    const result = await vscode.commands.executeCommand<ApplyResult>('pimGroups.applyChanges', uri);
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.strictEqual(result?.converged, true, JSON.stringify(api.getCommandOutcomes!().slice(-1)));
    assert.strictEqual(result.recordNotice, undefined);
  });

  it('refuses a plan the tenant changed after the preview, and offers to preview again', async () => {
    const uri = await writeDefinition(api, 'host-stale.pim.yaml', definition('host-stale', 'PIM-Host-Stale'));
    written.push(uri);
    await api.whenDefinitionsIdle!();
    const preview = await vscode.commands.executeCommand<PreviewResult>('pimGroups.previewChanges', uri);
    assert.ok(preview?.summary && preview.summary.add >= 2, JSON.stringify(preview?.summary));

    // Someone creates the group in the tenant between the preview and the apply.
    await graph(url, 'POST', '/groups', {
      displayName: 'PIM-Host-Stale',
      mailEnabled: false,
      securityEnabled: true,
      mailNickname: 'pim-host-stale',
    });

    api.setPromptAnswers!([{ confirm: true, expect: 'Apply' }]);
    const result = await vscode.commands.executeCommand<ApplyResult | undefined>('pimGroups.applyChanges', uri);
    assert.strictEqual(result, undefined);
    const outcome = api.getCommandOutcomes!().slice(-1)[0];
    assert.strictEqual(outcome.id, 'pimGroups.applyChanges');
    assert.strictEqual(outcome.outcome, 'failed');
    assert.match(outcome.error ?? '', /tenant changed since this plan was made; nothing was applied\. Preview again/);
    // Nothing was applied: the group the other tool created has no eligible member.
    const groups = (await graph(url, 'GET', `/groups?$filter=displayName eq 'PIM-Host-Stale'`)) as {
      value: { id: string }[];
    };
    const schedules = (await graph(
      url,
      'GET',
      `/identityGovernance/privilegedAccess/group/eligibilitySchedules?$filter=groupId eq '${groups.value[0].id}'`,
    )) as { value: unknown[] };
    assert.deepStrictEqual(schedules.value, []);
  });

  it('refuses in an untrusted workspace (the guard Apply runs first; this host is trusted)', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, true);
    const { refuseWhenUntrusted } = await import('../../../src/extension/apply/workspaceTrust');
    assert.throws(() => refuseWhenUntrusted(false, 'Applying changes'), /Applying changes needs a trusted workspace/);
    const applyContribution = (
      pimGroups().packageJSON.contributes.commands as { command: string; enablement?: string }[]
    ).find((c) => c.command === 'pimGroups.applyChanges');
    assert.strictEqual(applyContribution?.enablement, 'isWorkspaceTrusted');
  });
});
