// Team: a Microsoft 365 group's Team (and its SharePoint site). Only ever added; a Team is not removed by a plan.
import type { Bindings } from '../../definitions/model';
import type { BindingKindSpec } from '../kind';
import { isStatus } from '../httpStatus';
import { retryWhileReplicating } from '../../graph/replication';
import { paths } from '../../graph/api/paths';

export const team: BindingKindSpec<'team'> = {
  kind: 'team',
  field: 'team',

  read: ({ groups, existing }) => ({
    batch: existing
      .filter((g) => g.type === 'microsoft365')
      .map((g) => ({
        version: 'v1.0' as const,
        url: paths.groupTeamId(g.id!),
        absentOn404: true,
        use: () => {
          groups[g.key].team = true;
        },
      })),
  }),

  plan: (ctx) => {
    const { def } = ctx;
    if (def.group.type !== 'microsoft365')
      ctx.error(
        ['team'],
        `Only a Microsoft 365 group can have a Team; '${def.group.displayName}' is ${def.group.type}.`,
      );
    else if (!ctx.readFailed()) {
      ctx.grant('membership of the Team and its SharePoint site');
      if (!ctx.actual.team)
        ctx.op(
          'team',
          'add',
          { binding: 'team' },
          `create the Team of '${def.group.displayName}' (and its SharePoint site)`,
          null,
          'team',
          ['team'],
        );
    }
  },

  apply: async (t, _op, gid) => {
    // A Team needs an owner; a group that pim-groups just created has none, so the identity applying becomes one.
    const owners = await t.getAll<{ id: string }>(paths.groupOwnerIds(gid));
    if (!owners.length) {
      // An app signed in with its own credentials (a pipeline) has no /me: Graph answers 400.
      const me = await t.get<{ id: string }>(paths.myId).catch((e) => {
        if (isStatus(e, 400))
          throw new Error(
            'A Team needs an owner and the group has none; an app cannot make itself one: add an owner to the group, or apply this definition signed in as a person.',
          );
        throw e;
      });
      // A new group may still be replicating (400, retried); a repeat of an add whose answer was lost says the
      // reference already exists, which is the outcome wanted.
      await retryWhileReplicating(() =>
        t.request(
          'POST',
          paths.groupOwnerRefs(gid),
          { '@odata.id': `${t.baseUrl}/v1.0/directoryObjects/${me.id}` },
          { idempotent: true },
        ),
      ).catch((e) => {
        if (!(isStatus(e, 400) && /already exist/i.test((e as Error).message))) throw e;
      });
    }
    try {
      await t.request('PUT', paths.groupTeam(gid), {}, { idempotent: true });
    } catch (e) {
      if (!isStatus(e, 409)) throw e;
    }
  },

  present: (_op, g) => g.team,

  export: (s): Partial<Bindings> => (s.team ? { team: true } : {}),

  notes: (op) =>
    op.action === 'add'
      ? ['a Team needs an owner: when the group has none, the identity applying becomes its owner']
      : [],
};
