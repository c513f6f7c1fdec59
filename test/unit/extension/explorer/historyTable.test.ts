import * as assert from 'node:assert/strict';
import { historyMarkdown } from '../../../../src/extension/explorer/historyTable';
import type { History } from '../../../../src/governance/history';

const history = (justification: string, auditLog: History['auditLog'] = 'read'): History => ({
  since: '2026-10-27T10:00:00.000Z',
  asOf: '2026-11-26T10:00:00.000Z',
  groupsRead: 1,
  auditLog,
  events: [
    {
      at: '2026-11-26T09:00:00.000Z',
      action: 'activate',
      kind: 'active',
      role: 'member',
      groupId: 'g',
      groupName: 'PIM-Helpdesk',
      principalId: 'p',
      principalName: 'Alice Ward',
      byId: 'p',
      duration: 'PT1H',
      justification,
      ticket: { system: 'SNOW', number: 'INC42' },
      outcome: 'Provisioned',
      source: 'request',
    },
  ],
});

describe("extension: a group's history as a Markdown table", () => {
  it('writes one row per event with when, action, who, length, justification, ticket and outcome', () => {
    const md = historyMarkdown('PIM-Helpdesk', history('shift'));
    assert.match(md, /^# History of PIM-Helpdesk$/m);
    assert.match(
      md,
      /^\| 2026-11-26 09:00:00 \| activate \| active \| member \| Alice Ward \|  \| PT1H \| shift \| SNOW:INC42 \| Provisioned \|$/m,
    );
  });

  it('makes tenant text inert: no link, HTML or cell break can come out of a justification', () => {
    const md = historyMarkdown('G', history('see [here](http://evil.example) <img src=x> | next'));
    assert.ok(md.includes('see \\[here\\](http://evil.example) \\<img src=x\\> \\| next'), md);
  });

  it('says when the audit log could not be read', () => {
    assert.match(historyMarkdown('G', history('x', { refused: '403' })), /audit log was not readable/);
  });
});
