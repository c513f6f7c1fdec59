// Tenant facts an assignment meets at apply time: the role policy's fields the file does not manage (those the
// file manages are checked by the definitions rules already, in the editor and in validate).
import type { AssignmentDefinition } from '../definitions/model';
import { durationMinutes } from '../time';
import type { PlanIssue } from './model';
import type { AssignmentPlanInput } from './planAssignments';
import { specMinutes, specOf } from './schedules';

export function checkAgainstPolicy(
  input: AssignmentPlanInput,
  kind: 'eligible' | 'active',
  a: AssignmentDefinition,
  spec: ReturnType<typeof specOf>,
  source: PlanIssue['source'],
): PlanIssue[] {
  const out: PlanIssue[] = [];
  const block = kind === 'eligible' ? 'eligibility' : 'assignment';
  const key = input.def.metadata.name;
  const tenant = (path: string) => {
    const v = input.policy(a.role, path);
    return v.managed ? undefined : v.value;
  };
  const allowPermanent = tenant(`${block}.allowPermanent`);
  const maxDuration = tenant(`${block}.maxDuration`) as string | undefined;
  const what = `${kind} ${a.role} assignment of ${a.principal}`;
  if (spec.permanent && allowPermanent === false) {
    out.push({
      severity: 'error',
      code: 'PIM207',
      groupKey: key,
      source,
      message: `The tenant's ${a.role} policy requires an expiry for ${kind} assignments, so the permanent ${what} would be refused. Give it a duration or until, or manage ${block}.allowPermanent in the file.`,
    });
  }
  const minutes = specMinutes(spec, input.now);
  const max = maxDuration ? durationMinutes(maxDuration) : undefined;
  if (!spec.permanent && minutes !== undefined && max !== undefined && minutes > max + 1) {
    out.push({
      severity: 'error',
      code: 'PIM208',
      groupKey: key,
      source,
      message: `The ${what} is longer than the tenant's ${a.role} policy allows (${block}.maxDuration ${maxDuration}); shorten it or manage ${block}.maxDuration in the file.`,
    });
  }
  if (kind === 'active') {
    if (tenant('assignment.requireJustification') === true && !a.justification)
      out.push({
        severity: 'error',
        code: 'PIM209',
        groupKey: key,
        source,
        message: `The tenant's ${a.role} policy requires a justification for active assignments; add justification to the ${what}.`,
      });
    if (tenant('assignment.requireTicket') === true && !a.ticket?.number)
      out.push({
        severity: 'error',
        code: 'PIM210',
        groupKey: key,
        source,
        message: `The tenant's ${a.role} policy requires a ticket for active assignments; add ticket to the ${what}.`,
      });
  }
  return out;
}
