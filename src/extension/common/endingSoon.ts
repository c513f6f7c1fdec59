// The mark on an eligible or active assignment that ends soon ("ends in 3 days"), shared by the Groups and My Access
// trees. The window and the wording are the plan's (PIM222) and the expiring report's, so all three agree.
// Pure: no `vscode`.
import { ENDING_SOON_MINUTES, endsIn, endsWithin } from '../../time';

/** "ends in 3 days" when `end` falls within the window from `now`; undefined otherwise (or permanent). */
export function endingSoon(end: string | null | undefined, now: number = Date.now()): string | undefined {
  return endsWithin(end, now, ENDING_SOON_MINUTES) ? endsIn(Date.parse(end!), now) : undefined;
}

export const ENDING_SOON_ADVICE = 'PIM does not renew it: re-apply its definition or ask an admin to extend it.';
