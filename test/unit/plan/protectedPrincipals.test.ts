import * as assert from 'node:assert/strict';
import { allOperations, buildPlan, hasErrors, Plan, readScopeOf } from '../../../src/plan';
import { group, HEADER, id, NOW, schedule, tenant, workspace } from './fixtures';

const SETTINGS = (...refs: string[]) => `---
apiVersion: pim-groups/v1
kind: Settings
protectedPrincipals: [${refs.join(', ')}]
`;
const plan = (yaml: string, schedules = [schedule('user:bob@contoso.com', 'eligible')]): Plan =>
  buildPlan(workspace(yaml), tenant(group({ schedules })), { target: 'sandbox', now: NOW }).plan;
const errors = (p: Plan) => p.issues.filter((i) => i.severity === 'error');
const summaries = (p: Plan) => allOperations(p).map((o) => o.summary);

const ALICE_ONLY = `${HEADER}assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;

describe('plan: protected principals (Settings.protectedPrincipals)', () => {
  it('fails the plan (PIM250) when authoritative mode would remove an unlisted protected principal', () => {
    const p = plan(ALICE_ONLY + SETTINGS('user:Bob@Contoso.com'));
    assert.ok(hasErrors(p));
    const [issue] = errors(p);
    assert.equal(issue.code, 'PIM250');
    assert.equal(issue.groupKey, 'helpdesk');
    assert.match(
      issue.message,
      /would remove the eligible member assignment of the protected principal 'user:Bob@Contoso\.com' in 'PIM-Helpdesk'\..*Settings, groups\/helpdesk\.pim\.yaml:\d+/,
    );
    assert.equal(p.summary.errors, 1);
  });

  it('plans the same removal when the principal is not protected', () => {
    const p = plan(ALICE_ONLY + SETTINGS('user:lead@contoso.com'));
    assert.deepEqual(errors(p), []);
    assert.ok(
      summaries(p).some((s) => /remove/.test(s) && /bob@contoso\.com/.test(s)),
      summaries(p).join('\n'),
    );
    assert.deepEqual(errors(plan(ALICE_ONLY)), []);
  });

  it('lets additive mode keep the protected principal without an issue', () => {
    const additive = ALICE_ONLY.replace('assignments:\n', 'assignments:\n  mode: additive\n');
    assert.deepEqual(plan(additive + SETTINGS('user:bob@contoso.com')).issues, []);
  });

  const BOB = (expiry: string) => `${HEADER}assignments:
  eligible:
    - principal: user:bob@contoso.com
      ${expiry}
`;

  it('fails when an update would make a permanent assignment of a protected principal time-bound', () => {
    const permanent = [schedule('user:bob@contoso.com', 'eligible', { permanent: true })];
    const p = plan(BOB('duration: P365D') + SETTINGS('user:bob@contoso.com'), permanent);
    assert.deepEqual(
      errors(p).map((i) => i.code),
      ['PIM250'],
    );
    assert.match(
      errors(p)[0].message,
      /would shorten the eligible member assignment \(from permanent to for P365D, no longer permanent\) of the protected principal 'user:bob@contoso\.com'/,
    );
  });

  it('fails when an update would move its end earlier, and not when it moves it later', () => {
    // Seeded from 2026-11-01 for 90 days: it ends on 2027-01-30.
    const bob = [schedule('user:bob@contoso.com', 'eligible', { days: 90 })];
    const earlier = plan(BOB('until: 2026-12-15T00:00:00Z') + SETTINGS('user:bob@contoso.com'), bob);
    assert.deepEqual(
      errors(earlier).map((i) => i.code),
      ['PIM250'],
    );
    assert.match(errors(earlier)[0].message, /, ending earlier\)/);
    const later = plan(BOB('until: 2027-06-30T00:00:00Z') + SETTINGS('user:bob@contoso.com'), bob);
    assert.equal(allOperations(later).length, 1);
    assert.deepEqual(errors(later), []);
  });

  it('warns (PIM251) about a protected principal the tenant does not have, on its entry', () => {
    const p = plan(ALICE_ONLY + SETTINGS('user:nobody@contoso.com'));
    assert.deepEqual(
      p.issues.map((i) => `${i.severity} ${i.code}`),
      ['warning PIM251'],
    );
    assert.equal(p.issues[0].source?.file, 'groups/helpdesk.pim.yaml');
    assert.match(p.issues[0].message, /'user:nobody@contoso\.com' was not found in the tenant, so it protects nothing/);
  });

  it('asks the reader to resolve the protected principals', () => {
    const scope = readScopeOf(workspace(ALICE_ONLY + SETTINGS('sp:pipeline-app')));
    assert.ok(scope.principalRefs.includes('sp:pipeline-app'), scope.principalRefs.join(', '));
  });

  it('fails when an owners list would remove a protected standing owner', () => {
    const owned = HEADER.replace(
      'displayName: PIM-Helpdesk\n',
      'displayName: PIM-Helpdesk\n  owners: [ user:lead@contoso.com ]\n',
    );
    const g = group({ owners: [id('user:lead@contoso.com'), id('user:bob@contoso.com')] });
    const run = (settings: string) =>
      buildPlan(workspace(owned + settings), tenant(g), { target: 'sandbox', now: NOW }).plan;
    const [issue] = errors(run(SETTINGS('user:bob@contoso.com')));
    assert.equal(issue?.code, 'PIM250');
    assert.match(
      issue.message,
      /remove the standing directory ownership of the protected principal 'user:bob@contoso\.com'/,
    );
    assert.deepEqual(errors(run(SETTINGS('user:lead@contoso.com'))), []);
  });
});
