import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/definitions';

const rulesMd = readFileSync(path.resolve(__dirname, '../../../../docs/rules.md'), 'utf8');

describe('definitions: docs/rules.md documents every rule', () => {
  for (const rule of RULES) {
    it(`${rule.code}: has an anchor #${rule.code.toLowerCase()}, a heading and a table row with its severity`, () => {
      assert.ok(rulesMd.includes(`<a id="${rule.code.toLowerCase()}"></a>`), 'anchor');
      assert.match(rulesMd, new RegExp(`^### .*${rule.code}`, 'm'), 'heading');
      assert.match(rulesMd, new RegExp(`^\\| ${rule.code} \\| ${rule.severity} \\|`, 'm'), 'table row');
    });
  }
});
