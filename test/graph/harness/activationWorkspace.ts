// A group for activation tests: alice eligible as owner only, frank as member and owner, bob as member; members
// need a justification and lead's approval and may stay up to 4 hours, owners up to 2 hours with nothing else.
// ACT-Vault: alice eligible as member, behind the authentication context c1.
export const OPS_WORKSPACE = `apiVersion: pim-groups/v1
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
---
apiVersion: pim-groups/v1
kind: PimGroup
metadata: { name: vault }
group: { displayName: ACT-Vault }
policies:
  member:
    activation: { maxDuration: PT1H, requireMfa: false, requireJustification: false, authenticationContext: c1 }
assignments:
  eligible:
    - principal: user:alice@contoso.com
      duration: P30D
`;
