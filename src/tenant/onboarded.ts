// Which groups are onboarded to PIM. The list is documented in beta (`group/resources`); a v1.0 page exists but is
// UNCONFIRMED as GA, so we ask v1.0 first and fall back to beta when v1.0 does not know the segment.
import { paths } from '../graph/api/paths';
import { GraphRequestError } from '../graph/errors';
import type { GraphTransport } from '../graph/transport';

export async function listOnboardedGroupIds(t: GraphTransport, signal?: AbortSignal): Promise<Set<string>> {
  let items: { id: string }[];
  try {
    items = await t.getAll<{ id: string }>(paths.resources, { signal });
  } catch (e) {
    if (!(e instanceof GraphRequestError) || (e.status !== 400 && e.status !== 404)) throw e;
    items = await t.getAll<{ id: string }>(paths.resources, { signal, version: 'beta' });
  }
  return new Set(items.map((i) => i.id.toLowerCase()));
}
