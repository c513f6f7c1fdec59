import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { cursorContext } from '../../../../src/definitions/authoring/cursorContext';
import { schemaCandidates } from '../../../../src/definitions/authoring/schemaCompletion';
import { schemaHoverAt } from '../../../../src/definitions/authoring/schemaHover';
import { PIM_GROUPS_SCHEMA, SCHEMA_ID } from '../../../../src/definitions';
import {
  ALL_OURS,
  RED_HAT_YAML,
  SchemaFeatures,
  schemaFeaturesFor,
} from '../../../../src/extension/authoring/coexistence';
import { withCursor } from '../../definitions/authoring/cursor';

const decide = (installedExtensions: string[], yamlSchemas: unknown = undefined, documentText = '') =>
  schemaFeaturesFor({ installedExtensions, yamlSchemas, documentText, schemaId: SCHEMA_ID });

describe('extension/authoring: our schema features beside Red Hat YAML', () => {
  it('provides everything when Red Hat YAML is not installed', () => {
    assert.deepEqual(decide(['ms-python.python'], { [SCHEMA_ID]: '*.pim.yaml' }), ALL_OURS);
  });

  it('provides everything when Red Hat YAML is installed but does not know our schema (we contribute none)', () => {
    assert.deepEqual(decide([RED_HAT_YAML]), ALL_OURS);
    assert.deepEqual(
      decide([RED_HAT_YAML], { 'https://json.schemastore.org/github-workflow.json': '*.yml' }),
      ALL_OURS,
    );
  });

  it('steps back on keys, values and hovers once the user maps our schema in yaml.schemas or a modeline', () => {
    const beside = { keys: false, values: false, durationExamples: false, keyHovers: false, valueHovers: false };
    assert.deepEqual(decide(['RedHat.vscode-yaml'], { [SCHEMA_ID]: ['*.pim.yaml'] }), beside);
    assert.deepEqual(decide([RED_HAT_YAML], { './schemas/pim-groups.schema.json': '*.pim.yaml' }), beside);
    assert.deepEqual(
      decide([RED_HAT_YAML], {}, `# yaml-language-server: $schema=${SCHEMA_ID}\napiVersion: pim-groups/v1\n`),
      beside,
    );
  });

  describe('against yaml-language-server (the engine of Red Hat YAML), with our schema mapped', () => {
    // What a Red Hat YAML user who mapped the schema sees, computed by its own language service.
    const schemaPath = path.resolve(__dirname, '../../../../../schemas/pim-groups.schema.json');
    const ls = getLanguageService({
      schemaRequestService: async () => readFileSync(schemaPath, 'utf8'),
      workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).toString() },
    });
    ls.configure({
      validate: true,
      hover: true,
      completion: true,
      schemas: [{ uri: 'file://' + schemaPath, fileMatch: ['*.pim.yaml'] }],
    });
    const features: SchemaFeatures = decide([RED_HAT_YAML], { [SCHEMA_ID]: '*.pim.yaml' });
    const HEAD = 'apiVersion: pim-groups/v1\nkind: PimGroup\nmetadata:\n  name: x\ngroup:\n  displayName: X\n';
    const POSITIONS = {
      'top level': `${HEAD}|`,
      'policies.member.activation': `${HEAD}policies:\n  member:\n    activation:\n      requireMfa: true\n      |`,
      'an enum value': `${HEAD}assignments:\n  mode: |`,
      'a duration': `${HEAD}policies:\n  member:\n    activation:\n      maxDuration: |`,
    };
    let version = 0;

    for (const [name, text] of Object.entries(POSITIONS))
      it(`no completion label twice at ${name}`, async () => {
        const { lines, position } = withCursor(text);
        const doc = TextDocument.create('file:///ws/a.pim.yaml', 'yaml', ++version, lines.join('\n'));
        const theirs = (await ls.doComplete(doc, position, false)).items.map((i) => i.label);
        assert.ok(theirs.length > 0, 'the language service offers something here (else the test proves nothing)');
        const context = cursorContext(lines, position)!;
        const ours = schemaCandidates(PIM_GROUPS_SCHEMA, context, features).map((c) => c.label);
        const unfiltered = schemaCandidates(PIM_GROUPS_SCHEMA, context, ALL_OURS).map((c) => c.label);
        assert.ok(
          unfiltered.some((l) => theirs.includes(l)),
          'without stepping back, the same labels would appear twice',
        );
        assert.deepEqual(
          ours.filter((l) => theirs.includes(l)),
          [],
          `ours: ${ours.join(', ')}; theirs: ${theirs.join(', ')}`,
        );
      });

    it('no hover twice on a key or an enumerated value', async () => {
      const { lines } = withCursor(`${HEAD}assignments:\n  mode: additive\n|`);
      const doc = TextDocument.create('file:///ws/a.pim.yaml', 'yaml', ++version, lines.join('\n'));
      for (const character of [3, 10]) {
        const position = { line: 7, character };
        assert.ok(await ls.doHover(doc, position), `yaml-language-server hovers at 7:${character}`);
        assert.equal(
          schemaHoverAt(PIM_GROUPS_SCHEMA, lines, position, { keys: features.keyHovers, values: features.valueHovers }),
          undefined,
        );
      }
    });
  });
});
