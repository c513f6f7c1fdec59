import * as assert from 'node:assert/strict';
import { startSandbox, Sandbox } from '../../../src/sandbox';
import { workspaceOf } from '../harness/harness';
import { doc, reportFor, result, transportAs } from './readinessHarness';

describe("readiness: the definitions' groups", function () {
  this.timeout(60_000);
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ seed: 'demo' });
  });
  afterEach(async () => {
    await sb.close();
  });

  it('passes and says which groups exist, which are onboarded and which apply will create', async () => {
    const ws = workspaceOf(
      [doc('helpdesk', 'PIM-Intune-Helpdesk'), doc('leads', 'Helpdesk Leads'), doc('new', 'PIM-New')].join('---\n'),
    );
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), ws), 'groups');
    assert.equal(r.status, 'pass');
    assert.equal(r.what, '3 group(s): 2 exist, 1 onboarded.');
    assert.deepEqual(r.details, [
      'helpdesk: exists, onboarded to PIM',
      'leads: exists, not onboarded yet (apply onboards it)',
      'new: does not exist yet (apply creates it)',
    ]);
  });

  it('says a group whose definition keeps it out of PIM (onboard: false) stays out, instead of "apply onboards it"', async () => {
    const keptOut = (name: string, displayName: string) =>
      doc(name, displayName).replace("' }\n", "', onboard: false }\n");
    const ws = workspaceOf(
      [keptOut('leads', 'Helpdesk Leads'), keptOut('helpdesk', 'PIM-Intune-Helpdesk'), keptOut('new', 'PIM-New')].join(
        '---\n',
      ),
    );
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), ws), 'groups');
    assert.equal(r.status, 'pass');
    assert.equal(r.what, '3 group(s): 2 exist, 1 onboarded, 3 kept out of PIM.');
    assert.deepEqual(r.details, [
      'helpdesk: exists, onboarded to PIM although its definition says onboard: false (a group never leaves PIM; the plan warns, PIM218)',
      'leads: exists, not onboarded, kept out of PIM (onboard: false)',
      'new: does not exist yet (apply creates it, kept out of PIM: onboard: false)',
    ]);
  });

  it('fails for a dynamic and an on-premises-synced group, which PIM refuses', async () => {
    const ws = workspaceOf([doc('dyn', 'All Staff (dynamic)'), doc('synced', 'Sales (synced)')].join('---\n'));
    const r = result(await reportFor(transportAs(sb, 'admin@contoso.com'), ws), 'groups');
    assert.equal(r.status, 'fail');
    assert.deepEqual(r.details, [
      'dyn: exists, not onboarded yet (apply onboards it); PIM refuses it: dynamic membership',
      'synced: exists, not onboarded yet (apply onboards it); PIM refuses it: synced from on-premises',
    ]);
    assert.match(r.fix!, /dynamic and on-premises-synced/);
  });

  it('warns when the onboarded list cannot be read, still naming what exists', async () => {
    const t = transportAs(sb, 'admin@contoso.com', ['Group.Read.All', 'User.Read']);
    const r = result(await reportFor(t, workspaceOf(doc('helpdesk', 'PIM-Intune-Helpdesk'))), 'groups');
    assert.equal(r.status, 'warn');
    assert.match(r.fix!, /PrivilegedAccess\.Read\.AzureADGroup/);
    assert.deepEqual(r.details, ['helpdesk: exists']);
  });
});
