import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Definition, formatDefinitions, loadWorkspace, parseFile } from '../../../src/definitions';
import { NOW } from './fixture';

const dir = path.resolve(__dirname, '../../../../examples');
export const EXAMPLES = readdirSync(dir)
  .filter((f) => f.endsWith('.pim.yaml'))
  .sort()
  .map((f) => ({ path: `examples/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));

/** The model without its source, for comparing a re-parse with the original. */
function meaning(defs: readonly Definition[]): unknown[] {
  return defs.map(({ source: _source, ...rest }) => JSON.parse(JSON.stringify(rest)));
}

describe('definitions: the examples', () => {
  it('there is one example per use case, a tier-0 directory-role group (custom), and the templates', () => {
    const useCases = loadWorkspace(EXAMPLES, { now: NOW })
      .groups.map((g) => g.metadata.useCase)
      .sort();
    assert.deepEqual(useCases, [
      'azure-resource',
      'ca-exclusion',
      'custom',
      'intune-rbac',
      'jit-license',
      'team-access',
    ]);
    assert.ok(EXAMPLES.some((e) => e.path.endsWith('templates.pim.yaml')));
  });

  it('validate together with no finding at all', () => {
    assert.deepEqual(loadWorkspace(EXAMPLES, { now: NOW }).findings, []);
  });

  it('still validate a year from now (durations, not dates, so they do not rot)', () => {
    assert.deepEqual(loadWorkspace(EXAMPLES, { now: new Date('2027-11-26T00:00:00Z') }).findings, []);
  });

  for (const example of EXAMPLES) {
    it(`${example.path}: format(parse(x)) re-parses to the same model`, () => {
      const parsed = parseFile(example, { now: NOW });
      const text = formatDefinitions(parsed.definitions);
      const again = parseFile({ path: example.path, text }, { now: NOW });
      assert.deepEqual(again.findings, []);
      assert.deepEqual(meaning(again.definitions), meaning(parsed.definitions));
    });
  }

  it('formatting is stable: formatting the re-parsed model gives the same text', () => {
    const defs = loadWorkspace(EXAMPLES, { now: NOW });
    const once = formatDefinitions([...defs.templates, ...defs.groups]);
    const twice = formatDefinitions(parseFile({ path: 'all.pim.yaml', text: once }).definitions);
    assert.equal(twice, once);
  });

  it('formats null (turn off) and leaves out what is not managed', () => {
    const text = EXAMPLES.find((e) => e.path.includes('intune'))!.text.replace(
      '      approval:\n',
      '      authenticationContext: null\n      approval:\n',
    );
    const formatted = formatDefinitions(parseFile({ path: 'x', text }).definitions);
    assert.match(formatted, /authenticationContext: null/);
    assert.doesNotMatch(formatted, /owner:/);
  });
});
