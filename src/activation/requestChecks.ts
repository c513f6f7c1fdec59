// An activation request checked before anything is sent: the duration and start as typed (the editor's own
// messages, from src/time), against the PIM floor and the policy's maximum, and what the policy requires
// (justification, ticket). Each problem names the field it is about, so a front end can point at its own input.
import type { ActivationRequirements } from '../tenant/activationRequirements';
import { belowFloorMessage, formatDuration, MIN_ASSIGNMENT_MINUTES, parseDurationInput, parseInstant } from '../time';
import { durationMinutes } from '../time';

export type RequestField = 'duration' | 'start' | 'justification' | 'ticket';

export interface RequestProblem {
  field: RequestField;
  message: string;
}

export interface RequestShape {
  duration?: string;
  start?: string;
  justification?: string;
  ticket?: { number?: string };
}

export interface CheckedRequest {
  problems: RequestProblem[];
  /** Canonical ISO duration, or undefined when none was given (the policy's maximum is used). */
  duration?: string;
  /** Canonical instant, or undefined for now. */
  start?: string;
  /** The start is later than now (a scheduled activation). */
  startsLater: boolean;
}

/** A start this much before now is taken as "now" (clocks differ, people type slowly); earlier is an error. */
const PAST_TOLERANCE_MS = 5 * 60_000;

export function checkActivationRequest(
  req: RequestShape,
  r: ActivationRequirements | undefined,
  nowMs: number,
): CheckedRequest {
  const problems: RequestProblem[] = [];
  let duration: string | undefined;
  if (req.duration !== undefined) {
    const p = parseDurationInput(req.duration);
    if (!p.ok) problems.push({ field: 'duration', message: p.message });
    else if (p.minutes < MIN_ASSIGNMENT_MINUTES)
      problems.push({ field: 'duration', message: belowFloorMessage('An activation') });
    else {
      duration = p.canonical;
      const max = r?.maxDuration ? durationMinutes(r.maxDuration) : undefined;
      if (max !== undefined && p.minutes > max)
        problems.push({
          field: 'duration',
          message: `The group's policy allows an activation of at most ${formatDuration(max)}; '${req.duration}' is longer.`,
        });
    }
  }
  let start: string | undefined;
  let startsLater = false;
  if (req.start !== undefined) {
    const p = parseInstant(req.start);
    if (!p.ok) problems.push({ field: 'start', message: p.message });
    else if (p.epochMs < nowMs - PAST_TOLERANCE_MS)
      problems.push({ field: 'start', message: `'${req.start}' is in the past; leave the start out to begin now.` });
    else {
      start = p.canonical;
      startsLater = p.epochMs > nowMs;
    }
  }
  if (r?.requireJustification && !req.justification?.trim())
    problems.push({ field: 'justification', message: "The group's policy requires a justification." });
  if (r?.requireTicket && !req.ticket?.number?.trim())
    problems.push({ field: 'ticket', message: "The group's policy requires a ticket number." });
  return { problems, duration, start, startsLater };
}
