import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { harness, Harness } from '../harness/harness';
import { run, tempWorkspace, testIo } from '../harness/cliIo';
import { readActualState } from '../../../src/tenant/readTenant';
import { loadWorkspace } from '../../../src/definitions';
import { buildPlan, readScopeOf } from '../../../src/plan';
import { applyPlan } from '../../../src/apply';

// PIM-Intune-Helpdesk is seeded with alice and bob eligible as members, each for 30 days (docs/sandbox.md). The
// definition is authoritative and lists alice only, so a plan removes bob, unless bob is protected.
const HELPDESK = `apiVersion: pim-groups/v1
kind: PimGroup
metadata:
  name: intune-helpdesk
group:
  displayName: PIM-Intune-Helpdesk
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
const SETTINGS = `apiVersion: pim-groups/v1
kind: Settings
protectedPrincipals:
  - user:breakglass@contoso.com
  - user:bob@contoso.com
`;

describe('plan: protected principals against the sandbox', function () {
  this.timeout(120_000);
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempWorkspace(false);
    fs.mkdirSync(path.join(dir, 'defs'));
    fs.writeFileSync(path.join(dir, 'defs', 'helpdesk.pim.yaml'), HELPDESK);
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const sb = () => ['--sandbox', h.sb.url];
  const protect = (text = SETTINGS) => fs.writeFileSync(path.join(dir, 'defs', 'settings.pim.yaml'), text);
  const bobEligible = async () => {
    const ws = loadWorkspace([{ path: 'x.pim.yaml', text: `${HELPDESK}---\n${SETTINGS}` }]);
    const state = await readActualState(h.t, readScopeOf(ws));
    const g = state.groups['intune-helpdesk'];
    const bob = state.principals['user:bob@contoso.com'];
    assert.ok(g?.state === 'found' && bob?.state === 'found');
    return g.group.schedules.some((s) => s.kind === 'eligible' && s.principalId === bob.principal.id);
  };

  it('without a Settings entry, the authoritative plan removes the unlisted eligible assignment', async () => {
    protect(SETTINGS.replace('  - user:bob@contoso.com\n', ''));
    const io = testIo(dir);
    assert.equal(await run(['plan', 'defs', '--detailed-exitcode', ...sb()], io), 2, io.text());
    assert.match(io.text(), /remove eligible member user:bob@contoso\.com/);
    assert.doesNotMatch(io.text(), /PIM250/);
  });

  it('fails the plan with PIM250 naming the protected principal and the group; apply refuses and bob stays', async () => {
    protect();
    const io = testIo(dir);
    assert.equal(await run(['plan', 'defs', ...sb()], io), 1, io.text());
    assert.match(
      io.text(),
      /PIM250.*would remove the eligible member assignment of the protected principal 'user:bob@contoso\.com' in 'PIM-Intune-Helpdesk'/,
    );
    const markdown = testIo(dir);
    assert.equal(await run(['plan', 'defs', '--markdown', ...sb()], markdown), 1);
    assert.match(markdown.text(), /PIM250/);

    const apply = testIo(dir);
    assert.equal(await run(['apply', 'defs', '--yes', ...sb()], apply), 1, apply.text());
    assert.match(apply.text(), /PIM250/);
    assert.ok(await bobEligible(), 'bob is still eligible after the refused apply');

    // The engine refuses the plan too, whoever calls it.
    const files = ['helpdesk.pim.yaml', 'settings.pim.yaml'].map((f) => ({
      path: f,
      text: fs.readFileSync(path.join(dir, 'defs', f), 'utf8'),
    }));
    const ws = loadWorkspace(files);
    const { plan } = buildPlan(ws, await readActualState(h.t, readScopeOf(ws)), { target: h.sb.url });
    await assert.rejects(applyPlan(h.t, plan), /error/i);
    assert.ok(await bobEligible());
  });

  it('warns about a protected principal the tenant does not have (PIM251), on its line', async () => {
    protect();
    const io = testIo(dir);
    await run(['plan', 'defs', ...sb()], io);
    assert.match(io.text(), /PIM251.*'user:breakglass@contoso\.com' was not found in the tenant/);
  });

  it("protects them when plan and apply are given one group's file: the Settings above it are looked up", async () => {
    fs.mkdirSync(path.join(dir, 'defs', 'groups'));
    fs.renameSync(path.join(dir, 'defs', 'helpdesk.pim.yaml'), path.join(dir, 'defs', 'groups', 'helpdesk.pim.yaml'));
    protect();
    const file = path.join('defs', 'groups', 'helpdesk.pim.yaml');
    const io = testIo(dir);
    assert.equal(await run(['plan', file, ...sb()], io), 1, io.text());
    assert.match(io.text(), /Settings: defs[\\/]settings\.pim\.yaml \(the workspace's, found above the given paths\)/);
    assert.match(io.text(), /PIM250.*'user:bob@contoso\.com' in 'PIM-Intune-Helpdesk'/);
    const apply = testIo(dir);
    assert.equal(await run(['apply', file, '--yes', ...sb()], apply), 1, apply.text());
    assert.match(apply.text(), /PIM250/);
    assert.ok(await bobEligible(), 'bob is still eligible');
  });

  it('apply --plan derives the plan again with the Settings kept beside the groups folder', async () => {
    fs.mkdirSync(path.join(dir, 'defs', 'groups'));
    fs.renameSync(path.join(dir, 'defs', 'helpdesk.pim.yaml'), path.join(dir, 'defs', 'groups', 'helpdesk.pim.yaml'));
    protect(SETTINGS.replace('  - user:bob@contoso.com\n', ''));
    const io = testIo(dir);
    assert.equal(await run(['plan', 'defs', '--out', 'plan.json', ...sb()], io), 0, io.text());
    assert.match(io.text(), /PIM251/);
    const apply = testIo(dir);
    assert.equal(await run(['apply', '--plan', 'plan.json', '--yes', ...sb()], apply), 0, apply.text());
    assert.equal(await bobEligible(), false);
  });
});
