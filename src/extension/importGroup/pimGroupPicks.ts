// The quick pick of the tenant's PIM-enabled groups: the onboarded ids, named through the engine's getByIds rather
// than one request per group.
import type { Engine } from '../engine/engineLoader';
import type { PickItem } from '../infrastructure/userInput';

type GraphTransport = InstanceType<Engine['graph']['GraphTransport']>;
interface NamedGroup {
  id: string;
  displayName?: string;
  description?: string | null;
  mailNickname?: string;
}

export async function pimGroupPicks(
  engine: Engine,
  t: GraphTransport,
  signal?: AbortSignal,
): Promise<PickItem<string>[]> {
  const ids = [...(await engine.graph.listOnboardedGroupIds(t, signal))];
  const named = await engine.graph.getByIds<NamedGroup>(t, ids, ['group'], { signal });
  return named
    .map((g) => ({ label: g.displayName ?? g.id, description: g.description ?? undefined, detail: g.id, value: g.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
