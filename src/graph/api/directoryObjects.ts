// directoryObjects/getByIds, the one bulk lookup of directory objects by id. The service takes at most 1,000 ids a
// request, so longer lists are cut into chunks and sent together in $batch; none is dropped.
import type { BatchOptions } from '../batch';
import type { GraphTransport } from '../transport';
import { paths } from './paths';

export const GET_BY_IDS_LIMIT = 1000;
export type DirectoryObjectType = 'user' | 'group' | 'servicePrincipal';

/** The objects found among `ids` (duplicates asked once; ids not found are simply absent), in the service's order. */
export async function getByIds<T extends { id: string }>(
  t: GraphTransport,
  ids: readonly string[],
  types: readonly DirectoryObjectType[],
  opts: Pick<BatchOptions, 'signal'> = {},
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += GET_BY_IDS_LIMIT) chunks.push(unique.slice(i, i + GET_BY_IDS_LIMIT));
  if (!chunks.length) return [];
  const pages = await t.batch<{ value?: T[] }>(
    chunks.map((c) => ({ method: 'POST', url: paths.getByIds, body: { ids: c, types: [...types] }, idempotent: true })),
    opts,
  );
  return pages.flatMap((page) => {
    if (page.error) throw page.error;
    return page.body?.value ?? [];
  });
}
