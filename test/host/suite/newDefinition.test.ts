import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, pimGroups, type PimGroupsTestApi } from './extensionUnderTest';

const COMMAND = 'pimGroups.newDefinitionFromUseCase';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pim-groups');

describe('New Definition from Use Case', () => {
  let api: PimGroupsTestApi;

  before(async () => {
    api = (await pimGroups().activate())!;
  });
  afterEach(() => api.useRealPrompts!());

  it('writes <name>.pim.yaml from the picked use case, and the editor finds nothing wrong in it', async () => {
    api.setPromptAnswers!([{ pick: 'Intune RBAC', expect: 'What is the group for?' }, { input: 'helpdesk-nights' }]);
    const uri = await vscode.commands.executeCommand<vscode.Uri>(COMMAND);
    assert.deepStrictEqual(api.getUnusedPromptAnswers!(), []);
    assert.ok(uri, `the command returned nothing; outcomes: ${JSON.stringify(api.getCommandOutcomes!().slice(-1))}`);
    assert.strictEqual(path.basename(uri.fsPath), 'helpdesk-nights.pim.yaml');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /^ {2}name: helpdesk-nights$/m);
    assert.match(text, /^ {2}useCase: intune-rbac$/m);
    await api.whenDefinitionsIdle!();
    assert.deepStrictEqual(
      ours(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });

  it('offers the use cases in a real quick pick, and Escape cancels without an error', async () => {
    const before = api.getCommandOutcomes!().length;
    const running = vscode.commands.executeCommand(COMMAND);
    // Close the quick pick until the command reports how it ended (it may not be shown yet on the first try).
    const outcome = await eventually('the command to end', () => {
      void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return api.getCommandOutcomes!()
        .slice(before)
        .find((o) => o.id === COMMAND);
    });
    await running;
    assert.strictEqual(outcome.outcome, 'cancelled', JSON.stringify(outcome));
  });
});
