import * as assert from 'node:assert/strict';
import { durationChoices } from '../../../../src/definitions/authoring/durationChoices';

describe('definitions/authoring: durations worth offering', () => {
  it('is a duration field when every example is a duration PIM accepts', () => {
    assert.equal(durationChoices([{ examples: ['c1', 'c2'] }]), undefined);
    assert.equal(durationChoices([{ type: 'string' }]), undefined);
    assert.equal(durationChoices([{ examples: ['P1Y'] }]), undefined, 'PIM refuses years');
  });

  it('short examples: the activation range in half hours to a day, examples kept as written', () => {
    const choices = durationChoices([{ examples: ['PT8H', 'PT1H30M'] }])!;
    assert.deepEqual(
      choices.map((c) => c.value),
      ['PT30M', 'PT1H', 'PT1H30M', 'PT2H', 'PT4H', 'PT8H', 'PT12H', 'P1D'],
    );
    assert.deepEqual(
      choices.filter((c) => c.example).map((c) => c.value),
      ['PT1H30M', 'PT8H'],
    );
    assert.equal(choices.find((c) => c.value === 'PT8H')?.words, '8 hours');
  });

  it('long examples: weeks to a year', () => {
    assert.deepEqual(
      durationChoices([{ examples: ['P90D'] }])!.map((c) => c.value),
      ['P7D', 'P14D', 'P30D', 'P90D', 'P180D', 'P365D'],
    );
  });
});
