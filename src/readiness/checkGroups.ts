// The definitions' groups as the tenant has them: which exist, which are onboarded to PIM, and which PIM refuses
// (dynamic membership, synced from on-premises) or cannot be told apart (two groups with the same name). A group
// whose definition says `onboard: false` is deliberately kept out of PIM: apply never onboards it, so the report
// says so instead of promising an onboarding (the plan still refuses a dynamic or synced one, so those still fail).
import type { GroupMatch } from '../tenant/groupLookup';
import { groupOf } from '../tenant/convert';
import type { Outcome, ReadinessResult } from './model';

export function groupsCheck(
  lookups: Outcome<{ key: string; match: GroupMatch }[]>,
  onboarded: Outcome<Set<string>>,
  keptOut: ReadonlySet<string> = new Set(),
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
    exist = 0,
    keptOutCount = 0;
  for (const { key, match } of [...lookups.value].sort((a, b) => a.key.localeCompare(b.key))) {
    const out = keptOut.has(key);
    if (out) keptOutCount++;
    if (match.state === 'absent')
      details.push(`${key}: does not exist yet (apply creates it${out ? ', kept out of PIM: onboard: false' : ''})`);
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
        `${key}: exists${onboarded.ok ? onboarding(g.onboarded, out) : ''}${refusedWhy ? `; PIM refuses it: ${refusedWhy}` : ''}`,
      );
    }
  }
  const counts = `${lookups.value.length} group(s): ${exist} exist${onboarded.ok ? `, ${onboardedCount} onboarded` : ''}${keptOutCount ? `, ${keptOutCount} kept out of PIM` : ''}`;
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

/** What apply does about onboarding: onboard it, nothing (already onboarded), or nothing because the file says so. */
function onboarding(onboarded: boolean, keptOut: boolean): string {
  if (!keptOut) return onboarded ? ', onboarded to PIM' : ', not onboarded yet (apply onboards it)';
  return onboarded
    ? ', onboarded to PIM although its definition says onboard: false (a group never leaves PIM; the plan warns, PIM218)'
    : ', not onboarded, kept out of PIM (onboard: false)';
}
