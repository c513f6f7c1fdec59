import * as assert from 'node:assert/strict';
import { planStatusTitle } from '../../../../src/extension/codeLens/codeLensTitles';
import { findPimGroupDocuments } from '../../../../src/extension/codeLens/pimGroupDocuments';

describe('CodeLens positions', () => {
  it('puts a lens on the first key of each PimGroup document, after comments and separators', () => {
    const text = [
      '# Helpdesk', // 0
      'apiVersion: pim-groups/v1', // 1
      'kind: PimGroup', // 2
      'metadata:', // 3
      '  name: helpdesk', // 4
      '---', // 5
      '', // 6
      'apiVersion: pim-groups/v1', // 7
      'kind: PolicyTemplate', // 8
      'metadata:', // 9
      '  name: standard', // 10
      '--- # next', // 11
      'kind: "PimGroup"', // 12
      'apiVersion: pim-groups/v1', // 13
      'group:', // 14
      '  name: not-the-metadata', // 15
      'metadata:', // 16
      "  name: 'falcon' # quoted", // 17
    ].join('\n');
    assert.deepEqual(findPimGroupDocuments(text), [
      { line: 1, name: 'helpdesk' },
      { line: 12, name: 'falcon' },
    ]);
  });

  it('finds nothing in a file without PimGroup documents, and no name when metadata has none', () => {
    assert.deepEqual(findPimGroupDocuments('apiVersion: pim-groups/v1\nkind: PolicyTemplate\n'), []);
    assert.deepEqual(findPimGroupDocuments('kind: PimGroup\r\nmetadata:\r\n  useCase: custom\r\n'), [{ line: 0 }]);
  });

  it('titles the status lens from the last plan, and shows none without one', () => {
    assert.equal(planStatusTitle(undefined), undefined);
    assert.equal(planStatusTitle({ changes: 0, drift: 0 }), '$(check) in sync');
    assert.equal(planStatusTitle({ changes: 1, drift: 0 }), '1 change');
    assert.equal(planStatusTitle({ changes: 3, drift: 2 }), '$(warning) 2 drift · 3 changes');
    assert.equal(
      planStatusTitle({ changes: 0, drift: 0, cannotCompare: { needs: 'Policy.Read.All' } }),
      '$(lock) cannot compare: needs Policy.Read.All',
    );
  });
});
