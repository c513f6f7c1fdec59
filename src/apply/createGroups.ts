// Creating groups so that a lost answer can never make a second one: each group is upserted by its uniqueName
// (`PATCH /groups(uniqueName='pim-groups.<metadata.name>')` with `Prefer: create-if-missing`), which is idempotent,
// so the transport retries it like a read. 201 carries the new group; 204 means a group with that key already
// existed (an earlier run whose answer was lost, or a plan made while the directory still hid the group from
// `$filter`), whose id is then read by the same key, waiting out replication with bounded, jittered backoff.
import { paths } from '../graph/api/paths';
import type { GraphTransport } from '../graph/transport';
import type { GraphGroup } from '../graph/types';
import type { CreateGroupOp } from '../plan/model';
import type { Ledger } from './outcomes';
import { pollUntil, PollOptions } from './poll';
import { createGroupRequest, uniqueNameOf } from './requests';
import { visibleGroups } from './tenantReads';

export async function createGroups(
  t: GraphTransport,
  ops: CreateGroupOp[],
  ledger: Ledger,
  ids: Map<string, string>,
  poll: PollOptions,
  stop?: AbortSignal,
): Promise<void> {
  if (!ops.length) return;
  const res = await t.batch<GraphGroup | undefined>(ops.map(createGroupRequest), { stopSignal: stop });
  const existed: CreateGroupOp[] = [];
  const unsure: { op: CreateGroupOp; error: unknown }[] = [];
  ops.forEach((op, i) => {
    const r = res[i];
    if (r.cancelled) ledger.settle(op, 'cancelled', 'not attempted: apply was cancelled');
    else if (r.error && (r.status >= 500 || r.status === 0)) unsure.push({ op, error: r.error });
    else if (r.error) ledger.settle(op, 'failed', r.error);
    else if (r.body?.id) ids.set(op.groupKey, r.body.id);
    else existed.push(op);
  });
  if (unsure.length) await lookAfterFailure(t, unsure, ledger, ids);
  if (existed.length) await readExisting(t, existed, ledger, ids, poll);
  const created = ops.filter((op) => ids.has(op.groupKey) && !ledger.status(op.id));
  try {
    await pollUntil(
      async () => {
        const seen = await visibleGroups(
          t,
          created.map((op) => ids.get(op.groupKey)!),
        );
        return seen.size === created.length ? true : undefined;
      },
      'new groups to become visible',
      poll,
    );
    for (const op of created) ledger.settle(op, 'done');
  } catch (e) {
    for (const op of created) ledger.settle(op, 'failed', e);
  }
}

/** Every attempt failed, but one may have landed with its answer lost: the group by its key decides. */
async function lookAfterFailure(
  t: GraphTransport,
  unsure: { op: CreateGroupOp; error: unknown }[],
  ledger: Ledger,
  ids: Map<string, string>,
): Promise<void> {
  const res = await t.batch<GraphGroup>(
    unsure.map(({ op }) => ({
      method: 'GET' as const,
      url: `${paths.groupByUniqueName(uniqueNameOf(op))}?$select=id`,
    })),
  );
  unsure.forEach(({ op, error }, i) => {
    if (res[i].body?.id) ids.set(op.groupKey, res[i].body.id);
    else ledger.settle(op, 'failed', error);
  });
}

/** Ids of groups that the upsert found (204, no body), read by uniqueName; a 404 is replication lag and waited out. */
async function readExisting(
  t: GraphTransport,
  ops: CreateGroupOp[],
  ledger: Ledger,
  ids: Map<string, string>,
  poll: PollOptions,
): Promise<void> {
  let pending = ops;
  try {
    await pollUntil(
      async () => {
        const res = await t.batch<GraphGroup>(
          pending.map((op) => ({
            method: 'GET' as const,
            url: `${paths.groupByUniqueName(uniqueNameOf(op))}?$select=id`,
          })),
        );
        const still: CreateGroupOp[] = [];
        pending.forEach((op, i) => {
          const r = res[i];
          if (r.body?.id) ids.set(op.groupKey, r.body.id);
          else if (r.status === 404) still.push(op);
          else ledger.settle(op, 'failed', r.error ?? 'the group was not readable by its uniqueName');
        });
        pending = still;
        return pending.length ? undefined : true;
      },
      'groups created earlier to become readable by uniqueName',
      poll,
    );
  } catch (e) {
    for (const op of pending) ledger.settle(op, 'failed', e);
  }
}
