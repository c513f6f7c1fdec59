import * as assert from 'node:assert/strict';
import { applyConfirmation } from '../../../../src/extension/apply/applyConfirmation';
import { applySummary, progressStep } from '../../../../src/extension/apply/applyReporting';
import { refuseWhenUntrusted } from '../../../../src/extension/apply/workspaceTrust';
import { recordNotice } from '../../../../src/extension/apply/recordNotice';
import { UserFacingError } from '../../../../src/extension/infrastructure/errors';
import { samplePlan } from '../preview/planFixture';

describe('apply: the confirmation', () => {
  it('names the tenant in words, says how many changes go where, and is modal with an Apply button', () => {
    const c = applyConfirmation(samplePlan(), 'Contoso Ltd (contoso.com)');
    assert.equal(c.message, 'Apply 3 changes to Contoso Ltd (contoso.com)?');
    assert.ok(!c.message.includes('127.0.0.1'), 'the Graph URL is no name for a tenant');
    assert.equal(c.confirmLabel, 'Apply');
    assert.equal(c.modal, true);
    assert.match(c.detail!, /^1 to add, 1 to change, 1 to remove, 1 drift, in 1 group\./);
  });

  it('names every removal and every risky change under its kind, most serious first', () => {
    const detail = applyConfirmation(samplePlan(), 'Sandbox').detail!;
    assert.match(detail, /Removes \(1\): [^\n]*\n {2}• intune-helpdesk: remove eligible member bob@contoso.com/);
    assert.match(detail, /Weakens a policy \(1\): [^\n]*\n {2}• intune-helpdesk: member activation rule\n/);
    assert.match(detail, /Undoes changes made in the tenant \(1\): [^\n]*\n {2}• [^\n]*add eligible member lead/);
    assert.ok(detail.indexOf('Removes') < detail.indexOf('Weakens a policy'));
  });

  it('says when unsaved edits are part of the plan', () => {
    assert.match(
      applyConfirmation(samplePlan(), 'Sandbox', ['defs/helpdesk.pim.yaml']).detail!,
      /Includes unsaved changes in defs\/helpdesk.pim.yaml: save them/,
    );
    assert.ok(!applyConfirmation(samplePlan(), 'Sandbox').detail!.includes('unsaved'));
  });

  it('lists at most eight of a kind and says how many more', () => {
    const plan = samplePlan();
    const removal = plan.groups[0].operations[1];
    plan.groups[0].operations = Array.from({ length: 12 }, (_, i) => ({
      ...removal,
      id: `r${i}`,
      summary: `remove ${i}`,
    }));
    const detail = applyConfirmation(plan, 'Sandbox').detail!;
    assert.match(detail, /remove 7\n {4}… and 4 more\n\nThe preview lists every change\./);
    assert.ok(!detail.includes('remove 8'));
  });
});

describe('apply: workspace trust', () => {
  it('refuses in an untrusted workspace with a message for the user and the trust action', () => {
    const action = { title: 'Manage Workspace Trust', run: () => undefined };
    assert.throws(
      () => refuseWhenUntrusted(false, 'Applying changes', action),
      (e: unknown) =>
        e instanceof UserFacingError &&
        /^Applying changes needs a trusted workspace/.test(e.message) &&
        e.actions[0] === action,
    );
  });

  it('lets a trusted workspace through', () => {
    assert.doesNotThrow(() => refuseWhenUntrusted(true, 'Applying changes'));
  });
});

describe('apply: progress and summary', () => {
  const outcome = {
    id: 'x',
    kind: 'addAssignment' as const,
    groupKey: 'g',
    summary: 'add eligible member a',
    status: 'done' as const,
  };

  it('reports phases, operations with their share of the bar, and the final check', () => {
    assert.deepEqual(progressStep({ type: 'phase', phase: 'policy rules', total: 2 }), { message: 'policy rules (2)' });
    assert.deepEqual(progressStep({ type: 'operation', outcome, done: 1, total: 4 }), {
      message: '1/4 g: add eligible member a',
      increment: 25,
    });
    assert.equal(
      progressStep({ type: 'operation', outcome: { ...outcome, status: 'failed' }, done: 2, total: 4 }).message,
      '2/4 failed: g: add eligible member a',
    );
    assert.deepEqual(progressStep({ type: 'verify' }), { message: 'checking the tenant matches the plan' });
  });

  it('sums up a converged, a cancelled and a failed apply differently', () => {
    const counts = { done: 3, failed: 0, skipped: 0, cancelled: 0 };
    assert.deepEqual(applySummary({ outcomes: [], cancelled: false, converged: true, notConverged: [], counts }), {
      text: 'Applied: 3 done. The tenant now matches the plan.',
      level: 'info',
    });
    assert.equal(
      applySummary({
        outcomes: [],
        cancelled: true,
        converged: false,
        notConverged: [],
        counts: { ...counts, cancelled: 2 },
      }).level,
      'warning',
    );
    const failed = applySummary({
      outcomes: [{ ...outcome, status: 'failed', message: 'Forbidden' }],
      cancelled: false,
      converged: false,
      notConverged: [],
      counts: { ...counts, failed: 1 },
    });
    assert.equal(failed.level, 'error');
    assert.match(failed.text, /1 failed.*First failure: g: add eligible member a \(Forbidden\)/);
  });
});

describe('apply: the applied record notice', () => {
  it('names the file, says why it is kept, and that it belongs in the repository', () => {
    const { text } = recordNotice('.pim-groups/applied/127.0.0.1_46515.json');
    assert.match(text, /recorded in \.pim-groups\/applied\/127\.0\.0\.1_46515\.json/);
    assert.match(text, /tell changes made in the tenant \(drift\) from your edits/);
    assert.match(text, /Commit it with the definitions/);
  });
});
