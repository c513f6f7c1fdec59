import * as assert from 'assert';
import { ticketInWords } from '../../../../src/extension/common/ticketInWords';
import { endsInWords } from '../../../../src/time';
import { ADMIN_CODE_WORDS, refusalSentence } from '../../../../src/extension/common/pimRefusal';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('extension: requests in words (tickets, time left, an administrator change refused)', () => {
  it('writes a ticket as number and system, or whichever is given', () => {
    assert.strictEqual(ticketInWords({ number: 'INC-1234', system: 'ServiceNow' }), 'INC-1234 (ServiceNow)');
    assert.strictEqual(ticketInWords({ number: 'INC-1234' }), 'INC-1234');
    assert.strictEqual(ticketInWords({ system: 'Jira' }), 'Jira');
    assert.strictEqual(ticketInWords({}), undefined);
    assert.strictEqual(ticketInWords(undefined), undefined);
  });

  it('says when an active membership ends, for the deactivate picker', () => {
    assert.strictEqual(endsInWords('2026-11-26T12:10:00Z', NOW), 'ends in 2 h 10 min');
    assert.strictEqual(endsInWords('2026-11-26T10:09:30Z', NOW), 'ends in 10 min');
    assert.strictEqual(endsInWords(null, NOW), 'permanent');
    assert.strictEqual(endsInWords('2026-11-26T09:00:00Z', NOW), 'ended');
  });

  it("turns an administrator change's refusal into one sentence with the fix, never Graph's prefix", () => {
    const forbidden = Object.assign(new Error('POST /x failed (403 UnauthorizedAccessException): Attempted…'), {
      code: 'UnauthorizedAccessException',
    });
    assert.match(
      refusalSentence('extend the assignment', forbidden, ADMIN_CODE_WORDS),
      /^PIM refused to extend the assignment: your account may not change assignments of this group \(it takes Privileged Role Administrator or ownership of the group\); ask someone who has it\.$/,
    );
    const unknown = new Error(
      'POST /identityGovernance/privilegedAccess/group/eligibilityScheduleRequests failed (400 InvalidRoleAssignmentRequest): An extension must end later than the current schedule. [request-id abc]',
    );
    assert.strictEqual(
      refusalSentence(
        'extend the assignment',
        Object.assign(unknown, { code: 'InvalidRoleAssignmentRequest' }),
        ADMIN_CODE_WORDS,
      ),
      'PIM refused to extend the assignment: An extension must end later than the current schedule.',
    );
  });
});
