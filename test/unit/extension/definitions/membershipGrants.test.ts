import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../../../../src/definitions';
import { PimGroupDefinition } from '../../../../src/definitions/model';
import {
  azureGrant,
  blastRadiusMarkdown,
  grantHoverAt,
  membershipGrants,
} from '../../../../src/extension/definitions/membershipGrants';

const examples = path.resolve(__dirname, '../../../../../examples');

function example(file: string): { group: PimGroupDefinition; lines: string[] } {
  const text = fs.readFileSync(path.join(examples, file), 'utf8');
  const ws = loadWorkspace([
    { path: file, text },
    { path: 'templates.pim.yaml', text: fs.readFileSync(path.join(examples, 'templates.pim.yaml'), 'utf8') },
  ]);
  return { group: ws.groups[0], lines: text.split('\n') };
}
const at = (lines: string[], needle: string) => {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + 1 };
};

describe('what membership grants (hovers on a definition)', () => {
  it('summarises the CA traveller group on its display name: the exclusion (with a warning) and the inclusion', () => {
    const { group, lines } = example('ca-travellers.pim.yaml');
    const text = grantHoverAt(group, at(lines, 'PIM-CA-Travellers'));
    assert.ok(text?.startsWith('**PIM-CA-Travellers**: membership grants'), text);
    assert.match(text!, /exclusion from Conditional Access \*\*Block sign-ins from outside Australia\*\* — ⚠/);
    assert.match(text!, /inclusion in Conditional Access \*\*Travellers - stricter sign-in\*\*/);
  });

  it('explains the one binding under the cursor', () => {
    const { group, lines } = example('azure-contractors.pim.yaml');
    const text = grantHoverAt(group, at(lines, 'rg-contractor-sandbox'));
    assert.strictEqual(
      text,
      'Membership grants Azure role **Contributor** on `/subscriptions/8f2c1b9e-3a4d-4e5f-9a6b-7c8d9e0f1a2b/resourceGroups/rg-contractor-sandbox`.',
    );
    const ca = example('ca-travellers.pim.yaml');
    assert.match(
      grantHoverAt(ca.group, at(ca.lines, 'Travellers - stricter'))!,
      /^Membership grants inclusion in Conditional Access/,
    );
  });

  it('says nothing on lines that grant nothing', () => {
    const { group, lines } = example('azure-contractors.pim.yaml');
    assert.strictEqual(grantHoverAt(group, at(lines, 'kind: PimGroup')), undefined);
  });

  it('warns about Owner or User Access Administrator at subscription scope only', () => {
    assert.match(azureGrant({ role: 'Owner', scope: '/subscriptions/1' }), /⚠/);
    assert.match(azureGrant({ role: 'User Access Administrator', scope: '/subscriptions/1/' }), /⚠/);
    assert.doesNotMatch(azureGrant({ role: 'Owner', scope: '/subscriptions/1/resourceGroups/rg' }), /⚠/);
    assert.doesNotMatch(azureGrant({ role: 'Reader', scope: '/subscriptions/1' }), /⚠/);
  });

  it('lists every binding of every example, and says so when a group grants nothing else', () => {
    for (const file of fs.readdirSync(examples).filter((f) => f !== 'templates.pim.yaml')) {
      const { group } = example(file);
      assert.ok(membershipGrants(group).length > 0, file);
    }
    const { group } = example('intune-helpdesk.pim.yaml');
    assert.match(blastRadiusMarkdown({ ...group, bindings: undefined }), /nothing outside the group itself/);
  });
});

describe('hovers with hostile names', () => {
  it('escape display names and role names for Markdown: no link, image or HTML from the file or the tenant', () => {
    const { group } = example('ca-travellers.pim.yaml');
    const hostile = {
      ...group,
      group: {
        ...group.group,
        displayName: '[Open](https://evil.example) ![x](https://evil.example/p.png) <img src=x>',
      },
      bindings: { azureRoles: [{ role: '**Owner**](https://evil.example)', scope: '/subscriptions/`x`' }] },
    } as PimGroupDefinition;
    const text = blastRadiusMarkdown(hostile);
    assert.doesNotMatch(text, /(^|[^\\])\[|(^|[^\\])<img/, text);
    assert.match(text, /on `` \/subscriptions\/`x` ``/);
    assert.match(text, /\\\[Open\\\]\(https:\/\/evil\.example\)/);
  });
});
