// Extra load for benchmarks: N PIM-enabled groups with M eligible members each (users are shared).
import { addGroup, addSchedule, addUser } from './build';
import type { SbState } from '../types';

export function addBulk(state: SbState, groups: number, perGroup: number, now: Date): void {
  const admin = Object.values(state.users)[0];
  const users = Array.from({ length: Math.max(perGroup, 50) }, (_, i) =>
    addUser(state, `bulk.user${i}@${state.tenant.domain}`, `Bulk User ${i}`),
  );
  const start = new Date(now.getTime() - 86_400_000).toISOString(),
    end = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  for (let g = 0; g < groups; g++) {
    const group = addGroup(state, `bulk-group-${g}`, start, { pimOnboarded: true });
    for (let a = 0; a < perGroup; a++) {
      addSchedule(state, {
        kind: a % 2 ? 'assignment' : 'eligibility',
        group,
        principal: users[(g + a) % users.length],
        accessId: 'member',
        start,
        end,
        createdById: admin.id,
      });
    }
  }
}
