import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../../src/definitions';
import {
  definitionSignature,
  scopeSignature,
  selectDefinitions,
} from '../../../../../src/extension/common/plans/planScope';
import { PlanStore } from '../../../../../src/extension/common/plans/planStore';
import { planTarget } from '../../../../../src/extension/common/plans/planTarget';
import { samplePlan } from '../../preview/planFixture';

const group = (name: string, displayName: string, maxDuration = 'PT4H') => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ${name}
group:
  displayName: ${displayName}
policies:
  member:
    activation:
      maxDuration: ${maxDuration}
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;

function snapshotOf(files: { path: string; text: string }[]) {
  const ws = loadWorkspace(files);
  return { groups: ws.groups, templates: ws.templates, settings: ws.settings, findings: ws.findings };
}

describe('which definitions a preview plans', () => {
  const files = [
    { path: 'a.pim.yaml', text: group('alpha', 'PIM-Alpha') },
    { path: 'b.pim.yaml', text: group('beta', 'PIM-Beta') },
    { path: 'broken.pim.yaml', text: group('gamma', 'PIM-Gamma', 'PT99H') },
  ];

  it("keeps the workspace's Settings in every scope, and a change to them changes the scope's signature", () => {
    const settings = (who: string) => ({
      path: 'settings.pim.yaml',
      text: `apiVersion: pim-groups/v1\nkind: Settings\nprotectedPrincipals: [${who}]\n`,
    });
    const withBob = [...files, settings('user:bob@contoso.com')];
    const scoped = selectDefinitions(snapshotOf(withBob), { file: 'a.pim.yaml' });
    assert.deepEqual(scoped.settings?.protectedPrincipals, ['user:bob@contoso.com']);
    assert.notEqual(
      scopeSignature(scoped),
      scopeSignature(
        selectDefinitions(snapshotOf([...files, settings('user:lead@contoso.com')]), { file: 'a.pim.yaml' }),
      ),
    );
  });

  it('plans every file of the workspace except those with errors, which it names', () => {
    const scoped = selectDefinitions(snapshotOf(files), {});
    assert.deepEqual(
      scoped.groups.map((g) => g.metadata.name),
      ['alpha', 'beta'],
    );
    assert.deepEqual(
      scoped.blocked.map((b) => b.file),
      ['broken.pim.yaml'],
    );
    assert.ok(scoped.blocked[0].errors >= 1 && scoped.blocked[0].firstError.severity === 'error');
  });

  it('plans only the given file, and nothing of it when it has errors', () => {
    assert.deepEqual(
      selectDefinitions(snapshotOf(files), { file: 'b.pim.yaml' }).groups.map((g) => g.metadata.name),
      ['beta'],
    );
    const broken = selectDefinitions(snapshotOf(files), { file: 'broken.pim.yaml' });
    assert.deepEqual(broken.groups, []);
    assert.deepEqual(
      broken.blocked.map((b) => b.file),
      ['broken.pim.yaml'],
    );
  });

  it('gives a definition a new signature when it changes, and the same one when it does not', () => {
    const one = snapshotOf(files.slice(0, 1));
    const again = snapshotOf(files.slice(0, 1));
    const changed = snapshotOf([{ path: 'a.pim.yaml', text: group('alpha', 'PIM-Alpha', 'PT2H') }]);
    assert.equal(
      definitionSignature(one.groups[0], one.templates),
      definitionSignature(again.groups[0], again.templates),
    );
    assert.notEqual(
      definitionSignature(one.groups[0], one.templates),
      definitionSignature(changed.groups[0], changed.templates),
    );
    assert.notEqual(scopeSignature(selectDefinitions(one, {})), scopeSignature(selectDefinitions(changed, {})));
  });
});

describe('the plan store', () => {
  it('hands back a previewed plan only while the definitions are the ones it was planned from', () => {
    const store = new PlanStore();
    const plan = samplePlan();
    store.remember({ key: 'workspace', plan, signature: 'S1' }, new Map([['intune-helpdesk', 'G1']]));
    assert.equal(store.planFor('workspace', 'S1'), plan);
    assert.equal(store.planFor('workspace', 'S2'), undefined);
    store.forget('workspace');
    assert.equal(store.planFor('workspace', 'S1'), undefined);
  });

  it('counts changes and drift per group for an unchanged definition, and marks applied groups in sync', () => {
    const store = new PlanStore();
    let fired = 0;
    store.onDidChange(() => fired++);
    store.remember(
      { key: 'workspace', plan: samplePlan(), signature: 'S1' },
      new Map([
        ['intune-helpdesk', 'G1'],
        ['quiet', 'Q1'],
      ]),
    );
    assert.deepEqual(
      { ...store.statusOf('intune-helpdesk', 'G1'), at: undefined },
      { changes: 3, drift: 1, signature: 'G1', at: undefined },
    );
    assert.equal(store.statusOf('quiet', 'Q1')?.changes, 0);
    assert.equal(
      store.statusOf('intune-helpdesk', 'G2'),
      undefined,
      'an edited definition has no status until planned again',
    );
    store.markInSync(['intune-helpdesk'], '2026-11-26T10:00:00Z');
    assert.equal(store.statusOf('intune-helpdesk', 'G1')?.changes, 0);
    assert.equal(fired, 2);
  });
});

describe('the plan target', () => {
  it('is written as the CLI writes it, so the applied record means the same in both', () => {
    assert.equal(planTarget({ kind: 'sandbox', graphBaseUrl: 'http://127.0.0.1:8787/' }), 'http://127.0.0.1:8787');
    assert.equal(
      planTarget({ kind: 'tenant', graphBaseUrl: 'https://graph.microsoft.com', tenant: 'contoso.onmicrosoft.com' }),
      'https://graph.microsoft.com tenant contoso.onmicrosoft.com',
    );
    assert.equal(
      planTarget({ kind: 'tenant', graphBaseUrl: 'https://graph.microsoft.us' }),
      'https://graph.microsoft.us tenant default',
    );
  });
});
