// The Groups view reads a group with `showReadable`: a part the token may not read is left out and named, the rest
// is read as usual. A plan never asks for it: a refused part fails the read, since a plan needs every part.
import * as assert from 'node:assert/strict';
import { sandboxTokenSource } from '../../../src/auth/tokenSource';
import { GraphTransport } from '../../../src/graph/transport';
import { editorSignInScopes } from '../../../src/readiness/signInScopes';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { readActualState } from '../../../src/tenant/readTenant';
import type { ReadScope } from '../../../src/tenant/actualState';

describe('tenant reader: the readable parts of a group, for views', function () {
  this.timeout(60_000);
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  after(() => sb.close());

  const withoutPolicyScopes = () =>
    new GraphTransport({
      baseUrl: sb.url,
      credential: sandboxTokenSource({
        upn: 'admin@contoso.com',
        scopes: editorSignInScopes().filter((s) => !s.startsWith('RoleManagementPolicy.')),
      }),
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    });
  const scope = (showReadable?: boolean): ReadScope => ({
    groups: [{ key: 'helpdesk', displayName: 'PIM-Intune-Helpdesk' }],
    principalRefs: [],
    showReadable,
  });

  it('reads the schedules and names the missing scope in place of the policies', async () => {
    const state = await readActualState(withoutPolicyScopes(), scope(true));
    const lookup = state.groups.helpdesk;
    assert.equal(lookup.state, 'found');
    const group = lookup.state === 'found' ? lookup.group : undefined;
    assert.ok(
      group!.schedules.some((s) => s.kind === 'eligible'),
      'the eligible schedules were read',
    );
    assert.deepEqual(group!.policies, {});
    assert.deepEqual(Object.keys(group!.refused ?? {}), ['policies']);
    assert.equal(
      group!.refused!.policies!.missing,
      'RoleManagementPolicy.Read.AzureADGroup or RoleManagementPolicy.ReadWrite.AzureADGroup',
    );
  });

  it('fails the whole read for a plan (no showReadable), naming the scope', async () => {
    await assert.rejects(readActualState(withoutPolicyScopes(), scope()), /RoleManagementPolicy\.Read\.AzureADGroup/);
  });
});
