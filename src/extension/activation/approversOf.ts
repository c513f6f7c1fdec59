// Who approves a group role's activations, by name: the engine reads the role's requirements (its approvers among
// them), for "Waiting for approval by Megan Bowen". Pure: no `vscode`.
import type { Engine } from '../engine/engineLoader';
import { namesOf } from '../common/myAccess/myAccessSource';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;

export async function approverNames(
  engine: Engine,
  t: GraphTransport,
  groupId: string,
  role: 'member' | 'owner',
): Promise<string[]> {
  const requirements = (await engine.activation.requirementsOf(t, [groupId])).get(groupId)?.[role];
  const ids = requirements?.approverIds ?? [];
  const names = await namesOf(engine, t, ids);
  return ids.map((id) => names.get(id) ?? id);
}
