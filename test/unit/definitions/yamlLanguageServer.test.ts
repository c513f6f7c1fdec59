import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { EXAMPLES } from './examples.test';
import { GROUP, rangeOf } from './fixture';
import { edit } from '../fixtureEdit';

// What Red Hat YAML users see: our schema served to yaml-language-server, as the extension's yamlValidation does.
const schemaPath = path.resolve(__dirname, '../../../../schemas/pim-groups.schema.json');
const schemaUri = 'file://' + schemaPath;
const ls = getLanguageService({
  schemaRequestService: async () => readFileSync(schemaPath, 'utf8'),
  workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).toString() },
});
ls.configure({
  validate: true,
  hover: true,
  completion: true,
  schemas: [{ uri: schemaUri, fileMatch: ['*.pim.yaml'] }],
});
let version = 0;
const doc = (text: string) => TextDocument.create('file:///ws/test.pim.yaml', 'yaml', ++version, text);

describe('definitions: the schema in yaml-language-server (Red Hat YAML)', () => {
  for (const e of EXAMPLES) {
    it(`${e.path} has no diagnostics`, async () => {
      assert.deepEqual(
        (await ls.doValidation(doc(e.text), false)).map((d) => String(d.message)),
        [],
      );
    });
  }

  it('flags an unknown property and a year duration', async () => {
    const messages = (
      await ls.doValidation(doc(edit(GROUP, ['requireMfa: true', 'requireMFA: true'], ['P90D', 'P1Y'])), false)
    ).map((d) => String(d.message));
    assert.ok(
      messages.some((m) => /requireMFA|DisallowedExtraProp/.test(m)),
      messages.join('\n'),
    ); // 1.19.2 shows the message key when not localised
    assert.ok(
      messages.some((m) => /days, hours and minutes/.test(m)),
      messages.join('\n'),
    );
  });

  it('hovers with the property description', async () => {
    const { start } = rangeOf(GROUP, 'maxDuration');
    const hover = await ls.doHover(doc(GROUP), { line: start.line, character: start.character + 2 });
    assert.match(JSON.stringify(hover?.contents), /Longest activation[\s\S]*days, hours and minutes/);
  });

  it('completes property names inside a role policy', async () => {
    const text = edit(GROUP, ['      requireMfa: true\n', '      requireMfa: true\n      \n']);
    const { start } = rangeOf(text, '      \n');
    const list = await ls.doComplete(doc(text), { line: start.line, character: 6 }, false);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('authenticationContext') && labels.includes('approval'), labels.join(', '));
  });
});
