import * as assert from 'node:assert/strict';
import { check, GROUP, TEMPLATE } from './fixture';

describe('definitions: the test fixtures are clean', () => {
  it('finds nothing in the base group and template', () => {
    assert.deepEqual(check(GROUP, [{ path: 't.pim.yaml', text: TEMPLATE }]), []);
  });
});
