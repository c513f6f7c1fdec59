// The groups activation tests apply, written once: graph tests of the engine, the CLI and the sign-in step-up.

/** ACT-Ops: alice eligible as owner only, frank as member and owner, bob as member; members need a justification and
 *  lead's approval and may stay up to 4 hours, owners up to 2 hours with nothing else. */
export const OPS_GROUP = `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: ops }
group: { displayName: ACT-Ops }
policies:
  member:
    activation: { maxDuration: PT4H, requireJustification: true, approval: { approvers: [ user:lead@contoso.com ] } }
  owner:
    activation: { maxDuration: PT2H, requireJustification: false, requireMfa: false }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      role: owner
      duration: P30D
    - principal: user:frank@contoso.com
      duration: P30D
    - principal: user:frank@contoso.com
      role: owner
      duration: P30D
    - principal: user:bob@contoso.com
      duration: P30D
  active:
    - principal: user:admin@contoso.com
      role: owner
      duration: P30D
      justification: standing owner
`;

/**
 * ACT-Vault: alice eligible as member for up to 1 hour, behind the authentication context c1 and nothing else;
 * `also` adds a justification and a ticket for the tests that need every check at once.
 */
export function vaultGroup(also: { requireJustification?: boolean; requireTicket?: boolean } = {}): string {
  const checks = `requireMfa: false, requireJustification: ${also.requireJustification ?? false}${also.requireTicket ? ', requireTicket: true' : ''}`;
  return `apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: vault }
group: { displayName: ACT-Vault }
policies:
  member:
    activation: { maxDuration: PT1H, ${checks}, authenticationContext: c1 }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
}

/** Both groups as one workspace file. */
export const OPS_WORKSPACE = `${OPS_GROUP}---\n${vaultGroup()}`;
