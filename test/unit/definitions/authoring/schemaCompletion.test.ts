import * as assert from 'node:assert/strict';
import { cursorContext } from '../../../../src/definitions/authoring/cursorContext';
import { CandidateFilter, schemaCandidates } from '../../../../src/definitions/authoring/schemaCompletion';
import { PIM_GROUPS_SCHEMA } from '../../../../src/definitions';
import { withCursor } from './cursor';

const candidates = (text: string, schema = PIM_GROUPS_SCHEMA, filter?: CandidateFilter) => {
  const { lines, position } = withCursor(text);
  return schemaCandidates(schema, cursorContext(lines, position)!, filter);
};
const labels = (text: string) => candidates(text).map((c) => c.label);
const HEAD = 'apiVersion: pim-groups/v1\nkind: PimGroup\n';

describe('definitions/authoring: completion from the schema', () => {
  it('offers apiVersion and kind at the top of an empty document, with their values', () => {
    assert.deepEqual(labels('|'), ['apiVersion', 'kind']);
    assert.deepEqual(labels('kind: |'), ['PimGroup', 'PolicyTemplate', 'Settings']);
    assert.deepEqual(labels('apiVersion: |'), ['pim-groups/v1']);
  });

  it('offers the sections of the kind written, required first, none already present', () => {
    const items = candidates(`${HEAD}group:\n  displayName: X\n|`);
    assert.deepEqual(
      items.map((c) => c.label),
      ['metadata', 'policies', 'assignments', 'bindings'],
    );
    assert.match(items[0].documentation, /\S/);
    assert.deepEqual(labels(`apiVersion: pim-groups/v1\nkind: PolicyTemplate\n|`), ['metadata', 'policy']);
    assert.deepEqual(labels(`apiVersion: pim-groups/v1\nkind: Settings\n|`), ['metadata', 'protectedPrincipals']);
  });

  it('inside policies.member.activation: the activation keys not yet written, with descriptions', () => {
    const items = candidates(`${HEAD}policies:\n  member:\n    activation:\n      requireMfa: true\n      |\n`);
    assert.deepEqual(
      items.map((c) => c.label),
      ['maxDuration', 'requireJustification', 'requireTicket', 'authenticationContext', 'approval'],
    );
    const max = items[0];
    assert.equal(max.detail, 'duration');
    assert.match(max.documentation, /Longest activation/);
    assert.equal(max.insertSnippet, 'maxDuration: $0');
    assert.equal(max.retrigger, true, 'the duration choices follow the key');
    assert.equal(items.find((c) => c.label === 'approval')?.insertSnippet, 'approval:\n\t$0');
  });

  it('offers an enum’s values with its default marked, and booleans', () => {
    const mode = candidates(`${HEAD}assignments:\n  mode: |`);
    assert.deepEqual(
      mode.map((c) => [c.label, c.detail]),
      [
        ['authoritative', 'default'],
        ['additive', ''],
      ],
    );
    assert.deepEqual(labels(`${HEAD}policies:\n  member:\n    activation:\n      requireMfa: |`), ['true', 'false']);
  });

  it('offers null where the schema allows turning a setting off', () => {
    assert.ok(labels(`${HEAD}policies:\n  member:\n    activation:\n      approval: |`).includes('null'));
  });

  it('offers durations in words, in the range of the field', () => {
    const short = candidates(`${HEAD}policies:\n  member:\n    activation:\n      maxDuration: |`);
    assert.deepEqual(short.map((c) => `${c.label} — ${c.detail}`).slice(0, 3), [
      'PT30M — 30 minutes',
      'PT1H — 1 hour',
      'PT1H30M — 1 hour 30 minutes',
    ]);
    assert.ok(short.every((c) => c.kind === 'duration'));
    const long = labels(`${HEAD}assignments:\n  eligible:\n    - principal: user:a@contoso.com\n      duration: |`);
    assert.ok(long.includes('P90D') && long.includes('P365D') && !long.includes('PT30M'), long.join(' '));
  });

  it('inserts a space first after `key:` with none', () => {
    assert.equal(candidates(`${HEAD}assignments:\n  mode:|`)[0].insertSnippet, ' authoritative');
  });

  it('a key added to the schema later is offered without code changes', () => {
    const schema = structuredClone(PIM_GROUPS_SCHEMA) as { definitions: Record<string, { properties: object }> };
    schema.definitions.activationPolicy.properties = {
      ...schema.definitions.activationPolicy.properties,
      requirePhoneCall: { type: 'boolean', description: 'A future setting.' },
    };
    const items = candidates(`${HEAD}policies:\n  member:\n    activation:\n      |`, schema);
    assert.equal(items.find((c) => c.label === 'requirePhoneCall')?.documentation, 'A future setting.');
  });

  it('beside Red Hat YAML with our schema: no keys or values, only durations the schema does not list', () => {
    const filter = { keys: false, values: false, durationExamples: false };
    const head = `${HEAD}policies:\n  member:\n    activation:\n`;
    assert.deepEqual(candidates(`${head}      |`, PIM_GROUPS_SCHEMA, filter), []);
    assert.deepEqual(candidates(`${head}      requireMfa: |`, PIM_GROUPS_SCHEMA, filter), []);
    const durations = candidates(`${head}      maxDuration: |`, PIM_GROUPS_SCHEMA, filter).map((c) => c.label);
    assert.ok(!durations.includes('PT8H') && durations.includes('PT2H'), durations.join(' '));
  });
});
