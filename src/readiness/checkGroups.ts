// The definitions' groups as the tenant has them: which exist, which are onboarded to PIM, and which PIM refuses
// (dynamic membership, synced from on-premises) or cannot be told apart (two groups with the same name).
import type { GroupMatch } from '../tenant/groupLookup';
import { groupOf } from '../tenant/convert';
import type { Outcome, ReadinessResult } from './model';

export function groupsCheck(
  lookups: Outcome<{ key: string; match: GroupMatch }[]>,
  onboarded: Outcome<Set<string>>,
): ReadinessResult {
  if (!lookups.ok)
    return {
      id: 'groups',
      status: 'fail',
      what: `Could not look up the definitions' groups: ${lookups.error}`,
      fix: 'Grant GroupMember.Read.All or Group.Read.All; see docs/permissions.md.',
    };
  const details: string[] = [];
  let refused = 0,
    onboardedCount = 0,
    exist = 0;
  for (const { key, match } of lookups.value) {
    if (match.state === 'absent') details.push(`${key}: does not exist yet (apply creates it)`);
    else if (match.state === 'ambiguous') {
      refused++;
      details.push(`${key}: ${match.ids.length} groups have this name (give the definition the group's id)`);
    } else {
      exist++;
      const g = groupOf(match.group, onboarded.ok && onboarded.value.has(match.group.id.toLowerCase()));
      if (g.onboarded) onboardedCount++;
      const refusedWhy = g.dynamic ? 'dynamic membership' : g.synced ? 'synced from on-premises' : undefined;
      if (refusedWhy) refused++;
      details.push(
        `${key}: exists${onboarded.ok ? (g.onboarded ? ', onboarded to PIM' : ', not onboarded yet (apply onboards it)') : ''}${refusedWhy ? `; PIM refuses it: ${refusedWhy}` : ''}`,
      );
    }
  }
  const counts = `${lookups.value.length} group(s): ${exist} exist${onboarded.ok ? `, ${onboardedCount} onboarded` : ''}`;
  if (refused)
    return {
      id: 'groups',
      status: 'fail',
      what: `${counts}; PIM cannot manage ${refused} of them.`,
      fix: 'PIM for Groups refuses dynamic and on-premises-synced groups: point those definitions at assigned, cloud-only groups (or a new group); name a group by id where several share its name.',
      details,
    };
  if (!onboarded.ok)
    return {
      id: 'groups',
      status: 'warn',
      what: `${counts}; could not read which are onboarded to PIM: ${onboarded.error}`,
      fix: 'Grant PrivilegedAccess.Read.AzureADGroup; see docs/permissions.md.',
      details,
    };
  return { id: 'groups', status: 'pass', what: `${counts}.`, details };
}
