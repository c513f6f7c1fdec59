// The durations offered when activating or extending: 30-minute steps up to the policy's maximum (PIM's own
// steps; activations last between 30 minutes and 24 hours). Pure: no `vscode`.
import { durationInWords, durationToMinutes, minutesToDuration } from '../shared/timeInWords';

export const PIM_MAX_ACTIVATION_MINUTES = 24 * 60;
const STEP = 30;

export interface DurationChoice { label: string; duration: string; minutes: number; isMaximum: boolean }

/** Ascending choices; without a policy maximum PIM's own 24 hours bound the list. */
export function durationChoices(maxDuration: string | undefined): DurationChoice[] {
  const max = Math.min((maxDuration && durationToMinutes(maxDuration)) || PIM_MAX_ACTIVATION_MINUTES, PIM_MAX_ACTIVATION_MINUTES);
  const out: DurationChoice[] = [];
  for (let minutes = STEP; minutes <= max; minutes += STEP) out.push(choice(minutes, false));
  // A maximum that is not a multiple of 30 minutes (e.g. PT45M) is offered as itself.
  if (!out.length || out[out.length - 1].minutes !== max) out.push(choice(max, true));
  out[out.length - 1].isMaximum = true;
  return out;
}

function choice(minutes: number, isMaximum: boolean): DurationChoice {
  const duration = minutesToDuration(minutes);
  return { label: durationInWords(duration), duration, minutes, isMaximum };
}
