import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../../../src/definitions';
import {
  summarizePolicy,
  templatePrefixAt,
  templateSuggestions,
} from '../../../../src/extension/definitions/templateCompletion';

describe('extension: completing template names from the whole workspace', () => {
  it('completes only the value of a template: key', () => {
    assert.equal(templatePrefixAt('    template: '), '');
    assert.equal(templatePrefixAt('    template: stan'), 'stan');
    assert.equal(templatePrefixAt('    template: "stan'), 'stan');
    assert.equal(templatePrefixAt('    description: template: x'), undefined);
    assert.equal(templatePrefixAt('    templates: x'), undefined);
    assert.equal(templatePrefixAt('    template: standard-8h # done'), undefined);
  });

  it('suggests the templates of other files, with what each one does', () => {
    const ws = loadWorkspace([
      {
        path: 'templates.pim.yaml',
        text: 'apiVersion: pim-groups/v1\nkind: PolicyTemplate\nmetadata:\n  name: strict-owner\npolicy:\n  activation: { maxDuration: PT1H, requireMfa: true }\n---\napiVersion: pim-groups/v1\nkind: PolicyTemplate\nmetadata:\n  name: standard-8h\n  description: Eight hours with MFA\npolicy:\n  activation: { maxDuration: PT8H }\n',
      },
    ]);
    assert.deepEqual(templateSuggestions(ws.templates, 'st'), [
      { name: 'standard-8h', summary: 'Eight hours with MFA', file: 'templates.pim.yaml' },
      { name: 'strict-owner', summary: 'activation PT1H MFA', file: 'templates.pim.yaml' },
    ]);
    assert.deepEqual(
      templateSuggestions(ws.templates, 'standard').map((s) => s.name),
      ['standard-8h'],
    );
  });

  it('summarizes a policy in one line', () => {
    assert.equal(
      summarizePolicy({
        activation: {
          maxDuration: 'PT8H',
          requireMfa: true,
          requireJustification: true,
          approval: { approvers: ['user:lead@contoso.com'] },
        },
        eligibility: { allowPermanent: false, maxDuration: 'P180D' },
      }),
      'activation PT8H MFA, justification, approval · eligibility P180D',
    );
  });
});
