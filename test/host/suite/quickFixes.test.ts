import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, openWorkspaceFile, pimGroups } from './extensionUnderTest';

const text = [
  'apiVersion: pim-groups/v1',
  'kind: PimGroup',
  'metadata:',
  '  name: quick-fix-years',
  '  useCase: custom',
  'group:',
  '  displayName: PIM-Quick-Fix-Years',
  'policies:',
  '  member:',
  '    eligibility:',
  '      allowPermanent: false',
  '      maxDuration: P1Y',
  '',
].join('\n');

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pim-groups');

describe('quick fixes', () => {
  it('offer days for a year-based duration, and applying the fix clears the error', async () => {
    await pimGroups().activate();
    const { document } = await openWorkspaceFile('quick-fix-years.pim.yaml', text);
    const error = await eventually('the P1Y error', () =>
      ours(document.uri).find((d) => document.getText(d.range) === 'P1Y'),
    );
    const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider',
      document.uri,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined);
    const fix = fixes.find((a) => a.title.includes('P365D'));
    assert.ok(fix, `no quick fix proposes P365D; offered: ${fixes.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(document.lineAt(error.range.start.line).text, '      maxDuration: P365D');
    await eventually('the error to clear', () => (ours(document.uri).length === 0 ? true : undefined));
  });
});
