import * as assert from 'node:assert/strict';
import { schemaHoverAt } from '../../../../src/definitions/authoring/schemaHover';
import { PIM_GROUPS_SCHEMA } from '../../../../src/definitions';
import { withCursor } from './cursor';

const hover = (text: string, parts?: { keys: boolean; values: boolean }) => {
  const { lines, position } = withCursor(text);
  return schemaHoverAt(PIM_GROUPS_SCHEMA, lines, position, parts);
};
const HEAD = 'apiVersion: pim-groups/v1\nkind: PimGroup\n';

describe('definitions/authoring: hovers from the schema', () => {
  it('on a key: its markdownDescription, over the key’s columns', () => {
    const h = hover(`${HEAD}policies:\n  member:\n    activation:\n      maxDu|ration: PT8H\n`);
    assert.match(h!.markdown, /^\*\*maxDuration\*\* \(duration\)\n\nLongest activation[\s\S]*days, hours and minutes/);
    assert.deepEqual([h!.line, h!.start, h!.end], [5, 6, 17]);
  });

  it('on a key with allowed values and a default: both are listed', () => {
    const h = hover(`${HEAD}assignments:\n  mo|de: additive\n`);
    assert.match(h!.markdown, /Allowed: `authoritative`, `additive`\.\n\nDefault: `authoritative`\./);
  });

  it('on every key of the examples there is something to read', () => {
    const h = hover(`${HEAD}bindings:\n  intuneRoles:\n    - ro|le: Help Desk Operator\n`);
    assert.match(h!.markdown, /\*\*role\*\*/);
  });

  it('on an enumerated value: whether it is one of the allowed values', () => {
    assert.match(
      hover(`${HEAD}assignments:\n  mode: addi|tive\n`)!.markdown,
      /^`additive` is one of `authoritative`, `additive`/,
    );
    assert.match(hover(`${HEAD}assignments:\n  mode: merg|e\n`)!.markdown, /^`merge` is not one of/);
  });

  it('not on durations (they have a hover in words of their own) nor on unknown keys', () => {
    assert.equal(hover(`${HEAD}policies:\n  member:\n    activation:\n      maxDuration: PT|8H\n`), undefined);
    assert.equal(hover(`${HEAD}nonsen|se: 1\n`), undefined);
  });

  it('gives nothing for the parts Red Hat YAML provides when told so', () => {
    assert.equal(hover(`${HEAD}assignments:\n  mo|de: additive\n`, { keys: false, values: false }), undefined);
  });
});
