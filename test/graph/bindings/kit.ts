// Shared by the bindings graph tests: a one-group definition with given bindings, plan/apply through the engine.
import type { Workspace } from '../../../src/definitions/model';
import { allOperations, BindingOp, Plan } from '../../../src/plan/model';
import { Harness, workspaceOf } from '../harness/harness';

export const SUB = '8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b';
export const RG = (name: string) => `/subscriptions/${SUB}/resourceGroups/${name}`;

/** An existing onboarded group of the demo tenant, with only `bindings:` managed. */
export function groupWith(bindingsYaml: string, group = 'PIM-Intune-Helpdesk', type = 'security'): Workspace {
  const ws = workspaceOf(`apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: target }
group: { displayName: ${group}, type: ${type} }
bindings:
${bindingsYaml.replace(/^/gm, '  ')}
`);
  const errors = ws.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(errors.map((f) => f.message).join('\n'));
  return ws;
}

export const bindingOps = (plan: Plan) => allOperations(plan).filter((o): o is BindingOp => o.kind === 'binding');
export const issueText = (plan: Plan) => plan.issues.map((i) => `${i.severity} ${i.code}: ${i.message}`).join('\n');

/** The object id of a seeded group, by display name (the binding tests bind PIM-Intune-Helpdesk). */
export async function groupIdOf(h: Harness, displayName = 'PIM-Intune-Helpdesk'): Promise<string> {
  return (await h.t.get<{ value: { id: string }[] }>(`/groups?$filter=displayName eq '${displayName}'`)).value[0].id;
}
