import * as assert from 'node:assert/strict';
import {
  commandUri,
  contentSecurityPolicy,
  escapeHtml,
  PreviewModel,
  renderPreviewHtml,
  REVEAL_SOURCE_COMMAND,
} from '../../../../src/extension/preview/planHtml';
import { at, samplePlan } from './planFixture';
import type { Operation } from '../../../../src/plan/model';
import { renderText } from '../../../../src/plan/render/text';
import { CHANGE_SYMBOLS } from '../../../../src/plan/render/symbols';

const OPTIONS = { nonce: 'n0nce', cspSource: 'vscode-webview://x' };
const FILE_URI = 'file:///work/defs/helpdesk.pim.yaml';

function model(over: Partial<PreviewModel> = {}): PreviewModel {
  return {
    scopeLabel: 'defs/helpdesk.pim.yaml',
    connectionLabel: 'Sandbox · admin@contoso.com',
    targetName: 'Sandbox',
    nowMs: Date.parse('2026-11-26T10:00:00Z'),
    plan: samplePlan(),
    blocked: [],
    fileUris: { 'defs/helpdesk.pim.yaml': FILE_URI },
    applyArgs: [FILE_URI],
    ...over,
  };
}

/** Decodes the command URIs of the page's links: [command, args]. */
function links(html: string): [string, unknown[]][] {
  return [...html.matchAll(/href="command:([^?"]+)\?([^"]*)"/g)].map((m) => [
    m[1],
    JSON.parse(decodeURIComponent(m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))))),
  ]);
}

