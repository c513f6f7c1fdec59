import * as assert from 'assert';
import { elevationWarning } from '../../../../src/extension/myAccess/elevationWarning';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('extension: the warning before an elevation ends', () => {
  it('warns within the last 10 minutes, saying how long is left', () => {
    assert.strictEqual(
      elevationWarning({ groupName: 'PIM-Intune-Helpdesk', role: 'member', end: at(9.5) }, NOW),
      'Your member access to PIM-Intune-Helpdesk ends in 10 min.',
    );
    assert.strictEqual(
      elevationWarning({ groupName: 'G', role: 'owner', end: at(1) }, NOW),
      'Your owner access to G ends in 1 min.',
    );
  });

  it('stays quiet with more than 10 minutes left and once it has ended', () => {
    assert.strictEqual(elevationWarning({ groupName: 'G', role: 'member', end: at(11) }, NOW), undefined);
    assert.strictEqual(elevationWarning({ groupName: 'G', role: 'member', end: at(-1) }, NOW), undefined);
  });
});
