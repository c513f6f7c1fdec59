// Runs every readiness check against a tenant for a set of definitions. The reads go out together and each stands
// alone: a read the token may not make fails its own check and never hides the others. They are the engine's own
// reads (the directory look-up and onboarded list of the reader, the bindings reader, subscribedSkus), so what
// passes here is what plan and apply will meet.
import type { Workspace } from '../definitions/model';
import { paths } from '../graph/api/paths';
import { batchGetAll } from '../graph/batch';
import type { GraphTransport } from '../graph/transport';
import { BINDING_KINDS, bindingsReadScopeOf } from '../bindings/registry';
import { readBindingsState } from '../bindings/readBindings';
import { readScopeOf, RecordContext } from '../plan';
import { groupQueryOf, matchGroup } from '../tenant/groupLookup';
import { listOnboardedGroupIds } from '../tenant/onboarded';
import type { SubscribedSku } from '../tenant/pimLicences';
import { resolveDirectory } from '../tenant/resolveDirectory';
import type { BindingKind } from '../tenant/bindingsState';
import { bindingChecks } from './checkBindings';
import { groupsCheck } from './checkGroups';
import { licenceCheck } from './checkLicence';
import { permissionsCheck } from './checkPermissions';
import { GroupAccess, roleCovers, rolesCheck } from './checkRoles';
import { Outcome, ReadinessReport, settle } from './model';
import type { PermissionCommand } from './permissions';

export interface ReadinessOptions {
  target: string;
  /** Commands whose permissions are checked (default plan and apply). */
  commands?: PermissionCommand[];
  record?: RecordContext;
  signal?: AbortSignal;
}

interface DirectoryRole {
  '@odata.type'?: string;
  displayName?: string;
}

export async function runReadiness(
  t: GraphTransport,
  ws: Pick<Workspace, 'groups' | 'templates'>,
  opts: ReadinessOptions,
): Promise<ReadinessReport> {
  const { signal } = opts;
  const scope = readScopeOf(ws, opts.record);
  const bindingsScope = bindingsReadScopeOf(ws.groups);
  const kinds = new Set<BindingKind>(bindingsScope?.kinds ?? []);
  const grants = await settle(() => t.grants(signal));
  const appOnly = grants.ok && grants.value?.appOnly === true;

  const [skus, lookups, onboarded, roles] = await Promise.all([
    settle(() => t.getAll<SubscribedSku>(paths.subscribedSkus, { signal })),
    settle(async () => {
      const dir = await resolveDirectory(t, { ...groupQueryOf(scope.groups), principalRefs: [], ids: [] }, signal);
      return scope.groups.map((ref) => ({ key: ref.key, match: matchGroup(ref, dir) }));
    }),
    settle(() => listOnboardedGroupIds(t, signal)),
    appOnly
      ? Promise.resolve<Outcome<string[]>>({ ok: true, value: [] })
      : settle(async () =>
          (await t.getAll<DirectoryRole>(paths.myTransitiveMemberOf, { signal }))
            .filter((o) => o['@odata.type']?.toLowerCase() === '#microsoft.graph.directoryrole')
            .map((o) => o.displayName ?? '?'),
        ),
  ]);

  const found = lookups.ok
    ? lookups.value.flatMap(({ key, match }) => (match.state === 'found' ? [{ key, group: match.group }] : []))
    : [];
  const [catalog, access] = await Promise.all([
    settle(async () => {
      if (!bindingsScope) return undefined;
      const groups = found.map(({ key, group }) => ({
        key,
        id: group.id,
        type: (group.groupTypes ?? []).some((x) => x.toLowerCase() === 'unified')
          ? ('microsoft365' as const)
          : ('security' as const),
      }));
      return (
        await readBindingsState(BINDING_KINDS, t, { kinds, azureScopes: bindingsScope.azureScopes, groups }, signal)
      ).catalog;
    }),
    groupAccess(t, found, appOnly || !roles.ok ? undefined : roles.value, signal),
  ]);

  const licensedUsers = scope.principalRefs.filter((r) => r.toLowerCase().startsWith('user:')).length;
  const commands = opts.commands ?? ['plan', 'apply'];
  return {
    target: opts.target,
    results: [
      licenceCheck(skus, licensedUsers),
      ...commands.map((c) => permissionsCheck(grants.ok ? grants.value : undefined, c, kinds)),
      rolesCheck(appOnly, roles, access),
      ...bindingChecks([...kinds].sort(), catalog.ok ? { ok: true, value: catalog.value! } : catalog),
      groupsCheck(
        lookups,
        onboarded,
        new Set(ws.groups.filter((g) => g.group.onboard === false).map((g) => g.metadata.name)),
      ),
    ],
  };
}

/** Each existing group's role-assignability, and whether the caller owns it where no role of theirs covers it. */
async function groupAccess(
  t: GraphTransport,
  found: { key: string; group: { id: string; isAssignableToRole?: boolean | null } }[],
  roles: string[] | undefined,
  signal?: AbortSignal,
): Promise<GroupAccess[]> {
  const access = found.map(({ key, group }) => ({
    name: key,
    id: group.id,
    roleAssignable: group.isAssignableToRole === true,
  }));
  if (!roles) return access.map(({ name, roleAssignable }) => ({ name, roleAssignable }));
  const unowned = access.filter((g) => !roleCovers(roles, g));
  if (!unowned.length) return access.map(({ name, roleAssignable }) => ({ name, roleAssignable }));
  // Owners that cannot be read leave `owned` false: the check then names the group as one the caller may not change.
  const read = await settle(() =>
    Promise.all([
      t.get<{ id: string }>(paths.me, { signal }),
      batchGetAll<{ id: string }>(
        t,
        unowned.map((g) => paths.groupOwnerIds(g.id)),
        { signal },
      ),
    ]),
  );
  if (!read.ok) return access.map(({ name, roleAssignable }) => ({ name, roleAssignable, owned: false }));
  const [me, owners] = read.value;
  const owned = new Set(
    unowned.filter((_, i) => owners[i].value?.some((o) => o.id.toLowerCase() === me.id.toLowerCase())).map((g) => g.id),
  );
  return access.map(({ name, id, roleAssignable }) => ({ name, roleAssignable, owned: owned.has(id) }));
}
