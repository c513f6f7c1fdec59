import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPermission } from '../../../src/sandbox/permissions';
import { PERMISSION_NEEDS } from '../../../src/readiness';
import { renderPermissionsTable, TABLE_END, TABLE_START } from '../../../src/readiness/permissionsTable';

const ROOT = path.resolve(__dirname, '../../../..');

describe('readiness: the permissions table', () => {
  it('docs/permissions.md shows exactly the table the readiness check reads', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs/permissions.md'), 'utf8');
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    assert.ok(start >= 0 && end > start, 'the page has the generated table between its markers');
    assert.equal(
      page.slice(start, end + TABLE_END.length),
      renderPermissionsTable(),
      'regenerate the table: node -e "console.log(require(\'./out/src/readiness/permissionsTable.js\').renderPermissionsTable())"',
    );
  });

  it('has unique ids, and every need names a permission for people', () => {
    assert.equal(new Set(PERMISSION_NEEDS.map((n) => n.id)).size, PERMISSION_NEEDS.length);
    for (const n of PERMISSION_NEEDS) assert.ok(n.delegated.length, n.id);
  });

  // The sandbox's table (src/sandbox/permissions.ts) is written on its own from the same API pages: two sources that
  // must agree on every request the engine's table names.
  for (const n of PERMISSION_NEEDS) {
    const { method, path: p } = n.probe;
    it(`the sandbox agrees on ${n.id}: ${method} ${p}`, () => {
      for (const scope of n.delegated)
        assert.doesNotThrow(() => checkPermission({ scopes: [scope], roles: null }, method, p), `delegated ${scope}`);
      for (const role of n.application)
        assert.doesNotThrow(() => checkPermission({ scopes: null, roles: [role] }, method, p), `application ${role}`);
      assert.throws(
        () => checkPermission({ scopes: ['Calendars.Read'], roles: null }, method, p),
        'refused without it',
      );
      if (!n.application.length && !n.id.startsWith('me.'))
        assert.throws(() => checkPermission({ scopes: null, roles: n.delegated }, method, p), 'no app permission');
    });
  }
});
