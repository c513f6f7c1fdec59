import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  completionLabels,
  completionsAt,
  lineOf,
  openWorkspaceFile,
  pimGroups,
  workspaceUri,
} from './extensionUnderTest';

// Writing definitions with what the extension gives alone (no Red Hat YAML in this host): schema completion and
// hovers, template navigation and rename, the outline. The files are removed afterwards, for the suites that follow.
const TEMPLATES = [
  'apiVersion: pim-groups/v1',
  'kind: PolicyTemplate',
  'metadata:',
  '  name: authoring-shift',
  'policy:',
  '  activation:',
  '    maxDuration: PT8H',
  '---',
  'apiVersion: pim-groups/v1',
  'kind: PolicyTemplate',
  'metadata:',
  '  name: authoring-short',
  'policy:',
  '  activation:',
  '    maxDuration: PT2H',
  '',
].join('\n');

const GROUP = [
  'apiVersion: pim-groups/v1',
  'kind: PimGroup',
  'metadata:',
  '  name: authoring-ops',
  'group:',
  '  displayName: PIM-Authoring-Ops',
  'policies:',
  '  member:',
  '    template: authoring-shift',
  '    activation:',
  '      requireMfa: true',
  '      maxDuration: PT4H',
  '  owner:',
  '    template: authoring-shift',
  'assignments:',
  '  mode: additive',
  '  eligible:',
  '    - principal: user:alice@contoso.com',
  '      duration: P90D',
  'bindings:',
  '  team: true',
  '',
].join('\n');

// The completion positions are typed in a file of their own, which uses no template.
const SCRATCH = GROUP.replace(/authoring-ops/g, 'authoring-scratch')
  .replace('PIM-Authoring-Ops', 'PIM-Authoring-Scratch')
  .replace(/ {4}template: authoring-shift\n/g, '');

const FILES = ['authoring-templates.pim.yaml', 'authoring-ops.pim.yaml'];
const SCRATCH_FILES = ['top', 'activation', 'enum', 'duration'].map((n) => `authoring-scratch-${n}.pim.yaml`);

/** Each completion position in a file of its own: an open document follows a rewritten file only later. */
const openScratch = (index: number, text: string) =>
  openWorkspaceFile(SCRATCH_FILES[index], text.replace(/authoring-scratch/g, `authoring-scratch-${index}`));

const labelsAt = async (uri: vscode.Uri, position: vscode.Position) =>
  completionLabels(await completionsAt(uri, position));

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n'));
}

