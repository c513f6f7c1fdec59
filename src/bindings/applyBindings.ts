// Performs binding operations after the groups exist, one at a time (a CA policy or a group's licences may be
// touched by several operations, and each is a read-merge-write). Every executor is idempotent under retries: it
// looks before it creates (Intune), treats "already there" as done only when it matches (ARM 409), and treats
// "already gone" as done for removals. Failures name the target (the operation's summary).
import { randomUUID } from 'node:crypto';
import { AmbiguousOutcomeError, GraphRequestError } from '../graph/errors';
import { sleep } from '../graph/retryPolicy';
import type { GraphTransport } from '../graph/transport';
import { armAccessOf, armUrl, AUTHZ, roleGuidOf, scopeKey } from './armAccess';
import type { PlannedBinding } from './planBindings';

export type Settle = (op: PlannedBinding, status: 'done' | 'failed' | 'cancelled', detail?: unknown) => void;

const INTUNE_BIND = (id: string) => `https://graph.microsoft.com/beta/deviceManagement/roleDefinitions('${id}')`;
const isStatus = (e: unknown, status: number, code?: string) => e instanceof GraphRequestError && e.status === status && (!code || e.code === code);

export async function applyBindingOps(t: GraphTransport, ops: PlannedBinding[], groupIdOf: (key: string) => string | undefined, settle: Settle, stop?: AbortSignal): Promise<void> {
  for (const op of ops) {
    if (stop?.aborted) { settle(op, 'cancelled', 'not attempted: apply was cancelled'); continue; }
    const gid = groupIdOf(op.groupKey);
    if (!gid) { settle(op, 'failed', `${op.summary}: the group does not exist`); continue; }
    try { await performWithRetry(t, op, gid); settle(op, 'done'); }
    catch (e) { settle(op, 'failed', `${op.summary}: ${e instanceof Error ? e.message : String(e)}`); }
  }
}

/**
 * Every executor looks before it writes, so after a lost or refused-for-now write (ambiguous outcome, 429, 5xx)
 * running it again is safe: it finds its own earlier effect instead of repeating it.
 */
async function performWithRetry(t: GraphTransport, op: PlannedBinding, gid: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try { return await perform(t, op, gid); } catch (e) {
      const transient = e instanceof AmbiguousOutcomeError || (e instanceof GraphRequestError && (e.status === 429 || (e.status ?? 0) >= 500));
      if (!transient || attempt >= 4) throw e;
      await sleep(200 * attempt);
    }
  }
}

