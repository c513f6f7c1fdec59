// Who approves a group role's activations, by name: read from the role's policy (Approval_EndUser_Assignment),
// for "Waiting for approval by Megan Bowen". Pure: no `vscode`.
import type { Engine } from '../engine/engineLoader';
import { policyFacts } from '../common/policySummary';
import { namesOf } from '../common/myAccess/myAccessSource';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;

interface PolicyAssignment {
  roleDefinitionId?: string;
  policy?: { rules?: ({ id: string } & Record<string, unknown>)[] };
}

export async function approverNames(
  engine: Engine,
  t: GraphTransport,
  groupId: string,
  role: string,
): Promise<string[]> {
  const page = await t.get<{ value?: PolicyAssignment[] }>(engine.graph.paths.policyAssignments(groupId));
  const assignment = (page.value ?? []).find((a) => a.roleDefinitionId?.toLowerCase() === role);
  const rules = Object.fromEntries((assignment?.policy?.rules ?? []).map((r) => [r.id, r]));
  const ids = policyFacts(rules).approverIds;
  const names = await namesOf(engine, t, ids);
  return ids.map((id) => names.get(id) ?? id);
}
