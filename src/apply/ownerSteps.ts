// group.owners in the tenant: owners/$ref adds and removes (the group's standing directory owners). Each is
// idempotent the way the service answers a repeat: adding an owner who is one already answers 400 "One or more
// added object references already exist" and removing one who is not answers 404, and both mean the tenant already
// is as the plan wants (a retry after a lost answer, or a change someone made meanwhile).
import { paths } from '../graph/api/paths';
import { GraphRequestError } from '../graph/errors';
import { retryWhileReplicating } from '../graph/replication';
import type { GraphTransport } from '../graph/transport';
import type { OwnerOp } from '../plan/model';
import type { Ledger } from './outcomes';

const alreadyDone = (op: OwnerOp, e: unknown) =>
  e instanceof GraphRequestError &&
  (op.kind === 'addOwner' ? e.status === 400 && /already exist/i.test(e.message) : e.status === 404);

export async function runOwnerOps(
  t: GraphTransport,
  ops: OwnerOp[],
  idOf: (key: string) => string,
  ledger: Ledger,
  stop?: AbortSignal,
): Promise<void> {
  await Promise.all(
    ops.map(async (op) => {
      if (stop?.aborted) return ledger.settle(op, 'cancelled', 'not attempted: apply was cancelled');
      const gid = idOf(op.groupKey);
      try {
        // A group created a moment ago may still be replicating: the directory's 400 for that is retried.
        await retryWhileReplicating(
          () =>
            op.kind === 'addOwner'
              ? t.request(
                  'POST',
                  paths.groupOwnerRefs(gid),
                  { '@odata.id': `${t.baseUrl}/v1.0/directoryObjects/${op.principal.id}` },
                  { idempotent: true },
                )
              : t.request('DELETE', paths.groupOwnerRef(gid, op.principal.id), undefined, { idempotent: true }),
          { signal: stop },
        );
        ledger.settle(op, 'done');
      } catch (e) {
        ledger.settle(op, alreadyDone(op, e) ? 'done' : 'failed', alreadyDone(op, e) ? undefined : e);
      }
    }),
  );
}
