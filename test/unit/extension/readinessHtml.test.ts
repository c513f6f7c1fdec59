import * as assert from 'node:assert/strict';
import { renderReadinessHtml } from '../../../src/extension/readiness/readinessHtml';

describe('extension: the readiness report as HTML', () => {
  const report = {
    target: 'Sandbox · alice@contoso.com',
    results: [
      { id: 'licence', status: 'pass' as const, what: 'PIM-capable licences: 50', details: ['<img src=x>'] },
      { id: 'roles', status: 'fail' as const, what: 'no role', fix: 'get <b>one</b>', details: ['g: not an owner'] },
    ],
  };

  it('lists every check, then each failing item with its details and fix', () => {
    const html = renderReadinessHtml(report, 'n0nce');
    assert.match(html, /1 passed, 0 warning\(s\), 1 failed/);
    assert.match(
      html,
      /<h2>What to fix<\/h2><div class="item fail">.*<code>roles<\/code>: no role.*g: not an owner.*Fix:<\/span> get &#60;b&#62;one&#60;\/b&#62;/,
    );
  });

  it('escapes tenant text and loads nothing: no script, only its nonce’d style', () => {
    const html = renderReadinessHtml(report, 'n0nce');
    assert.ok(!html.includes('<img'));
    assert.match(html, /&#60;img src=x&#62;/);
    assert.ok(!/<script/i.test(html));
    assert.match(html, /default-src 'none'; style-src 'nonce-n0nce'/);
  });
});
