// The sandbox process of bench:plan: N PIM-enabled groups with 4 eligible and 1 active member assignment each,
// 50 ms added to every answer. Reports back what the definitions need: group names, principals, end dates.
import { startSandbox } from '../../src/sandbox';
import { addGroup, addSchedule, addUser } from '../../src/sandbox/seed/build';
import { serveSandboxChild } from './sandboxProcess';

export interface PlanSandboxSetup {
  groups: number;
  latencyMs: number;
}

export interface GroupSpec {
  name: string;
  eligible: { upn: string; until: string }[];
  active: { upn: string; until: string };
}

void serveSandboxChild(async (raw) => {
  const setup = raw as PlanSandboxSetup;
  const sb = await startSandbox({ seed: 'empty', latencyMs: setup.latencyMs });
  const state = sb.state;
  const now = Date.now();
  const start = new Date(now - 86_400_000).toISOString(),
    end = new Date(now + 60 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const admin = Object.values(state.users)[0];
  const users = Array.from({ length: 200 }, (_, i) =>
    addUser(state, `bench.user${i}@${state.tenant.domain}`, `Bench User ${i}`),
  );
  const specs: GroupSpec[] = [];
  for (let g = 0; g < setup.groups; g++) {
    const group = addGroup(state, `bench-group-${g}`, start, { pimOnboarded: true });
    const pick = (k: number) => users[(g * 5 + k) % users.length];
    for (let k = 0; k < 4; k++)
      addSchedule(state, {
        kind: 'eligibility',
        group,
        principal: pick(k),
        accessId: 'member',
        start,
        end,
        createdById: admin.id,
      });
    addSchedule(state, {
      kind: 'assignment',
      group,
      principal: pick(4),
      accessId: 'member',
      start,
      end,
      createdById: admin.id,
      justification: 'on call',
    });
    specs.push({
      name: `bench-group-${g}`,
      eligible: [0, 1, 2, 3].map((k) => ({ upn: pick(k).userPrincipalName, until: end })),
      active: { upn: pick(4).userPrincipalName, until: end },
    });
  }
  return {
    url: sb.url,
    info: specs,
    // The log keeps the latest entries only; its sequence numbers count every request served.
    requestCount: () => sb.requestLog.at(-1)?.seq ?? 0,
    close: () => sb.close(),
  };
});
