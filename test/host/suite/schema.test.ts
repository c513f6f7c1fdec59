import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { manifest, pimGroups } from './extensionUnderTest';

// Completion, hovers and diagnostics of *.pim.yaml are the extension's own (docs/authoring.md): the schema is not
// contributed to Red Hat YAML, so that extension, when installed, adds nothing twice.
describe('JSON Schema for definitions', () => {
  it('is not contributed through yamlValidation, and ships beside the extension for yaml.schemas users', () => {
    const loaded = pimGroups().packageJSON as typeof manifest;
    assert.strictEqual(loaded.contributes?.yamlValidation, undefined);
    const file = path.join(pimGroups().extensionUri.fsPath, 'schemas', 'pim-groups.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.strictEqual(typeof schema.$schema, 'string', `${file} has no $schema`);
  });
});
