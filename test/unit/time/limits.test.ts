import * as assert from 'node:assert/strict';
import { isActivationInRange, meetsAssignmentFloor } from '../../../src/time';

describe('time: PIM limits', () => {
  it('requires every assignment to last at least 5 minutes', () => {
    assert.equal(meetsAssignmentFloor(4), false);
    assert.equal(meetsAssignmentFloor(5), true);
  });
  it('keeps activation between 30 minutes and 24 hours', () => {
    assert.equal(isActivationInRange(29), false);
    assert.equal(isActivationInRange(30), true);
    assert.equal(isActivationInRange(1440), true);
    assert.equal(isActivationInRange(1441), false);
  });
});
