import * as assert from 'node:assert/strict';
import { redact, registerSecret } from '../../../src/graph/redact';
import { redactingLogger, GraphLogEntry } from '../../../src/graph/log';
import { mintSandboxToken } from '../../../src/auth/sandboxToken';
import { GraphRequestError } from '../../../src/graph/errors';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz';

describe('redaction of logs and error messages', () => {
  it('removes JWTs wherever they appear, and bearer credentials that look like tokens', () => {
    const jwt = mintSandboxToken({ upn: 'admin@contoso.com' });
    const out = redact(`Authorization: Bearer ${jwt} then ${jwt}`);
    assert.ok(!out.includes(jwt.split('.')[1]));
    assert.equal(redact(`token ${JWT} expired`), 'token [redacted] expired');
    assert.equal(redact('Authorization: Bearer abcdefgh12345678'), 'Authorization: Bearer [redacted]');
    assert.equal(redact('Authorization: Basic dXNlcjpwYXNzd29yZDEyMw=='), 'Authorization: Basic [redacted]');
  });

  it('removes OAuth fields in JSON, forms and query strings', () => {
    assert.equal(
      redact('{"access_token":"abc.def","expires_in":3599}'),
      '{"access_token":"[redacted]","expires_in":3599}',
    );
    assert.equal(
      redact('client_secret=s3cr3t&grant_type=client_credentials'),
      'client_secret=[redacted]&grant_type=client_credentials',
    );
    assert.equal(redact('grant_type=x&client_assertion=abc.def'), 'grant_type=x&client_assertion=[redacted]');
    assert.equal(redact('https://login/cb?code=0.AAA&state=1'), 'https://login/cb?code=[redacted]&state=1');
    assert.equal(redact('https://st.blob/x?sv=1&sig=abc%2F'), 'https://st.blob/x?sv=1&sig=[redacted]');
  });

  it('removes a registered secret that does not look like a token', () => {
    registerSecret('opaque-secret-value-42');
    assert.equal(redact('value opaque-secret-value-42 here'), 'value [redacted] here');
  });

  it('shares registered secrets between bundles that each carry a copy of the module', () => {
    const registry = (globalThis as Record<symbol, Set<string>>)[Symbol.for('pim-groups.redaction.secrets')];
    registerSecret('another-opaque-secret-7');
    assert.ok(registry.has('another-opaque-secret-7'));
  });

  it('leaves ordinary words alone: names, notes and rule codes', () => {
    for (const line of [
      'Ring Bearer Admins',
      'Owners rotate the vault password: monthly',
      'Bearer token rotation for the Ring Bearer Admins',
      'the password is rotated; secret: keep it; token: none',
      'pimGroups.validateWorkspace: 3 findings (code: PIM011) in intune-helpdesk.pim.yaml',
      'code=PIM011 and sig=1',
    ])
      assert.equal(redact(line), line);
  });

  it('builds Graph errors whose message is already redacted', () => {
    const jwt = mintSandboxToken({ upn: 'x@contoso.com' });
    const e = new GraphRequestError({
      method: 'GET',
      path: `/groups?token=${jwt}`,
      status: 401,
      code: 'InvalidAuthenticationToken',
      message: `bad ${jwt}`,
    });
    assert.ok(!e.message.includes(jwt.split('.')[1]));
    assert.match(e.message, /GET \/groups\?token=\[redacted\] failed \(401 InvalidAuthenticationToken\)/);
  });

  it('passes every text field of a log entry through redaction, ids from response headers included', () => {
    registerSecret('echoed-secret-in-a-header-99');
    const seen: GraphLogEntry[] = [];
    const log = redactingLogger((e) => seen.push(e));
    const requestId = '6a3c9f0e-2b4d-4c1a-9e8f-0d1c2b3a4f5e';
    log({
      level: 'debug',
      message: '',
      method: 'GET',
      path: '/groups',
      requestId,
      clientRequestId: 'echoed-secret-in-a-header-99',
    });
    log({ level: 'debug', message: '', method: 'GET', path: '/groups', requestId: `x ${JWT}` });
    assert.equal(seen[0].requestId, requestId, 'a request id is not a secret: support needs it');
    assert.equal(seen[0].clientRequestId, '[redacted]');
    assert.equal(seen[1].requestId, 'x [redacted]');
  });
});
