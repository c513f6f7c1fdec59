import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, openWorkspaceFile, pimGroups } from './extensionUnderTest';

// Two values the editor refuses without a tenant (docs: "Rules checked in the editor"): a year-based duration
// (the service only takes days, hours, minutes) and an activation longer than PT24H.
const broken = [
  'apiVersion: pim-groups/v1',
  'kind: PimGroup',
  'metadata:',
  '  name: broken-durations',
  '  useCase: custom',
  'group:',
  '  displayName: PIM-Broken-Durations',
  'policies:',
  '  member:',
  '    activation:',
  '      maxDuration: PT48H',
  '      requireMfa: true',
  '    eligibility:',
  '      allowPermanent: false',
  '      maxDuration: P1Y',
  '',
].join('\n');

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pim-groups');

describe('diagnostics for a broken definition', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await pimGroups().activate();
    editor = await openWorkspaceFile('broken-durations.pim.yaml', broken);
    await pimGroups().exports?.whenDefinitionsIdle?.();
  });

  it('marks each refused value with an error on exactly that value', async () => {
    const document = editor.document;
    const diagnostics = await eventually('pim-groups diagnostics', () => {
      const found = ours(document.uri);
      return found.some((d) => document.getText(d.range) === 'P1Y') &&
        found.some((d) => document.getText(d.range) === 'PT48H')
        ? found
        : undefined;
    });
    for (const [value, line] of [
      ['PT48H', 10],
      ['P1Y', 14],
    ] as const) {
      const d = diagnostics.find((x) => document.getText(x.range) === value)!;
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, `${value}: ${d.message}`);
      assert.strictEqual(d.range.start.line, line, `${value} is on line ${line + 1}`);
      assert.strictEqual(d.range.start.character, document.lineAt(line).text.indexOf(value));
      console.log(
        `[pim-host] ${value} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${typeof d.code === 'object' ? d.code.value : d.code} ${d.message}`,
      );
    }
  });

  it('clears them once the values are fixed', async () => {
    const document = editor.document;
    const fix = new vscode.WorkspaceEdit();
    for (const [from, to] of [
      ['PT48H', 'PT8H'],
      ['P1Y', 'P365D'],
    ]) {
      const at = document.getText().indexOf(from);
      fix.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
    }
    assert.ok(await vscode.workspace.applyEdit(fix));
    await document.save();
    const left = await eventually('the diagnostics to clear', () => {
      const found = ours(document.uri);
      return found.length === 0 ? found : undefined;
    }).catch((err: Error) => {
      throw new Error(
        `${err.message}; still: ${ours(document.uri)
          .map((d) => d.message)
          .join(' | ')}`,
      );
    });
    assert.deepStrictEqual(left, []);
  });
});