describe('plan preview HTML', () => {
  it('escapes markup in every string from the tenant or a file', () => {
    const html = renderPreviewHtml(
      model({ plan: samplePlan('<img src=x onerror=alert(1)>'), scopeLabel: '"><script>alert(2)</script>' }),
      OPTIONS,
    );
    assert.ok(!html.includes('<img'), 'a group name became markup');
    assert.ok(!html.includes('<script'), 'the scope label became markup');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
  });

  it('escapes the five HTML-significant characters and backticks', () => {
    assert.equal(escapeHtml(`<a href='x' title="y">&\``), '&#60;a href=&#39;x&#39; title=&#34;y&#34;&#62;&#38;&#96;');
  });

  it("declares a CSP that loads nothing but its own nonce'd style and script", () => {
    const csp = contentSecurityPolicy(OPTIONS);
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /style-src 'nonce-n0nce'/);
    assert.match(csp, /script-src 'nonce-n0nce'/);
    const html = renderPreviewHtml(model(), OPTIONS);
    assert.ok(html.includes('<style nonce="n0nce">'));
    assert.ok(!/<script/i.test(html), 'the page runs no script');
  });

  it('writes a section per changed group with its operations and risk marks, and lists groups in sync', () => {
    const html = renderPreviewHtml(model(), OPTIONS);
    assert.match(html, /<section class="group"><h2>PIM-Intune-Helpdesk <code>intune-helpdesk<\/code>/);
    assert.match(
      html,
      /id="op-1" [^>]*>[^\n]*remove eligible member user:bob@contoso.com \(until <time[^>]*>[^<]*<\/time>; not in the definitions\) <span class="mark mark-removal">⚠ removal<\/span>/,
    );
    assert.match(html, /mark-weakens-policy">⚠ weakens policy/);
    assert.match(html, /mark-drift">⚠ drift: changed in the tenant/);
    assert.match(html, /In sync: PIM-Quiet/);
  });

  it('starts with the risk summary: the counts, then each removal and risky change by kind, linked to its line', () => {
    const html = renderPreviewHtml(model(), OPTIONS);
    const risks = /<section class="risks"[^>]*>(.*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.ok(html.indexOf('class="risks"') < html.indexOf('class="group"'), 'the summary comes first');
    assert.match(risks, /1 to add, 1 to change, 1 to remove, 1 drift, in 1 group\./);
    const kinds = [...risks.matchAll(/<li class="risk risk-([\w-]+)"><b>⚠ ([^<]+)<\/b>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(kinds, [
      ['removal', 'Removes (1)'],
      ['weakens-policy', 'Weakens a policy (1)'],
      ['drift', 'Undoes changes made in the tenant (1)'],
    ]);
    assert.match(risks, /<a href="#op-1">PIM-Intune-Helpdesk<\/a>: remove eligible member user:bob@contoso.com/);
  });

  it('says so when nothing is removed or risky', () => {
    const plan = samplePlan();
    plan.groups[0].operations = plan.groups[0].operations.filter((o) => o.kind === 'addAssignment');
    plan.groups[0].operations[0].marks = [];
    assert.match(renderPreviewHtml(model({ plan }), OPTIONS), /✓ No removals and no risky changes\./);
  });

  it('words policy changes, with the rule id and the YAML field as secondary text', () => {
    const html = renderPreviewHtml(model(), OPTIONS);
    assert.match(
      html,
      /Member policy · activation length <code class="secondary">Expiration_EndUser_Assignment<\/code>/,
    );
    assert.match(
      html,
      /<li>longest activation: 4 hours → 8 hours <i>\(weakens policy\)<\/i> <code class="secondary">activation.maxDuration<\/code><\/li>/,
    );
    assert.ok(
      !/>[^<]*Expiration_EndUser_Assignment[^<]*</.test(html.replace(/<code class="secondary">[^<]*<\/code>/g, '')),
    );
  });

  it('writes lengths and instants in words, the exact value on hover', () => {
    const html = renderPreviewHtml(model(), OPTIONS);
    assert.match(html, /add eligible member user:lead@contoso.com for <span class="len" title="P30D">30 days<\/span>/);
    assert.match(
      html,
      /<time datetime="2026-12-26T00:00:00Z" title="2026-12-26T00:00:00Z">26 Dec 2026, 00:00 UTC \(in 30 days\)<\/time>/,
    );
    assert.match(html, /planned <time datetime="2026-11-26T09:00:00.000Z"[^>]*>26 Nov 2026, 09:00 UTC \(1 hour ago\)/);
    assert.match(html, /for Sandbox · fingerprint/);
    assert.ok(!html.includes('127.0.0.1'), 'the footer names the tenant, not the Graph URL');
  });

  it("shows each changed group's blast radius under its heading, escaped", () => {
    const plan = samplePlan();
    plan.groups[0].grants = [
      'Intune role <Help Desk Operator>',
      'Microsoft Entra role Helpdesk Administrator on / (privileged)',
    ];
    const html = renderPreviewHtml(model({ plan }), OPTIONS);
    assert.match(
      html,
      /<\/h2><p class="grants">Membership grants: Intune role &#60;Help Desk Operator&#62;; Microsoft Entra role Helpdesk Administrator on \/ \(privileged\)<\/p>/,
    );
    plan.groups[0].grants = [];
    assert.match(renderPreviewHtml(model({ plan }), OPTIONS), /Membership grants: nothing outside the group/);
  });

  it('links each operation back to its definition line (0-based line, shown 1-based)', () => {
    const html = renderPreviewHtml(model(), OPTIONS);
    assert.match(html, />defs\/helpdesk.pim.yaml:13</);
    const reveals = links(html)
      .filter(([c]) => c === REVEAL_SOURCE_COMMAND)
      .map(([, a]) => a);
    assert.deepEqual(
      reveals.find((a) => a[1] === 12),
      [FILE_URI, 12, 2],
    );
    assert.deepEqual(
      reveals.find((a) => a[1] === 22),
      [FILE_URI, 22, 2],
    );
  });

  it('offers Apply with the same scope when the plan has changes and no errors', () => {
    const applies = links(renderPreviewHtml(model(), OPTIONS)).filter(([c]) => c === 'pimGroups.applyChanges');
    assert.deepEqual(
      applies.map(([, a]) => a),
      [[FILE_URI]],
    );
    const empty = samplePlan();
    for (const g of empty.groups) g.operations = [];
    assert.ok(!renderPreviewHtml(model({ plan: empty }), OPTIONS).includes('pimGroups.applyChanges'));
  });

  it('names files with errors as not planned, with a link to Problems', () => {
    const blocked = [
      {
        file: 'defs/broken.pim.yaml',
        errors: 2,
        firstError: {
          code: 'PIM011',
          message: 'maxDuration <too long>',
          severity: 'error' as const,
          file: 'defs/broken.pim.yaml',
          range: at(4),
        },
      },
    ];
    const html = renderPreviewHtml(model({ plan: undefined, blocked }), OPTIONS);
    assert.match(html, /Not planned: definitions with errors/);
    assert.match(html, /defs\/broken.pim.yaml: 2 errors, first: maxDuration &#60;too long&#62;/);
    assert.ok(links(html).some(([c]) => c === 'workbench.actions.view.problems'));
  });

  it('encodes command arguments as a JSON array in the URI', () => {
    assert.equal(commandUri('x.y', ['a b', 3]), `command:x.y?${encodeURIComponent('["a b",3]')}`);
  });

  it('marks each operation with the same change as the text plan: added and removed bindings are + and −, not ~', () => {
    const plan = samplePlan();
    const binding = (action: 'add' | 'remove' | 'change', name: string): Operation => ({
      id: `helpdesk/team-${action}`,
      groupKey: 'intune-helpdesk',
      kind: 'binding',
      action,
      summary: `${action} ${name}`,
      marks: [],
      dependsOn: [],
      detail: { binding: 'team' },
      before: null,
      after: null,
    });
    plan.groups[0].operations.push(
      binding('add', 'the Team'),
      binding('remove', 'a licence'),
      binding('change', 'a role'),
    );
    const html = renderPreviewHtml(model({ plan }), OPTIONS);
    const shown = [...html.matchAll(/<li class="op [^>]*><span class="sym" title="(\w+)"[^>]*>([^<]+)<\/span>/g)].map(
      (m) => [m[1], m[2]],
    );
    const text = renderText(plan)
      .split('\n')
      .map((l) => /^ {2}([+~-]) /.exec(l)?.[1])
      .filter(Boolean);
    const byText = Object.fromEntries(Object.entries(CHANGE_SYMBOLS).map(([label, s]) => [s.text, [label, s.display]]));
    assert.equal(shown.length, 6);
    assert.deepEqual(
      shown,
      text.map((t) => byText[t!]),
    );
    assert.deepEqual(shown.slice(3), [
      ['add', '+'],
      ['remove', '−'],
      ['change', '~'],
    ]);
  });
});
