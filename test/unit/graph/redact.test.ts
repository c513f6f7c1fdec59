import * as assert from 'node:assert/strict';
import { redact, redactValue, registerSecret } from '../../../src/graph/redact';
import { mintSandboxToken } from '../../../src/auth/sandboxToken';
import { GraphRequestError } from '../../../src/graph/errors';

describe('redaction', () => {
  it('removes bearer tokens, JWTs and secret fields wherever they appear', () => {
    const jwt = mintSandboxToken({ upn: 'admin@contoso.com' });
    const text = `Authorization: Bearer ${jwt} then ${jwt} and client_secret=abc123def&x=1 "access_token":"zzz"`;
    const out = redact(text);
    assert.ok(!out.includes(jwt.split('.')[1]));
    assert.ok(!out.includes('abc123def'));
    assert.ok(!out.includes('zzz'));
  });

  it('removes a registered secret that does not look like a token', () => {
    registerSecret('opaque-secret-value-42');
    assert.equal(redact('value opaque-secret-value-42 here'), 'value [redacted] here');
    assert.deepEqual(redactValue({ a: ['opaque-secret-value-42'] }), { a: ['[redacted]'] });
  });

  it('builds Graph errors whose message is already redacted', () => {
    const jwt = mintSandboxToken({ upn: 'x@contoso.com' });
    const e = new GraphRequestError({ method: 'GET', path: `/groups?token=${jwt}`, status: 401, code: 'InvalidAuthenticationToken', message: `bad ${jwt}` });
    assert.ok(!e.message.includes(jwt.split('.')[1]));
    assert.match(e.message, /GET \/groups\?token=\[redacted-jwt\] failed \(401 InvalidAuthenticationToken\)/);
  });
});
