import * as assert from 'node:assert/strict';
import { cursorContext, hoverTarget } from '../../../../src/definitions/authoring/cursorContext';
import { withCursor } from './cursor';

const context = (text: string) => {
  const { lines, position } = withCursor(text);
  return cursorContext(lines, position);
};

const HEAD = 'apiVersion: pim-groups/v1\nkind: PimGroup\n';

describe('definitions/authoring: where the cursor is', () => {
  it('at the top of an empty document, a key of the root with nothing written', () => {
    assert.deepEqual(context('|'), {
      path: [],
      at: 'key',
      prefix: '',
      prefixStart: 0,
      siblings: [],
      newItem: false,
      rootScalars: {},
      needsSpace: false,
    });
  });

  it('inside policies.member.activation, with the keys written above and below as siblings', () => {
    const c = context(
      `${HEAD}policies:\n  member:\n    activation:\n      requireMfa: true\n      req|\n      approval: null\n    eligibility:\n      allowPermanent: false\n`,
    );
    assert.deepEqual(c?.path, ['policies', 'member', 'activation']);
    assert.equal(c?.prefix, 'req');
    assert.deepEqual(c?.siblings, ['requireMfa', 'approval']);
    assert.deepEqual(c?.rootScalars, { apiVersion: 'pim-groups/v1', kind: 'PimGroup' });
  });

  it('after a key and a colon, the value of that key', () => {
    const c = context(`${HEAD}assignments:\n  mode: auth|\n`);
    assert.deepEqual([c?.at, c?.path, c?.prefix, c?.prefixStart], ['value', ['assignments', 'mode'], 'auth', 8]);
  });

  it('in a list item, the item ([]) is part of the path; a new `- ` starts an item with no siblings above', () => {
    const text = `${HEAD}assignments:\n  eligible:\n    - principal: user:a@contoso.com\n      duration: P90D\n    - |\n`;
    const c = context(text);
    assert.deepEqual([c?.path, c?.newItem, c?.siblings], [['assignments', 'eligible', '[]'], true, []]);
    const inItem = context(`${HEAD}assignments:\n  eligible:\n    - principal: user:a@contoso.com\n      |\n`);
    assert.deepEqual([inItem?.path, inItem?.siblings], [['assignments', 'eligible', '[]'], ['principal']]);
    const value = context(`${HEAD}assignments:\n  eligible:\n    - role: |\n`);
    assert.deepEqual(value?.path, ['assignments', 'eligible', '[]', 'role']);
  });

  it('reads only the document the cursor is in', () => {
    const c = context(
      `apiVersion: pim-groups/v1\nkind: PolicyTemplate\n---\napiVersion: pim-groups/v1\nkind: PimGroup\n|`,
    );
    assert.deepEqual([c?.path, c?.siblings.sort(), c?.rootScalars.kind], [[], ['apiVersion', 'kind'], 'PimGroup']);
  });

  it('an item of a flow list is a value of the list', () => {
    const c = context(`${HEAD}bindings:\n  intuneRoles:\n    - role: x\n      scopeTags: [ Default, Sc|`);
    assert.deepEqual([c?.path, c?.prefix], [['bindings', 'intuneRoles', '[]', 'scopeTags', '[]'], 'Sc']);
  });

  it('knows nothing inside a comment or a block scalar', () => {
    assert.equal(context(`${HEAD}# a comm|ent`), undefined);
    assert.equal(context(`${HEAD}metadata:\n  description: >-\n    some text: more|\n`), undefined);
  });

  it('a key written with a space before the colon cursor asks for a space before the value', () => {
    assert.equal(context(`${HEAD}assignments:\n  mode:|`)?.needsSpace, true);
  });

  it('hover targets: a key (with its path) or its scalar value', () => {
    const { lines } = withCursor(`${HEAD}assignments:\n  mode: additive # note\n|`);
    assert.deepEqual(hoverTarget(lines, { line: 3, character: 3 }), {
      path: ['assignments', 'mode'],
      part: 'key',
      text: 'mode',
      start: 2,
      end: 6,
      rootScalars: { apiVersion: 'pim-groups/v1', kind: 'PimGroup' },
    });
    const value = hoverTarget(lines, { line: 3, character: 10 });
    assert.deepEqual([value?.part, value?.text, value?.start, value?.end], ['value', 'additive', 8, 16]);
    assert.equal(hoverTarget(lines, { line: 3, character: 20 }), undefined, 'the comment is no value');
  });
});
