import * as assert from 'node:assert/strict';
import {
  assignmentSettingsInWords,
  grantsInWords,
  groupFactsInWords,
  notificationsInWords,
} from '../../../../src/extension/explorer/groupFactsInWords';
import type { ActualGroup } from '../../../../src/tenant/actualState';

describe('the Groups view says what the portal shows about a group', () => {
  it('says whether eligible and active assignments may be permanent, or after how long they expire', () => {
    assert.deepEqual(
      assignmentSettingsInWords({
        eligibility: { allowPermanent: false, maxDuration: 'P365D' },
        assignment: { allowPermanent: true, requireMfa: true, requireJustification: true },
      }),
      ['Eligible assignments: expire after 365 days', 'Active assignments: permanent allowed · MFA · justification'],
    );
    assert.deepEqual(assignmentSettingsInWords(undefined), []);
  });

  it('says "default recipients" unless a notification differs from the defaults, and then names it', () => {
    assert.equal(notificationsInWords(undefined), 'Notifications: default recipients');
    assert.equal(
      notificationsInWords({
        activated: {
          admin: { defaultRecipients: false, additionalRecipients: ['soc@contoso.com'], criticalOnly: true },
        },
      }),
      'Notifications: activated → admin: no default admin, also soc@contoso.com, critical only',
    );
  });

  it('lists what membership grants, one line per binding', () => {
    assert.deepEqual(
      grantsInWords({
        intuneRoles: [{ role: 'Help Desk Operator', scopeTags: ['Default'] }],
        azureRoles: [{ role: 'Reader', scope: '/subscriptions/1' }],
        licenses: [{ sku: 'ENTERPRISEPACK', disabledPlans: ['YAMMER_ENTERPRISE'] }],
        conditionalAccess: { excludeFrom: ['Block legacy auth'] },
        team: true,
      }),
      [
        'Intune role Help Desk Operator (scope tags Default)',
        'Azure role Reader at /subscriptions/1',
        'Licence ENTERPRISEPACK without YAMMER_ENTERPRISE',
        'Excluded from Conditional Access policy Block legacy auth',
        'A Microsoft Team',
      ],
    );
    assert.deepEqual(grantsInWords(undefined), []);
  });

  it("states the group's type, membership and source, as the portal's overview does", () => {
    const group = {
      id: 'g1',
      type: 'microsoft365',
      dynamic: false,
      synced: true,
      mailNickname: 'ops',
    } as ActualGroup;
    assert.deepEqual(groupFactsInWords(group), [
      'Microsoft 365 group · assigned membership · synced from on-premises',
      'Mail nickname ops',
      'Object id g1',
    ]);
  });
});
