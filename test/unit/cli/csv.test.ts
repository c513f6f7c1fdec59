import * as assert from 'node:assert/strict';
import { toCsv } from '../../../src/cli/csv';

describe('cli: CSV output', () => {
  it('quotes as RFC 4180 says: commas, quotes and line breaks inside a cell, CRLF between records', () => {
    assert.equal(toCsv(['a', 'b'], [['x,y', 'say "hi"\nbye']]), 'a,b\r\n"x,y","say ""hi""\nbye"\r\n');
  });

  it('makes formula-like cells inert for spreadsheets: a leading apostrophe, and the cell quoted', () => {
    const line = toCsv(['v'], [['=1+2'], ['+SUM(A1)'], ['-2'], ['@cmd'], ['\tx'], ['＝1'], ['plain']]);
    assert.deepEqual(line.split('\r\n'), [
      'v',
      `"'=1+2"`,
      `"'+SUM(A1)"`,
      `"'-2"`,
      `"'@cmd"`,
      `"'\tx"`,
      `"'＝1"`,
      'plain',
      '',
    ]);
  });

  it('writes an absent value as an empty cell', () => {
    assert.equal(toCsv(['a', 'b'], [[undefined, 'x']]), 'a,b\r\n,x\r\n');
  });
});
