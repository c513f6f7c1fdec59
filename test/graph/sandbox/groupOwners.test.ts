// The directory's rules for a group's owners and its visibility, as the sandbox answers them over HTTP.
import * as assert from 'node:assert/strict';
import { Client, withSandbox, groupIdOf, userIdOf } from './harness';
import type { Sandbox } from '../../../src/sandbox';

describe('sandbox: group owners and visibility', () => {
  let sb: Sandbox, admin: Client;
  beforeEach(async () => ({ sb, admin } = await withSandbox()));
  afterEach(() => sb.close());
  const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
  const refused = (r: { status: number; body: any }, message: RegExp) => {
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'Request_BadRequest');
    assert.match(r.body.error.message, message);
  };
  const create = (body: Record<string, unknown>) =>
    admin.post('/v1.0/groups', {
      displayName: 'Owned',
      mailNickname: 'owned',
      mailEnabled: true,
      securityEnabled: false,
      groupTypes: ['Unified'],
      ...body,
    });

  it('adds users as owners once, refuses a group as an owner, and never removes the last user owner', async () => {
    const gid = groupIdOf(sb, 'PIM-Exchange-Admins');
    const lead = userIdOf(sb, 'lead@contoso.com');
    const owner = userIdOf(sb, 'admin@contoso.com');
    assert.equal((await admin.post(`/v1.0/groups/${gid}/owners/$ref`, ref(lead))).status, 204);
    refused(await admin.post(`/v1.0/groups/${gid}/owners/$ref`, ref(lead)), /added object references already exist/);
    refused(
      await admin.post(`/v1.0/groups/${gid}/owners/$ref`, ref(groupIdOf(sb, 'PIM-Intune-Helpdesk'))),
      /A group cannot be an owner of a group/,
    );
    assert.equal((await admin.call('DELETE', `/v1.0/groups/${gid}/owners/${owner}/$ref`)).status, 204);
    refused(await admin.call('DELETE', `/v1.0/groups/${gid}/owners/${lead}/$ref`), /at least one owner/);
    assert.equal((await admin.call('DELETE', `/v1.0/groups/${gid}/owners/${owner}/$ref`)).status, 404);
  });

  it('makes a Microsoft 365 group Public unless told, and a role-assignable one Private', async () => {
    assert.equal((await create({})).body.visibility, 'Public');
    const tier0 = await create({
      displayName: 'T0',
      mailNickname: 't0',
      isAssignableToRole: true,
      securityEnabled: true,
    });
    assert.equal(tier0.status, 201, JSON.stringify(tier0.body));
    assert.equal(tier0.body.visibility, 'Private');
    refused(
      await create({
        displayName: 'T1',
        mailNickname: 't1',
        isAssignableToRole: true,
        securityEnabled: true,
        visibility: 'Public',
      }),
      /assignable to roles must be Private/,
    );
  });

  it('sets HiddenMembership only when a Microsoft 365 group is created; Private and Public change in place', async () => {
    refused(
      await admin.post('/v1.0/groups', {
        displayName: 'Sec',
        mailNickname: 'sec',
        mailEnabled: false,
        securityEnabled: true,
        visibility: 'HiddenMembership',
      }),
      /only for Microsoft 365 groups/,
    );
    const hidden = await create({ visibility: 'HiddenMembership' });
    assert.equal(hidden.body.visibility, 'HiddenMembership');
    refused(
      await admin.patch(`/v1.0/groups/${hidden.body.id}`, { visibility: 'Private' }),
      /only when the group is created/,
    );
    const open = await create({ displayName: 'Open', mailNickname: 'open', visibility: 'Private' });
    assert.equal((await admin.patch(`/v1.0/groups/${open.body.id}`, { visibility: 'Public' })).status, 204);
    assert.equal((await admin.get(`/v1.0/groups/${open.body.id}?$select=visibility`)).body.visibility, 'Public');
    refused(
      await admin.patch(`/v1.0/groups/${open.body.id}`, { visibility: 'HiddenMembership' }),
      /only when the group is created/,
    );
    refused(await admin.patch(`/v1.0/groups/${open.body.id}`, { visibility: 'Secret' }), /property 'visibility'/);
  });
});
