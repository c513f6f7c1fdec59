// The durations offered when activating or extending, shortest first. With the policy's maximum known: 30-minute
// steps up to it (PIM's own steps; activations last between 30 minutes and 24 hours), the last one marked as the
// maximum. Unknown: a few common durations, none called a maximum (a guess is never labelled as the policy's).
// Pure: no `vscode`.
import { ACTIVATION_STEP_MINUTES, durationInWords, durationMinutes, MAX_ACTIVATION_MINUTES } from '../../time';

const COMMON_MINUTES = [30, 60, 120, 240, 480, 720, 1440];

export interface DurationChoice {
  label: string;
  duration: string;
  minutes: number;
  isMaximum: boolean;
}

/** Ascending choices: up to the policy's maximum when known, else the common durations (none is a maximum). */
export function durationChoices(maxDuration: string | undefined): DurationChoice[] {
  const known = maxDuration ? durationMinutes(maxDuration) : undefined;
  if (!known) return COMMON_MINUTES.map((m) => choice(m, false));
  const max = Math.min(known, MAX_ACTIVATION_MINUTES);
  const out: DurationChoice[] = [];
  for (let minutes = ACTIVATION_STEP_MINUTES; minutes <= max; minutes += ACTIVATION_STEP_MINUTES)
    out.push(choice(minutes, false));
  // A maximum that is not a multiple of 30 minutes (e.g. PT45M) is offered as itself.
  if (!out.length || out[out.length - 1].minutes !== max) out.push(choice(max, false));
  out[out.length - 1].isMaximum = true;
  return out;
}

/** After PIM refused `refused` (ExpirationRule) with the maximum unknown: the common durations shorter than it. */
export function shorterThan(refused: string): DurationChoice[] {
  const minutes = durationMinutes(refused) ?? 0;
  return durationChoices(undefined).filter((c) => c.minutes < minutes);
}

function choice(minutes: number, isMaximum: boolean): DurationChoice {
  const duration = inHours(minutes);
  return { label: durationInWords(duration), duration, minutes, isMaximum };
}

/**
 * Minutes → an activation length in hours and minutes (90 → PT1H30M, 1440 → PT24H): activations last at most a day,
 * so the request says hours as the portal's choices do, where the definitions' canonical spelling would say P1D.
 */
function inHours(minutes: number): string {
  const h = Math.floor(minutes / 60),
    m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}
