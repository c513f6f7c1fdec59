// The plan as JSON (formatVersion 1, docs/plan-format.md): the same object apply reads back with --plan. Never
// redacted: it holds the user's names and justifications, which apply must send exactly as written.
import { Plan, PLAN_FORMAT_VERSION } from '../model';

export function renderJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

export function parsePlanJson(text: string): Plan {
  const plan = JSON.parse(text) as Plan;
  if (plan?.formatVersion !== PLAN_FORMAT_VERSION)
    throw new Error(
      `This plan has formatVersion ${plan?.formatVersion ?? '(none)'}; this version of pim-groups reads formatVersion ${PLAN_FORMAT_VERSION}. Make a new plan.`,
    );
  if (!Array.isArray(plan.groups) || typeof plan.fingerprint !== 'string' || !plan.basis)
    throw new Error('This file is not a pim-groups plan (groups, fingerprint or basis missing).');
  const known = new Set([
    'createGroup',
    'updateGroup',
    'onboardGroup',
    'updatePolicyRule',
    'addAssignment',
    'updateAssignment',
    'removeAssignment',
    'addOwner',
    'removeOwner',
    'binding',
  ]);
  const unknown = plan.groups.flatMap((g) => g.operations).find((o) => !known.has(o.kind));
  if (unknown)
    throw new Error(
      `This plan has an operation of kind '${unknown.kind}' that this version of pim-groups cannot apply; upgrade pim-groups or make a new plan.`,
    );
  return plan;
}
