import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { manifest, pimGroups } from './extensionUnderTest';

// The Red Hat YAML extension is not installed in the test host, so this checks the contribution it would read,
// as the host loaded it (the extension's packageJSON), not its effect.
describe('JSON Schema for definitions', () => {
  it('is contributed for *.pim.yaml files through yamlValidation, and the file it names parses', () => {
    const loaded = pimGroups().packageJSON as typeof manifest;
    const entries = loaded.contributes?.yamlValidation ?? [];
    const forDefinitions = entries.filter((e) =>
      ([] as string[]).concat(e.fileMatch).some((m) => m.includes('.pim.yaml')),
    );
    assert.ok(forDefinitions.length > 0, `no yamlValidation entry matches *.pim.yaml: ${JSON.stringify(entries)}`);
    for (const entry of forDefinitions) {
      const file = path.join(pimGroups().extensionUri.fsPath, entry.url);
      assert.ok(fs.existsSync(file), `${entry.url} does not exist`);
      const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      assert.strictEqual(typeof schema.$schema, 'string', `${entry.url} has no $schema`);
      console.log(`[pim-host] schema ${entry.url} for ${JSON.stringify(entry.fileMatch)}`);
    }
  });
});
