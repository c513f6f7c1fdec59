import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  completionLabels as labels,
  completionsAt,
  completionsAtWord,
  eventually,
  lineOf,
  openWorkspaceFile,
  pimGroups,
} from './extensionUnderTest';

// Tenant-aware authoring against the harness's sandbox (seed demo): completion of principals and Intune roles, a
// hover that says who a principal is, and a tenant check that appears and disappears as the text changes.
const TENANT = 'pim-groups (tenant)';

const definition = (principal: string) =>
  [
    'apiVersion: pim-groups/v1',
    'kind: PimGroup',
    'metadata:',
    '  name: tenant-authoring',
    'group:',
    '  displayName: PIM-Tenant-Authoring',
    'policies:',
    '  member:',
    '    activation:',
    '      maxDuration: PT8H',
    '      requireMfa: true',
    'assignments:',
    '  eligible:',
    `    - principal: ${principal}`,
    '      duration: P30D',
    'bindings:',
    '  intuneRoles:',
    '    - role: Help Desk Operator',
    '',
  ].join('\n');

const tenantDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === TENANT);

describe('tenant-aware authoring (sandbox)', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await pimGroups().activate();
    await vscode.commands.executeCommand('pimGroups.useSandbox');
    editor = await openWorkspaceFile('tenant-authoring.pim.yaml', definition('user:alice@contoso.com'));
    await pimGroups().exports?.whenDefinitionsIdle?.();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('completes `principal: user:al` with the sandbox user whose UPN starts so, inserting the whole reference', async () => {
    const doc = editor.document;
    const line = lineOf(doc, 'principal:');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(line).range, '    - principal: user:al');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const at = new vscode.Position(line, doc.lineAt(line).text.length);
    const list = await completionsAt(doc.uri, at);
    const alice = list.items.find((i) => i.insertText === 'user:alice@contoso.com');
    assert.ok(alice, `no user:alice@contoso.com among ${labels(list).join(', ')}`);
    const range = alice.range as vscode.Range;
    assert.strictEqual(doc.getText(range), 'user:al', 'replaces the reference typed so far');
    assert.ok(!labels(list).includes('user:bob@contoso.com'), 'only users matching the prefix');
    // Back to the full reference for the next tests.
    const back = new vscode.WorkspaceEdit();
    back.replace(doc.uri, doc.lineAt(line).range, '    - principal: user:alice@contoso.com');
    assert.ok(await vscode.workspace.applyEdit(back));
  });

  it("completes an Intune role binding's `role:` with the tenant's Intune roles", async () => {
    const list = await completionsAtWord(editor.document, '- role: Help Desk Operator', 'Help');
    assert.ok(labels(list).includes('Help Desk Operator'), labels(list).join(', '));
    assert.ok(labels(list).includes('Read Only Operator'), labels(list).join(', '));
  });

  it('says who a principal is on hover: display name, member or guest, enabled', async () => {
    const doc = editor.document;
    await pimGroups().exports?.whenDefinitionsIdle?.();
    const line = lineOf(doc, 'user:alice@contoso.com');
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('alice'));
    const text = await hoverUntil(doc.uri, at, /Alice Ward/);
    assert.match(text, /\*\*Alice Ward\*\*/);
    assert.match(text, /member user · account enabled/);
  });

  it('marks an unknown principal with the plan’s PIM201, and clears it once the reference is fixed', async () => {
    const doc = editor.document;
    const from = 'user:alice@contoso.com';
    const replace = async (a: string, b: string) => {
      const i = doc.getText().indexOf(a);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(i), doc.positionAt(i + a.length)), b);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await replace(from, 'user:nobody@contoso.com');
    const shown = await eventually('a PIM201 tenant diagnostic', () => {
      const d = tenantDiagnostics(doc.uri).find((x) => (x.code as { value: string })?.value === 'PIM201');
      return d;
    });
    assert.strictEqual(doc.getText(shown.range), 'user:nobody@contoso.com');
    assert.strictEqual(shown.severity, vscode.DiagnosticSeverity.Error);
    await replace('user:nobody@contoso.com', from);
    await eventually('the tenant diagnostics to clear', () =>
      tenantDiagnostics(doc.uri).length === 0 ? true : undefined,
    );
  });
});

/** The hover text at `at` once it matches `pattern` (the definitions are re-validated after each edit). */
async function hoverUntil(uri: vscode.Uri, at: vscode.Position, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`no hover matching ${pattern}; last: ${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
