import * as assert from 'node:assert/strict';
import { buildPlan, parsePlanJson, renderJson, renderMarkdown, renderText, Plan } from '../../../src/plan';
import { group, HEADER, NOW, schedule, tenant, workspace } from './fixtures';

function samplePlan(): Plan {
  const yaml = `${HEADER}policies:
  member:
    activation: { maxDuration: PT10H, requireMfa: true }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
  return buildPlan(workspace(yaml), tenant(group({ schedules: [schedule('user:bob@contoso.com', 'eligible')] })), {
    target: 'http://127.0.0.1:1',
    now: NOW,
  }).plan;
}

describe('plan renderers', () => {
  it('text: one line per operation with its marks and before → after details, then the totals', () => {
    const text = renderText(samplePlan());
    assert.match(text, /PIM-Helpdesk \(helpdesk, 11111111-/);
    assert.match(text, /activation\.maxDuration: PT8H → PT10H {2}\(weakens policy\)/);
    assert.match(text, /\+ add eligible member user:alice@contoso\.com for P30D/);
    assert.match(text, /- remove eligible member user:bob@contoso\.com .*\[removal\]/);
    assert.match(text, /Plan: 1 to add, 2 to change, 1 to remove\./);
    assert.doesNotMatch(text, /\u001b\[/, 'no colour unless asked');
  });

  it('text: says so when there is nothing to do', () => {
    const empty = buildPlan(workspace(HEADER), tenant(group()), { target: 'x', now: NOW }).plan;
    assert.match(renderText(empty), /No changes: the tenant matches the definitions\./);
  });

  it('markdown: a diff block per group and the issues as a table with links to the line', () => {
    const md = renderMarkdown(samplePlan());
    assert.match(md, /^## PIM Groups plan/);
    assert.match(md, /```diff\n! member policy Expiration_EndUser_Assignment/);
    assert.match(md, /^- remove eligible member/m);
    const withIssue = buildPlan(
      workspace(`${HEADER}assignments:\n  eligible:\n    - principal: user:ghost@contoso.com\n      duration: P30D\n`),
      tenant(group()),
      { target: 'x', now: NOW },
    ).plan;
    assert.match(
      renderMarkdown(withIssue),
      /\| ❌ \| PIM201 \| helpdesk \| .*\(\[groups\/helpdesk\.pim\.yaml:9\]\(groups\/helpdesk\.pim\.yaml#L9\)\) \|/,
    );
  });

  it('json: formatVersion 1 that reads back to the same plan, and refuses another version', () => {
    const plan = samplePlan();
    const json = renderJson(plan);
    assert.equal(JSON.parse(json).formatVersion, 1);
    assert.deepEqual(parsePlanJson(json), JSON.parse(JSON.stringify(plan)));
    assert.throws(() => parsePlanJson(json.replace('"formatVersion": 1', '"formatVersion": 2')), /formatVersion 2/);
  });
});
