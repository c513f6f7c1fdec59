import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import { definitionRows } from '../../../../src/extension/definitionsView/definitionStates';

const group = (name: string, maxDuration = 'PT4H') => `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: ${name}
group:
  displayName: PIM-${name}
policies:
  member:
    activation:
      maxDuration: ${maxDuration}
`;

describe('Definitions view states', () => {
  const ws = loadWorkspace([
    { path: 'a.pim.yaml', text: group('alpha') + '---\n' + group('beta') },
    { path: 'c.pim.yaml', text: group('gamma') },
    { path: 'd.pim.yaml', text: group('delta') },
    { path: 'g.pim.yaml', text: group('kappa') },
    { path: 'f.pim.yaml', text: group('phi') },
    { path: 'e.pim.yaml', text: group('epsilon', 'PT99H') },
    { path: 'z.pim.yaml', text: 'kind: [' },
  ]);
  type Status = { changes: number; drift: number; at: string; cannotCompare?: { needs: string; what?: string } };
  const statuses: Record<string, Status> = {
    alpha: { changes: 2, drift: 1, at: 't' },
    beta: { changes: 0, drift: 0, at: 't' },
    gamma: { changes: 3, drift: 0, at: 't' },
    kappa: {
      changes: 0,
      drift: 0,
      at: 't',
      cannotCompare: { needs: 'RoleManagementPolicy.Read.AzureADGroup', what: "read groups' PIM policies" },
    },
  };
  const rows = definitionRows({
    groups: ws.groups,
    findings: ws.findings,
    statusOf: (g) => statuses[g.metadata.name],
    applied: {
      formatVersion: 1,
      target: 'http://127.0.0.1:1',
      appliedAt: '2026-11-26T09:30:00.000Z',
      groups: { delta: { fields: {}, assignments: [], authoritativeRoles: [] } },
    },
  });
  const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));

  it('says drift, changes to apply or in sync from the last plan', () => {
    assert.equal(byLabel.alpha.state, 'drift');
    assert.equal(byLabel.alpha.description, '1 drift · 2 changes');
    assert.equal(byLabel.beta.state, 'in-sync');
    assert.equal(byLabel.gamma.state, 'not-applied');
    assert.equal(byLabel.gamma.description, '3 changes to apply');
  });

  it('without a plan, says whether the applied record knows the group', () => {
    assert.equal(byLabel.delta.state, 'applied');
    assert.equal(byLabel.delta.description, 'applied 2026-11-26 09:30');
  });

  it('with neither a plan nor a record, says it was not compared yet (never "not applied": a guess about the tenant)', () => {
    assert.equal(byLabel.phi.state, 'not-compared');
    assert.equal(byLabel.phi.description, 'not compared yet');
  });

  it('says a definition cannot be compared and what to grant when the tenant read was refused, never "in sync"', () => {
    assert.equal(byLabel.kappa.state, 'cannot-compare');
    assert.equal(byLabel.kappa.description, 'cannot compare: needs RoleManagementPolicy.Read.AzureADGroup');
    assert.match(
      byLabel.kappa.tooltip,
      /^Needs RoleManagementPolicy\.Read\.AzureADGroup, the permission to read groups' PIM policies \(see Permissions\)\.$/m,
    );
    assert.match(byLabel.kappa.tooltip, /Check Tenant Readiness/);
  });

  it('marks definitions in files with errors, and files whose definitions could not be read at all', () => {
    const errorRows = rows.filter((r) => r.state === 'errors').map((r) => r.file);
    assert.ok(errorRows.includes('e.pim.yaml'), JSON.stringify(rows));
    assert.ok(errorRows.includes('z.pim.yaml'), JSON.stringify(rows));
  });

  it('orders rows by file, then by line, and points each at its document', () => {
    assert.deepEqual(
      rows.slice(0, 2).map((r) => r.label),
      ['alpha', 'beta'],
    );
    assert.ok(byLabel.beta.range.start.line > byLabel.alpha.range.start.line);
  });
});