async function perform(t: GraphTransport, op: PlannedBinding, gid: string): Promise<void> {
  const d = op.detail;
  switch (d.binding) {
    case 'intuneRole': {
      const beta = { version: 'beta' as const };
      if (op.action === 'remove') {
        if (d.otherMembers?.length) await t.patch(`/deviceManagement/roleAssignments/${d.assignmentId}`, { '@odata.type': '#microsoft.graph.deviceAndAppManagementRoleAssignment', members: d.otherMembers }, beta);
        else await t.request('DELETE', `/deviceManagement/roleAssignments/${d.assignmentId}`, undefined, { ...beta, idempotent: true }).catch((e) => { if (!isStatus(e, 404)) throw e; });
        return;
      }
      // Look first: a retried create must not make a second assignment.
      const existing = (await t.getAll<{ id: string; members?: string[] }>(`/deviceManagement/roleDefinitions/${d.roleDefinitionId}/roleAssignments`, beta))
        .find((a) => (a.members ?? []).some((m) => m.toLowerCase() === gid.toLowerCase()));
      const id = d.assignmentId ?? existing?.id;
      if (id) { await t.patch(`/deviceManagement/roleAssignments/${id}`, { '@odata.type': '#microsoft.graph.deviceAndAppManagementRoleAssignment', roleScopeTagIds: d.scopeTagIds }, beta); return; }
      await t.post('/deviceManagement/roleAssignments', {
        '@odata.type': '#microsoft.graph.deviceAndAppManagementRoleAssignment',
        displayName: `${d.roleName} (pim-groups ${op.groupKey})`, description: 'Managed by pim-groups: members of the PIM group hold this role while their membership is active.',
        members: [gid], scopeType: 'allDevicesAndLicensedUsers', resourceScopes: [], roleScopeTagIds: d.scopeTagIds,
        'roleDefinition@odata.bind': INTUNE_BIND(d.roleDefinitionId),
      }, beta);
      return;
    }
    case 'azureRole': {
      const arm = armAccessOf(t);
      if (!arm) throw new Error('no Azure Resource Manager connection');
      if (op.action === 'remove') {
        await arm.t.request('DELETE', armUrl(arm, d.assignmentId!), undefined, { idempotent: true }).catch((e) => { if (!isStatus(e, 404)) throw e; });
        return;
      }
      try {
        await arm.t.request('PUT', armUrl(arm, `${d.scope}${AUTHZ}/roleAssignments/${randomUUID()}`), { properties: { roleDefinitionId: d.roleDefinitionId, principalId: gid, principalType: 'Group' } }, { idempotent: true });
      } catch (e) {
        // 409 RoleAssignmentExists: someone (or our lost first attempt) made it; done only when it is this one.
        if (!isStatus(e, 409, 'RoleAssignmentExists')) throw e;
        const list = await arm.t.get<{ value: { properties: { scope: string; roleDefinitionId: string; principalId: string } }[] }>(armUrl(arm, `${d.scope}${AUTHZ}/roleAssignments`, `$filter=${encodeURIComponent(`principalId eq '${gid}'`)}`));
        if (!list.value.some((a) => scopeKey(a.properties.scope) === scopeKey(d.scope) && roleGuidOf(a.properties.roleDefinitionId) === roleGuidOf(d.roleDefinitionId))) throw e;
      }
      return;
    }
    case 'license': {
      const body = op.action === 'remove' ? { addLicenses: [], removeLicenses: [d.skuId] } : { addLicenses: [{ skuId: d.skuId, disabledPlans: d.disabledPlans }], removeLicenses: [] };
      try { await t.request('POST', `/groups/${gid}/assignLicense`, body, { idempotent: true }); } catch (e) {
        // A retried removal finds nothing to remove: done when the licence is indeed gone.
        if (op.action !== 'remove' || !isStatus(e, 400)) throw e;
        const g = await t.get<{ assignedLicenses?: { skuId: string }[] }>(`/groups/${gid}?$select=assignedLicenses`);
        if ((g.assignedLicenses ?? []).some((l) => l.skuId.toLowerCase() === d.skuId)) throw e;
      }
      return;
    }
    case 'conditionalAccess': {
      // PATCH replaces arrays wholesale: read, change only this group's entry, write the list back.
      const p = await t.get<{ conditions?: { users?: Record<string, string[] | undefined> } }>(`/identity/conditionalAccess/policies/${d.policyId}`);
      const current = p.conditions?.users?.[d.list] ?? [];
      const without = current.filter((x) => x.toLowerCase() !== gid.toLowerCase());
      const next = op.action === 'remove' ? without : [...without, gid];
      if (next.length === current.length && op.action === 'remove') return;
      if (op.action !== 'remove' && without.length !== current.length) return;
      await t.patch(`/identity/conditionalAccess/policies/${d.policyId}`, { conditions: { users: { [d.list]: next } } });
      return;
    }
    case 'team': {
      // A Team needs an owner; a group that pim-groups just created has none, so the identity applying becomes one.
      const owners = await t.getAll<{ id: string }>(`/groups/${gid}/owners?$select=id`);
      if (!owners.length) {
        // An app signed in with its own credentials (a pipeline) has no /me: Graph answers 400.
        const me = await t.get<{ id: string }>('/me?$select=id').catch((e) => {
          if (isStatus(e, 400)) throw new Error(`A Team needs an owner and the group has none; an app cannot make itself one: add an owner to the group, or apply this definition signed in as a person.`);
          throw e;
        });
        await t.request('POST', `/groups/${gid}/owners/$ref`, { '@odata.id': `${t.baseUrl}/v1.0/directoryObjects/${me.id}` }, { idempotent: true });
      }
      try { await t.request('PUT', `/groups/${gid}/team`, {}, { idempotent: true }); } catch (e) { if (!isStatus(e, 409)) throw e; }
      return;
    }
  }
}
