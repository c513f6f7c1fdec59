import * as assert from 'node:assert/strict';
import { buildPlan, Plan, readScopeOf } from '../../../src/plan';
import type { ActualState } from '../../../src/tenant/actualState';
import type { TenantFacts } from '../../../src/tenant/tenantFacts';
import { group, HEADER, id, NOW, schedule, tenant, workspace } from './fixtures';
import { edit } from '../fixtureEdit';

const withFacts = (facts: Partial<TenantFacts>, state: ActualState = tenant(group())): ActualState => ({
  ...state,
  facts: { unreadable: [], ...facts },
});
const plan = (yaml: string, state: ActualState): Plan =>
  buildPlan(workspace(yaml), state, { target: 'sandbox', now: NOW }).plan;
const issues = (p: Plan) => p.issues.map((i) => [i.code, i.severity]);

const CONTEXT = `${HEADER}policies:\n  member:\n    activation: { authenticationContext: c3 }\n`;
const APPROVERS = `${HEADER}policies:\n  member:\n    activation:\n      approval: { approvers: [ group:Helpdesk Leads ] }\n`;
const JIT_OWNER = `${HEADER}assignments:\n  eligible:\n    - principal: user:bob@contoso.com\n      role: owner\n      duration: P30D\n`;

describe('plan: tenant checks (PIM230–PIM235)', () => {
  it('asks the reader for exactly the facts the definitions need', () => {
    const scope = readScopeOf(
      workspace(
        `${edit(CONTEXT, ['{ authenticationContext: c3 }', '{ authenticationContext: c3, approval: { approvers: [ group:Helpdesk Leads, user:lead@contoso.com ] } }'])}assignments:\n  eligible:\n    - principal: user:bob@contoso.com\n      role: owner\n      duration: P30D\n`,
      ),
    );
    assert.deepEqual(scope.checks, {
      authenticationContexts: ['c3'],
      approverGroups: ['group:Helpdesk Leads'],
      ownerGroups: ['helpdesk'],
      licences: true,
    });
    assert.deepEqual(readScopeOf(workspace(HEADER)).checks, {
      authenticationContexts: [],
      approverGroups: [],
      ownerGroups: [],
      licences: false,
    });
  });

  it('PIM230: an authentication context the tenant does not have (or that is not available)', () => {
    assert.deepEqual(
      issues(
        plan(CONTEXT, withFacts({ authenticationContexts: { c1: { available: true, usedByEnabledPolicy: true } } })),
      ),
      [['PIM230', 'warning']],
    );
    const p = plan(
      CONTEXT,
      withFacts({ authenticationContexts: { c3: { available: false, usedByEnabledPolicy: true } } }),
    );
    assert.match(p.issues[0].message, /c3, which is not available for use/);
  });

  it('PIM231: an authentication context no enabled Conditional Access policy uses', () => {
    const p = plan(
      CONTEXT,
      withFacts({ authenticationContexts: { c3: { available: true, usedByEnabledPolicy: false } } }),
    );
    assert.deepEqual(issues(p), [['PIM231', 'warning']]);
    assert.match(p.issues[0].message, /no enabled Conditional Access policy uses it, so activation asks for MFA only/);
    assert.deepEqual(
      issues(
        plan(CONTEXT, withFacts({ authenticationContexts: { c3: { available: true, usedByEnabledPolicy: true } } })),
      ),
      [],
    );
  });

  it('PIM232: an approver group without members', () => {
    const p = plan(APPROVERS, withFacts({ emptyGroups: [id('group:Helpdesk Leads')] }));
    assert.deepEqual(issues(p), [['PIM232', 'warning']]);
    assert.match(p.issues[0].message, /nobody can approve, and each request expires unanswered after 24 hours/);
    assert.deepEqual(issues(plan(APPROVERS, withFacts({ emptyGroups: [] }))), []);
  });

  it('PIM233: owners only through just-in-time access, with no standing owner', () => {
    assert.deepEqual(issues(plan(JIT_OWNER, withFacts({ owners: { [group().id]: [] } }))), [['PIM233', 'warning']]);
    const activated = {
      ...schedule('user:lead@contoso.com', 'active', { days: 0.1 }),
      role: 'owner' as const,
      assignmentType: 'Activated',
    };
    assert.deepEqual(
      issues(
        plan(
          JIT_OWNER,
          withFacts(
            { owners: { [group().id]: [id('user:lead@contoso.com')] } },
            tenant(group({ schedules: [activated] })),
          ),
        ),
      ),
      [['PIM233', 'warning']],
      'an owner through an activation is not standing',
    );
    assert.deepEqual(
      issues(plan(JIT_OWNER, withFacts({ owners: { [group().id]: [id('user:alice@contoso.com')] } }))),
      [],
      'a standing owner outside PIM',
    );
    const standing = `${JIT_OWNER}  active:\n    - principal: user:lead@contoso.com\n      role: owner\n      permanent: true\n`;
    assert.deepEqual(
      issues(plan(standing, withFacts({ owners: { [group().id]: [] } }))).filter(([c]) => c === 'PIM233'),
      [],
      'a permanent active owner in the file',
    );
  });

  it('PIM234: more eligible users and approvers than P2 / Governance licences', () => {
    const yaml = `${edit(APPROVERS, ['group:Helpdesk Leads', 'user:lead@contoso.com'])}assignments:\n  eligible:\n    - principal: user:alice@contoso.com\n      duration: P30D\n`;
    const none = plan(yaml, withFacts({ governanceLicences: { units: 0, skus: [] } }));
    assert.deepEqual(issues(none), [['PIM234', 'warning']]);
    assert.match(none.issues[0].message, /the definitions name 2, and the tenant has none/);
    assert.deepEqual(issues(plan(yaml, withFacts({ governanceLicences: { units: 2, skus: ['AAD_PREMIUM_P2'] } }))), []);
  });

  it('PIM235: a fact that could not be read is said, and its check skipped', () => {
    const p = plan(
      CONTEXT,
      withFacts({ unreadable: ['authentication contexts (Policy.Read.All): Insufficient privileges'] }),
    );
    assert.deepEqual(issues(p), [['PIM235', 'warning']]);
    assert.match(
      p.issues[0].message,
      /Could not check authentication contexts \(Policy.Read.All\): Insufficient privileges; that check was skipped\./,
    );
  });
});