describe('authoring definitions without another extension', () => {
  let group: vscode.TextDocument;
  let templates: vscode.TextDocument;

  before(async () => {
    const api = await pimGroups().activate();
    templates = (await openWorkspaceFile(FILES[0], TEMPLATES)).document;
    group = (await openWorkspaceFile(FILES[1], GROUP)).document;
    await api?.whenDefinitionsIdle?.(); // navigation reads the last validation
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of [...FILES, ...SCRATCH_FILES])
      await vscode.workspace.fs.delete(workspaceUri(name)).then(
        () => undefined,
        () => undefined, // not written by this run
      );
  });

  describe('completion', () => {
    it('at the top of an empty document: apiVersion and kind', async () => {
      const { document } = await openScratch(0, '');
      const labels = await labelsAt(document.uri, new vscode.Position(0, 0));
      assert.ok(labels.includes('apiVersion') && labels.includes('kind'), labels.join(', '));
    });

    it('inside policies.member.activation: the keys not yet written', async () => {
      const { document } = await openScratch(1, SCRATCH.replace('      requireMfa: true\n', '      \n'));
      const line = lineOf(document, '    activation:') + 1;
      const labels = await labelsAt(document.uri, new vscode.Position(line, 6));
      for (const key of ['requireMfa', 'requireJustification', 'approval'])
        assert.ok(labels.includes(key), `${key} missing from ${labels.join(', ')}`);
      assert.ok(!labels.includes('maxDuration'), 'maxDuration is written already');
    });

    it('an enum value: the assignment modes', async () => {
      const { document } = await openScratch(2, SCRATCH.replace('  mode: additive', '  mode: '));
      const labels = await labelsAt(document.uri, new vscode.Position(lineOf(document, '  mode: '), 8));
      assert.ok(labels.includes('authoritative') && labels.includes('additive'), labels.join(', '));
    });

    it('a duration: common lengths in words', async () => {
      const { document } = await openScratch(3, SCRATCH.replace('maxDuration: PT4H', 'maxDuration: '));
      const list = await completionsAt(document.uri, new vscode.Position(lineOf(document, 'maxDuration: '), 19));
      const eight = list.items.find((i) => typeof i.label !== 'string' && i.label.label === 'PT8H');
      assert.ok(eight, 'PT8H is offered');
      assert.strictEqual((eight.label as vscode.CompletionItemLabel).detail, ' — 8 hours');
    });
  });

  describe('hovers on keys', () => {
    for (const [needle, column, pattern] of [
      ['requireMfa: true', 8, /Require Azure MFA/],
      ['mode: additive', 3, /Allowed: `authoritative`, `additive`/],
      ['template: authoring-shift', 6, /\*\*template\*\*/],
    ] as const)
      it(`${needle.split(':')[0]} shows the schema's description`, async () => {
        const texts = await hoverText(group.uri, new vscode.Position(lineOf(group, needle), column));
        assert.strictEqual(texts.filter((t) => pattern.test(t)).length, 1, texts.join('\n---\n'));
      });
  });

  describe('template names', () => {
    const onReference = () =>
      new vscode.Position(lineOf(group, 'template: authoring-shift'), '    template: authoring'.length);

    it('go to definition lands on the template’s metadata.name in the other file', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeDefinitionProvider',
        group.uri,
        onReference(),
      );
      assert.strictEqual(found.length, 1);
      assert.strictEqual(found[0].uri.toString(), templates.uri.toString());
      assert.strictEqual(templates.getText(found[0].range), 'authoring-shift');
    });

    it('find references lists the template and both role blocks that use it', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        group.uri,
        onReference(),
      );
      const where = found.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}`).sort();
      assert.deepStrictEqual(
        where,
        [`${FILES[1]}:${lineOf(group, 'template: authoring-shift')}`, `${FILES[1]}:13`, `${FILES[0]}:3`].sort(),
      );
    });

    it('rename refuses a name another template has, and renames everywhere otherwise', async () => {
      await assert.rejects(
        Promise.resolve(
          vscode.commands.executeCommand(
            'vscode.executeDocumentRenameProvider',
            group.uri,
            onReference(),
            'authoring-short',
          ),
        ),
        /already exists/,
      );
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        group.uri,
        onReference(),
        'authoring-day',
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.strictEqual((group.getText().match(/template: authoring-day/g) ?? []).length, 2);
      assert.match(templates.getText(), /name: authoring-day\n/);
      assert.match(templates.getText(), /name: authoring-short\n/);
    });
  });

  it('the outline shows each document by name and kind, with the group’s sections', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      group.uri,
    );
    const ours = symbols.find((s) => s.name === 'authoring-ops');
    assert.ok(ours, symbols.map((s) => s.name).join(', '));
    assert.strictEqual(ours.detail, 'PimGroup');
    assert.deepStrictEqual(
      ours.children.map((c) => c.name),
      ['group', 'policies', 'assignments', 'bindings'],
    );
    const policies = ours.children.find((c) => c.name === 'policies')!;
    assert.deepStrictEqual(
      policies.children.map((c) => c.name),
      ['member', 'owner'],
    );
    const inTemplates = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      templates.uri,
    );
    assert.deepStrictEqual(
      inTemplates.map((s) => `${s.name} (${s.detail})`),
      ['authoring-shift (PolicyTemplate)', 'authoring-short (PolicyTemplate)'],
    );
  });
});
