import * as assert from 'node:assert/strict';
import { redact } from '../../../src/extension/infrastructure/redaction';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz';

describe('extension: the log never shows secrets', () => {
  it('scrubs bearer tokens and JWTs wherever they appear', () => {
    assert.equal(redact(`Authorization: Bearer ${JWT}`), 'Authorization: Bearer [REDACTED]');
    assert.equal(redact(`token ${JWT} expired`), 'token [REDACTED] expired');
    assert.equal(redact('Authorization: Bearer abcdefgh12345678'), 'Authorization: Bearer [REDACTED]');
  });

  it('scrubs secret fields in JSON, forms and query strings', () => {
    assert.equal(redact('{"access_token":"abc.def","expires_in":3599}'), '{"access_token":"[REDACTED]","expires_in":3599}');
    assert.equal(redact('client_secret=s3cr3t&grant_type=client_credentials'), 'client_secret=[REDACTED]&grant_type=client_credentials');
    assert.equal(redact('https://login/cb?code=0.AAA&state=1'), 'https://login/cb?code=[REDACTED]&state=1');
    assert.equal(redact('https://st.blob/x?sv=1&sig=abc%2F'), 'https://st.blob/x?sv=1&sig=[REDACTED]');
  });

  it('leaves ordinary log lines alone, rule codes included', () => {
    const line = 'pimGroups.validateWorkspace: 3 findings (code: PIM011) in intune-helpdesk.pim.yaml';
    assert.equal(redact(line), line);
  });
});
