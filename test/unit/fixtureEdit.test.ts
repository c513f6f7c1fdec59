import * as assert from 'node:assert/strict';
import { edit } from './fixtureEdit';

describe('fixture edits', () => {
  it('applies each edit in order, strings and patterns', () => {
    assert.equal(edit('a: 1\nb: 2\n', ['a: 1', 'a: 3'], [/^b: \d$/m, 'b: 4']), 'a: 3\nb: 4\n');
  });

  it('throws when an edit would change nothing, so a test cannot pass on an unedited fixture', () => {
    assert.throws(() => edit('a: 1\n', ['a: 2', 'a: 3']), /fixture edit: a: 2 is not in the text/);
    assert.throws(() => edit('a: 1\n', ['a: 1', 'x'], ['a: 1', 'y']), /is not in the text/);
    assert.throws(() => edit('a: 1\n', [/^b:/gm, '']), /is not in the text/);
  });
});
