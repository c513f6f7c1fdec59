// Hand-built tenants for planner tests: the shapes the reader returns, without HTTP.
import { loadWorkspace } from '../../../src/definitions';
import type { Role, Workspace } from '../../../src/definitions/model';
import type { ActualGroup, ActualPrincipal, ActualSchedule, ActualState } from '../../../src/tenant/actualState';
import { defaultPolicyRules, rulesById } from '../../../src/plan/defaultPolicy';
import { principalKey } from '../../../src/definitions/principalReference';
import type { GraphRule } from '../../../src/graph/types';

export const NOW = new Date('2026-11-26T10:00:00Z');
export const GROUP_ID = '11111111-1111-4111-8111-111111111111';

export function workspace(yaml: string): Workspace {
  const ws = loadWorkspace([{ path: 'groups/helpdesk.pim.yaml', text: yaml }], { now: NOW });
  const errors = ws.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(errors.map((f) => f.message).join('\n'));
  return ws;
}

export const people: ActualPrincipal[] = [
  { id: 'a0000000-0000-4000-8000-00000000000a', kind: 'user', ref: 'user:alice@contoso.com' },
  { id: 'b0000000-0000-4000-8000-00000000000b', kind: 'user', ref: 'user:bob@contoso.com' },
  { id: 'c0000000-0000-4000-8000-00000000000c', kind: 'user', ref: 'user:lead@contoso.com' },
  { id: 'd0000000-0000-4000-8000-00000000000d', kind: 'group', ref: 'group:Helpdesk Leads' },
];
export const id = (ref: string) => people.find((p) => p.ref === ref)!.id;

export function policy(overrides: (rules: Record<string, GraphRule>) => void = () => undefined) {
  const rules = rulesById(defaultPolicyRules());
  overrides(rules);
  return { policyId: `Group_${GROUP_ID}_p`, assignmentId: `Group_${GROUP_ID}_p_member`, rules };
}

export function schedule(
  ref: string,
  kind: 'eligible' | 'active',
  opts: Partial<ActualSchedule> & { days?: number } = {},
): ActualSchedule {
  const start = opts.start ?? '2026-11-01T00:00:00.000Z';
  const end = opts.permanent
    ? null
    : (opts.end ?? new Date(Date.parse(start) + (opts.days ?? 30) * 86_400_000).toISOString());
  return {
    id: `${GROUP_ID}_member_${id(ref)}_${kind}`,
    principalId: id(ref),
    role: 'member' as Role,
    kind,
    start,
    end,
    permanent: Boolean(opts.permanent),
    memberType: 'Direct',
    ...(kind === 'active' ? { assignmentType: 'Assigned' } : {}),
    ...opts,
  };
}

export function group(partial: Partial<ActualGroup> = {}): ActualGroup {
  return {
    id: GROUP_ID,
    displayName: 'PIM-Helpdesk',
    description: null,
    type: 'security',
    mailNickname: 'pim-helpdesk',
    dynamic: false,
    synced: false,
    onboarded: true,
    policies: { member: policy(), owner: policy() },
    schedules: [],
    ...partial,
  };
}

export function tenant(g: ActualGroup | 'absent', key = 'helpdesk'): ActualState {
  const principals: ActualState['principals'] = {};
  for (const p of people) principals[principalKey(p.ref)] = { state: 'found', principal: p };
  return {
    readAt: NOW.toISOString(),
    groups: { [key]: g === 'absent' ? { state: 'absent' } : { state: 'found', group: g } },
    principals,
    directory: Object.fromEntries(people.map((p) => [p.id, p])),
  };
}

export const HEADER = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: helpdesk
group:
  displayName: PIM-Helpdesk
`;
