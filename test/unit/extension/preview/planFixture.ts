// A small plan as the planner writes it (docs/plan-format.md), built by hand so each test reads what it checks.
import type { Range } from '../../../../src/definitions/model';
import { Operation, Plan, summarize } from '../../../../src/plan/model';

export const at = (line: number, character = 2): Range => ({
  start: { line, character },
  end: { line, character: character + 4 },
});

export function samplePlan(displayName = 'PIM-Intune-Helpdesk'): Plan {
  const file = 'defs/helpdesk.pim.yaml';
  const operations: Operation[] = [
    {
      id: 'helpdesk/policy',
      groupKey: 'intune-helpdesk',
      kind: 'updatePolicyRule',
      role: 'member',
      ruleId: 'Expiration_EndUser_Assignment',
      summary: 'member activation rule',
      marks: ['weakens-policy'],
      dependsOn: [],
      source: { file, range: at(12) },
      changes: [{ field: 'activation.maxDuration', before: 'PT4H', after: 'PT8H', weakens: true, drift: false }],
    },
    {
      id: 'helpdesk/remove-bob',
      groupKey: 'intune-helpdesk',
      kind: 'removeAssignment',
      role: 'member',
      assignmentKind: 'eligible',
      summary: 'remove eligible member bob@contoso.com',
      marks: ['removal'],
      dependsOn: [],
      scheduleId: 's1',
      principal: { ref: 'user:bob@contoso.com', id: 'u-bob', kind: 'user' },
      before: { start: null, end: '2026-12-26T00:00:00Z', permanent: false },
    },
    {
      id: 'helpdesk/add-lead',
      groupKey: 'intune-helpdesk',
      kind: 'addAssignment',
      role: 'member',
      assignmentKind: 'eligible',
      summary: 'add eligible member lead@contoso.com',
      marks: ['drift'],
      dependsOn: [],
      source: { file, range: at(22) },
      principal: { ref: 'user:lead@contoso.com', id: 'u-lead', kind: 'user' },
      schedule: { duration: 'P30D' },
    },
  ];
  const groups = [
    { key: 'intune-helpdesk', displayName, groupId: 'g1', source: { file, range: at(0, 0) }, operations },
    {
      key: 'quiet',
      displayName: 'PIM-Quiet',
      groupId: 'g2',
      source: { file: 'defs/quiet.pim.yaml', range: at(0, 0) },
      operations: [],
    },
  ];
  return {
    formatVersion: 1,
    createdAt: '2026-11-26T09:00:00.000Z',
    target: 'http://127.0.0.1:8787',
    fingerprint: 'abcdef0123456789',
    basis: { groups: [], principalRefs: [], managed: {} },
    groups,
    issues: [],
    summary: summarize(groups, []),
  };
}
