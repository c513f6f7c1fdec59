import * as assert from 'node:assert/strict';
import { expandSnippet, placeholderDefault, tabstopIndexes } from '../../../src/extension/definitions/snippetExpansion';

describe('snippets: expansion to the text a user gets by tabbing through', () => {
  it('fills a placeholder with its default and drops bare tab stops', () => {
    assert.equal(expandSnippet(['name: ${1:intune}', 'next: $2', '$0']), 'name: intune\nnext: \n');
  });

  it('takes the first option of a choice', () => {
    assert.equal(expandSnippet('maxDuration: ${3|PT8H,PT4H|}'), 'maxDuration: PT8H');
  });

  it('repeats a placeholder where it is mirrored', () => {
    assert.equal(expandSnippet('name: ${1:falcon}\nmailNickname: $1'), 'name: falcon\nmailNickname: falcon');
  });

  it('expands nested placeholders', () => {
    assert.equal(
      expandSnippet('scope: ${1:/subscriptions/${2:sub}/resourceGroups/${3:rg}}'),
      'scope: /subscriptions/sub/resourceGroups/rg',
    );
  });

  it('uses overrides for tab stops, including inside nested ones', () => {
    assert.equal(expandSnippet('a: ${1:x ${2:y}} b: $2', { placeholders: { 2: 'Z' } }), 'a: x Z b: Z');
    assert.equal(expandSnippet('a: ${1|one,two|}', { placeholders: { 1: 'two' } }), 'a: two');
  });

  it('resolves variables, falling back to their default', () => {
    assert.equal(
      expandSnippet('y: $CURRENT_YEAR n: ${TM_FILENAME_BASE:untitled}', { variables: { CURRENT_YEAR: '2026' } }),
      'y: 2026 n: untitled',
    );
  });

  it('keeps escaped characters literal', () => {
    assert.equal(expandSnippet('price: \\$5 \\} ${1:a\\}b} ${2|x\\,y,z|}'), 'price: $5 } a}b x,y');
  });

  it('leaves a lone $ alone', () => {
    assert.equal(expandSnippet('cost: $ 5'), 'cost: $ 5');
  });

  it('refuses transforms and unclosed placeholders instead of guessing', () => {
    assert.throws(() => expandSnippet('${1/(.*)/${1:/upcase}/}'), /transform/);
    assert.throws(() => expandSnippet('${1:open'), /unclosed/);
    assert.throws(() => expandSnippet('${1|a,b'), /unclosed choice/);
  });

  it("reports a tab stop's default and the tab stops in order", () => {
    assert.equal(placeholderDefault('a: ${2:two} b: ${1:one}', 1), 'one');
    assert.deepEqual(tabstopIndexes('a: ${2:two ${3:x}} b: $1 ${4|p,q|} $0'), [2, 3, 1, 4, 0]);
  });
});
