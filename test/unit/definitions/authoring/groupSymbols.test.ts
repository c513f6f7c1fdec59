import * as assert from 'node:assert/strict';
import { fuzzyMatches, groupSymbols } from '../../../../src/definitions/authoring/groupSymbols';
import { loadWorkspace } from '../../../../src/definitions';
import { GROUP, NOW } from '../fixture';

describe('definitions/authoring: workspace symbols for groups', () => {
  it('matches the characters of the query in order, ignoring case', () => {
    assert.equal(fuzzyMatches('pimhd', 'PIM-Helpdesk'), true);
    assert.equal(fuzzyMatches('dhp', 'PIM-Helpdesk'), false);
  });

  it('finds a group by display name or metadata.name, at its displayName', () => {
    const { groups } = loadWorkspace([{ path: 'a.pim.yaml', text: GROUP }], { now: NOW });
    const [symbol] = groupSymbols(groups, 'helpd');
    assert.deepEqual([symbol.name, symbol.container, symbol.file], ['PIM-Helpdesk', 'helpdesk', 'a.pim.yaml']);
    assert.equal(symbol.range.start.line, 6);
    assert.deepEqual(groupSymbols(groups, 'zzz'), []);
  });
});
