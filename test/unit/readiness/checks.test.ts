import * as assert from 'node:assert/strict';
import { licenceCheck } from '../../../src/readiness/checkLicence';
import { permissionsCheck } from '../../../src/readiness/checkPermissions';
import { rolesCheck } from '../../../src/readiness/checkRoles';
import { bindingChecks } from '../../../src/readiness/checkBindings';
import { renderReadinessText } from '../../../src/readiness/renderText';
import { renderReadinessMarkdown } from '../../../src/readiness/renderMarkdown';
import { readinessFailed } from '../../../src/readiness';
import { grantsOfToken } from '../../../src/auth/tokenClaims';

const GOVERNANCE = {
  skuPartNumber: 'Microsoft_Entra_ID_Governance',
  capabilityStatus: 'Enabled',
  consumedUnits: 3,
  prepaidUnits: { enabled: 10 },
  servicePlans: [
    { servicePlanId: 'e866a266-3cff-43a3-acca-0c90a7e00c8b', servicePlanName: 'Entra_Identity_Governance' },
  ],
};
const jwt = (claims: object) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('readiness: evaluating what was read', () => {
  it('counts Entra ID Governance as PIM-capable by its service plan id, and a suspended one not', () => {
    assert.equal(licenceCheck({ ok: true, value: [GOVERNANCE] }, 10).status, 'pass');
    assert.equal(
      licenceCheck({ ok: true, value: [{ ...GOVERNANCE, capabilityStatus: 'Suspended' }] }, 1).status,
      'fail',
    );
    assert.equal(licenceCheck({ ok: true, value: [GOVERNANCE] }, 11).status, 'warn');
  });

  it('reads scp and roles from a token without returning the token', () => {
    assert.deepEqual(grantsOfToken(jwt({ scp: 'User.Read Group.Read.All' })), {
      scopes: ['User.Read', 'Group.Read.All'],
      roles: null,
      appOnly: false,
    });
    assert.deepEqual(grantsOfToken(jwt({ roles: ['Group.Read.All'], idtyp: 'app' })), {
      scopes: null,
      roles: ['Group.Read.All'],
      appOnly: true,
    });
    assert.equal(grantsOfToken('opaque-token'), undefined);
  });

  it('an app cannot approve or activate (delegated only), whatever its application permissions', () => {
    const app = { scopes: null, roles: ['PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'], appOnly: true };
    const r = permissionsCheck(app, 'approve', new Set());
    assert.equal(r.status, 'fail');
    assert.match(r.fix!, /signed in as a person/);
  });

  it('a token that is not a JWT only warns: its permissions are unknown, not missing', () => {
    assert.equal(permissionsCheck(undefined, 'plan', new Set()).status, 'warn');
  });

  it('an app needs no directory role; an owner without roles may change the groups they own', () => {
    assert.equal(rolesCheck(true, { ok: true, value: [] }, [{ name: 'g', roleAssignable: true }]).status, 'pass');
    const owner = rolesCheck(false, { ok: true, value: [] }, [{ name: 'g', roleAssignable: false, owned: true }]);
    assert.equal(owner.status, 'warn');
    assert.match(owner.what, /you own the 1 existing group/);
    const pra = rolesCheck(false, { ok: true, value: ['Privileged Role Administrator'] }, [
      { name: 'g', roleAssignable: true },
    ]);
    assert.equal(pra.status, 'pass');
  });

  it('a binding kind whose whole read failed fails with its own fix', () => {
    const [r] = bindingChecks(['team'], { ok: false, error: 'boom' });
    assert.equal(r.status, 'fail');
    assert.match(r.fix!, /Team\.ReadBasic\.All/);
  });

  it('fails the report only on a failing check, and escapes tenant text for the terminal and for Markdown', () => {
    const report = {
      target: 'sandbox',
      results: [
        { id: 'licence', status: 'warn' as const, what: 'from E5\x1b[31m', fix: 'buy [more](https://evil)' },
        { id: 'groups', status: 'pass' as const, what: 'ok', details: ['<img src=x>'] },
      ],
    };
    assert.equal(readinessFailed(report), false);
    assert.equal(readinessFailed({ ...report, results: [{ id: 'x', status: 'fail', what: 'no' }] }), true);
    const text = renderReadinessText(report);
    assert.ok(!text.includes('\x1b'));
    assert.match(text, /from E5\\e\[31m/);
    const md = renderReadinessMarkdown(report);
    assert.ok(!md.includes('[more](https://evil)'));
    assert.match(md, /^- \\<img src=x\\>$/m);
    assert.match(md, /\*\*Fix:\*\* buy \\\[more\\\]\(https:\/\/evil\)/);
  });
});
