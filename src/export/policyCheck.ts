// The assignment rules of the definition language (PIM030–PIM033), applied to an exported line against the
// exported policy, so export never writes a file the editor would reject.
import type { AssignmentDefinition, RolePolicy } from '../definitions/model';
import { durationMinutes } from '../time';

export function refusedByPolicy(
  a: AssignmentDefinition,
  kind: 'eligible' | 'active',
  policy: RolePolicy | undefined,
): string | undefined {
  const block = kind === 'eligible' ? policy?.eligibility : policy?.assignment;
  if (!block) return undefined;
  if (a.permanent && block.allowPermanent === false) return 'permanent, but the policy requires an expiry';
  const max = block.maxDuration ? durationMinutes(block.maxDuration) : undefined;
  if (
    a.until &&
    max !== undefined &&
    (Date.parse(a.until) - (a.start ? Date.parse(a.start) : Date.now())) / 60_000 > max
  )
    return `longer than the policy's ${block.maxDuration}`;
  if (kind === 'active' && policy?.assignment?.requireJustification && !a.justification)
    return 'no justification on record, which the policy requires';
  if (kind === 'active' && policy?.assignment?.requireTicket && !a.ticket?.number)
    return 'no ticket on record, which the policy requires';
  return undefined;
}
