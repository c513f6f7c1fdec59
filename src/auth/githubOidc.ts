// GitHub Actions' OIDC token for Entra workload identity federation. The runner offers an ID-token request endpoint
// (ACTIONS_ID_TOKEN_REQUEST_URL with the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN) only to jobs granted
// `permissions: id-token: write`; @actions/core asks it for a token with the audience the federated credential names.
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export const NO_ID_TOKEN =
  'GitHub did not give this job an ID token: add `permissions: id-token: write` to the workflow job (docs/pipelines.md).';

export async function githubIdToken(
  env: Record<string, string | undefined>,
  audience = TOKEN_EXCHANGE_AUDIENCE,
): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) throw new Error(NO_ID_TOKEN);
  const core = await import('@actions/core');
  try {
    return await core.getIDToken(audience);
  } catch (e) {
    throw new Error(
      `GitHub refused the ID token request (${(e as Error).message.split('\n')[0]}): check that the job has \`permissions: id-token: write\`.`,
    );
  }
}
