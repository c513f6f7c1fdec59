import * as assert from 'node:assert/strict';
import {
  USE_CASE_TEMPLATES,
  checkDefinitionName,
  displayNameFor,
  suggestedName,
} from '../../../../src/extension/definitions/useCaseCatalog';

describe('extension: New Definition from Use Case choices', () => {
  it('offers the five use cases of the article, then a bare group and a template', () => {
    assert.deepEqual(
      USE_CASE_TEMPLATES.map((t) => t.id),
      ['intune-rbac', 'azure-resource', 'team-access', 'jit-license', 'ca-exclusion', 'bare-group', 'policy-template'],
    );
    for (const t of USE_CASE_TEMPLATES) assert.ok(t.label && t.detail, t.id);
  });

  it('accepts the names the schema accepts and says why it refuses the others', () => {
    assert.equal(checkDefinitionName('intune-helpdesk-2'), undefined);
    assert.match(checkDefinitionName('')!, /Type a name/);
    assert.match(checkDefinitionName('Intune')!, /lowercase/);
    assert.match(checkDefinitionName('-intune')!, /not at the start or end/);
    assert.match(checkDefinitionName('a'.repeat(64))!, /63/);
  });

  it('derives the group display name the way the demo tenant names groups', () => {
    assert.equal(displayNameFor('intune-helpdesk'), 'PIM-Intune-Helpdesk');
    assert.equal(displayNameFor('ca-travellers'), 'PIM-Ca-Travellers');
  });

  it('suggests a valid name taken from each snippet', () => {
    for (const t of USE_CASE_TEMPLATES)
      assert.equal(checkDefinitionName(suggestedName(t)), undefined, `${t.id}: ${suggestedName(t)}`);
  });
});
