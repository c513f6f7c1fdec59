import * as assert from 'assert';
import { armSignInScopes, signInScopes } from '../../../../src/extension/connection/graphScopes';
import { editorSignInScopes } from '../../../../src/readiness';
import { checkSandboxUrl } from '../../../../src/extension/connection/sandboxAddress';

describe('extension: sign-in scopes and the sandbox address', () => {
  it("passes the customer's app and tenant as VS Code's pseudo-scopes, then the Graph scopes on the cloud's host", () => {
    const scopes = signInScopes({
      clientId: 'app-1',
      tenantId: 'contoso.onmicrosoft.com',
      graphBaseUrl: 'https://graph.microsoft.us/',
      graphScopes: editorSignInScopes(),
    });
    assert.deepStrictEqual(scopes.slice(0, 3), [
      'VSCODE_CLIENT_ID:app-1',
      'VSCODE_TENANT:contoso.onmicrosoft.com',
      'offline_access',
    ]);
    assert.deepStrictEqual(
      scopes.slice(3),
      editorSignInScopes().map((s) => `https://graph.microsoft.us/${s}`),
    );
    assert.ok(scopes.includes('https://graph.microsoft.us/PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup'));
  });

  it('signs in to the home tenant ("organizations") when no tenant is set, and without a client id pseudo-scope when none is set', () => {
    const scopes = signInScopes({ graphBaseUrl: 'https://graph.microsoft.com', graphScopes: ['User.Read'] });
    assert.strictEqual(scopes[0], 'VSCODE_TENANT:organizations');
    assert.ok(!scopes.some((s) => s.startsWith('VSCODE_CLIENT_ID:')));
  });

  it('asks Azure Resource Manager (Azure role bindings) with the same app and tenant, for the ARM audience only', () => {
    assert.deepStrictEqual(armSignInScopes({ clientId: 'app-1', tenantId: 'contoso.onmicrosoft.com' }), [
      'VSCODE_CLIENT_ID:app-1',
      'VSCODE_TENANT:contoso.onmicrosoft.com',
      'https://management.azure.com/.default',
    ]);
    assert.deepStrictEqual(armSignInScopes({}), [
      'VSCODE_TENANT:organizations',
      'https://management.azure.com/.default',
    ]);
  });

  it('accepts a sandbox URL only on this machine (it may come from a workspace setting)', () => {
    assert.deepStrictEqual(checkSandboxUrl('http://127.0.0.1:4321/'), { url: 'http://127.0.0.1:4321' });
    assert.deepStrictEqual(checkSandboxUrl('http://localhost:4321'), { url: 'http://localhost:4321' });
    assert.match(
      (checkSandboxUrl('https://graph.microsoft.com') as { refused: string }).refused,
      /must point at this machine/,
    );
    assert.match(
      (checkSandboxUrl('http://127.0.0.1.evil.example:80') as { refused: string }).refused,
      /must point at this machine/,
    );
    assert.match((checkSandboxUrl('file:///etc/passwd') as { refused: string }).refused, /must be http/);
    assert.match((checkSandboxUrl('not a url') as { refused: string }).refused, /is not a URL/);
  });
});
