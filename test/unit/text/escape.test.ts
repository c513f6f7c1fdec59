// One escaping function per sink: what each sink shows of hostile text from files and the tenant.
import * as assert from 'node:assert/strict';
import {
  escapeControl,
  forAnnotationMessage,
  forAnnotationProperty,
  forHtml,
  forMarkdown,
  forTerminal,
} from '../../../src/text/escape';

const HOSTILE = 'Ops\x1b[2K\x07\r\n::error file=x::owned\x00\u202e';

describe('text: escaping per sink', () => {
  it('shows every control character of a value as an escape, line breaks included', () => {
    const s = escapeControl(HOSTILE);
    assert.doesNotMatch(s, /[\x00-\x1f\x7f-\x9f\u202e]/);
    assert.equal(s, 'Ops\\e[2K\\x07\\r\\n::error file=x::owned\\0\\u202e');
  });

  it('keeps the line breaks of terminal text but nothing else', () => {
    assert.equal(forTerminal('a\nb\x1b[2K\r'), 'a\nb\\e[2K\\r');
  });

  it('escapes workflow-command data so no value ends the command or starts another', () => {
    assert.equal(forAnnotationMessage('50%\r\ndone'), '50%25%0D%0Adone');
    assert.equal(forAnnotationProperty('a:b,c.pim.yaml'), 'a%3Ab%2Cc.pim.yaml');
    assert.doesNotMatch(forAnnotationMessage(HOSTILE), /[\r\n\x1b]/);
  });

  it('lets no link, image, emphasis, code span or HTML out of a Markdown value', () => {
    const s = forMarkdown('[click](https://evil.example) ![x](https://evil.example/t.png) <img src=x> **b** `c` a|b');
    assert.doesNotMatch(s, /(^|[^\\])[[\]<>*`|]/);
    assert.equal(forMarkdown('PIM-Helpdesk (Ops)'), 'PIM-Helpdesk (Ops)', 'ordinary names stay readable');
  });

  it('escapes HTML text and attributes', () => {
    assert.equal(
      forHtml('<a href="x" onclick=\'y\'>&\x07'),
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;\\x07',
    );
  });
});
