import * as assert from 'node:assert/strict';
import { Client, withSandbox, groupIdOf } from './harness';
import type { Sandbox } from '../../../src/sandbox';

describe('sandbox core: envelope, auth, OData', () => {
  let sb: Sandbox, admin: Client;
  before(async () => ({ sb, admin } = await withSandbox()));
  after(() => sb.close());

  it('answers a request without a token with 401 InvalidAuthenticationToken in the Graph envelope', async () => {
    const r = await new Client(sb, null).get('/v1.0/me');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'InvalidAuthenticationToken');
    assert.match(r.body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
    assert.equal(r.headers.get('request-id'), r.body.error.innerError['request-id']);
    assert.match(r.body.error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('refuses a malformed token and a token for a user outside the tenant', async () => {
    const bad = await admin.call('GET', '/v1.0/me', undefined, { Authorization: 'Bearer not-a-jwt' });
    assert.equal(bad.status, 401);
    const stranger = await admin.as('nobody@fabrikam.com').get('/v1.0/me');
    assert.equal(stranger.status, 401);
    assert.equal(stranger.body.error.code, 'InvalidAuthenticationToken');
  });

  it('echoes client-request-id in the headers and in error bodies', async () => {
    const r = await admin.call('GET', '/v1.0/groups/00000000-0000-0000-0000-000000000000', undefined, {
      'client-request-id': 'abc-123',
    });
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'Request_ResourceNotFound');
    assert.equal(r.headers.get('client-request-id'), 'abc-123');
    assert.equal(r.body.error.innerError['client-request-id'], 'abc-123');
  });

  it('resolves /me and users by id or UPN', async () => {
    const me = await admin.get('/v1.0/me');
    assert.equal(me.body.userPrincipalName, 'admin@contoso.com');
    const byUpn = await admin.get('/v1.0/users/alice@contoso.com');
    const byId = await admin.get(`/v1.0/users/${byUpn.body.id}`);
    assert.equal(byId.body.displayName, 'Alice Ward');
    const filtered = await admin.get(
      "/v1.0/users?$filter=userPrincipalName eq 'bob@contoso.com'&$select=id,displayName",
    );
    assert.deepEqual(Object.keys(filtered.body.value[0]), ['id', 'displayName']);
  });

  it('pages with $top and an @odata.nextLink carrying $skiptoken until the last page', async () => {
    const seen: string[] = [];
    let next: string | undefined = '/v1.0/groups?$top=3&$select=displayName';
    let pages = 0;
    while (next) {
      const r = await admin.get(next.replace(sb.url, ''));
      assert.equal(r.status, 200);
      assert.match(r.body['@odata.context'], /\$metadata#groups\(displayName\)$/);
      seen.push(...r.body.value.map((g: { displayName: string }) => g.displayName));
      next = r.body['@odata.nextLink'];
      if (next) assert.match(next, /\$skiptoken=/);
      pages++;
    }
    assert.equal(seen.length, Object.keys(sb.state.groups).length);
    assert.ok(pages >= 3);
  });

  it('filters groups by displayName, startswith and id in (...)', async () => {
    const eq = await admin.get("/v1.0/groups?$filter=displayName eq 'pim-intune-helpdesk'");
    assert.equal(eq.body.value.length, 1);
    const sw = await admin.get("/v1.0/groups?$filter=startswith(displayName,'PIM-')");
    assert.equal(sw.body.value.length, 3);
    const ids = [groupIdOf(sb, 'Helpdesk Leads'), groupIdOf(sb, 'Finance Approvers')];
    const inn = await admin.get(`/v1.0/groups?$filter=id in ('${ids[0]}','${ids[1]}')&$select=id`);
    assert.deepEqual(inn.body.value.map((g: { id: string }) => g.id).sort(), [...ids].sort());
  });

  it('needs ConsistencyLevel: eventual for $count and advanced filters', async () => {
    const without = await admin.get('/v1.0/groups?$count=true');
    assert.equal(without.status, 400);
    const ne = await admin.get("/v1.0/groups?$filter=displayName ne 'x'");
    assert.equal(ne.status, 400);
    assert.equal(ne.body.error.code, 'Request_UnsupportedQuery');
    const counted = await admin.get('/v1.0/groups?$count=true&$top=1', { ConsistencyLevel: 'eventual' });
    assert.equal(counted.body['@odata.count'], Object.keys(sb.state.groups).length);
    const bare = await admin.get('/v1.0/groups/$count', { ConsistencyLevel: 'eventual' });
    assert.equal(bare.body, Object.keys(sb.state.groups).length);
    assert.match(bare.headers.get('content-type') ?? '', /text\/plain/);
  });

  it('answers an unknown segment with 400 and a wrong method with 405', async () => {
    const unknown = await admin.get('/v1.0/nonsense');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /Resource not found for the segment 'nonsense'/);
    const wrong = await admin.call('PUT', '/v1.0/groups');
    assert.equal(wrong.status, 405);
  });

  it('resolves service principals by appId filter and objects by getByIds', async () => {
    const sp = await admin.get("/v1.0/servicePrincipals?$filter=appId eq '0d6a4f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6'");
    assert.equal(sp.body.value[0].displayName, 'pim-groups-pipeline');
    const alice = (await admin.get('/v1.0/users/alice@contoso.com')).body.id;
    const objs = await admin.post('/v1.0/directoryObjects/getByIds', {
      ids: [alice, groupIdOf(sb, 'Helpdesk Leads')],
      types: ['user'],
    });
    assert.equal(objs.status, 200);
    assert.deepEqual(
      objs.body.value.map((o: Record<string, string>) => o['@odata.type']),
      ['#microsoft.graph.user'],
    );
  });

  it('logs every request with caller, ids and status, never the token', async () => {
    const before = sb.requestLog.length;
    await admin.get('/v1.0/me');
    const entry = sb.requestLog[sb.requestLog.length - 1];
    assert.equal(sb.requestLog.length, before + 1);
    assert.equal(entry.callerUpn, 'admin@contoso.com');
    assert.equal(entry.path, '/v1.0/me');
    assert.equal(entry.status, 200);
    assert.doesNotMatch(JSON.stringify(sb.requestLog), /eyJhbGci|Bearer/); // a JWT header never appears
  });

  it('refuses a $select of a property the type does not define, but not across a polymorphic member list', async () => {
    const r = await admin.get('/v1.0/groups?$select=id,nonsense');
    assert.equal(r.status, 400);
    const members = await admin.get(
      `/v1.0/groups/${groupIdOf(sb, 'Helpdesk Leads')}/members?$select=id,userPrincipalName`,
    );
    assert.equal(members.status, 200);
    assert.equal(members.body.value[0].userPrincipalName, 'lead@contoso.com');
  });

  it("expands a group's members and owners", async () => {
    const r = await admin.get(
      `/v1.0/groups/${groupIdOf(sb, 'PIM-Exchange-Admins')}?$expand=owners($select=userPrincipalName)`,
    );
    assert.deepEqual(
      r.body.owners.map((o: { userPrincipalName: string }) => o.userPrincipalName),
      ['admin@contoso.com'],
    );
  });

  it('lets only owners and directory roles change a group (403 Authorization_RequestDenied)', async () => {
    const leads = groupIdOf(sb, 'Helpdesk Leads');
    const r = await admin.as('alice@contoso.com').patch(`/v1.0/groups/${leads}`, { description: 'mine now' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'Authorization_RequestDenied');
    assert.equal((await admin.patch(`/v1.0/groups/${leads}`, { description: 'Team leads' })).status, 204);
  });
});
