// Rule 5 on policy blocks: approval needs approvers; approver references. For a PimGroup both run on the merged
// policy (effectivePolicyRules.ts), since a template may bring the approvers; here only templates and references.
import { finding } from '../finding';
import { Definition, Finding, PathSegment, RolePolicy } from '../model';
import { checkPrincipal } from './assignmentRules';
import { YamlSource } from '../yamlSource';

export function approvalRules(source: YamlSource, base: PathSegment[], policy: RolePolicy | undefined): Finding[] {
  const approval = policy?.activation?.approval;
  if (!approval) return [];
  if (approval.approvers.length === 0) {
    const path = source.pairAt([...base, 'activation', 'approval', 'approvers'])
      ? [...base, 'activation', 'approval', 'approvers']
      : [...base, 'activation', 'approval'];
    return [
      finding(
        'PIM041',
        source.file,
        source.rangeOf(path, 'key'),
        'Approval needs at least one approver: add approvers (e.g. [ user:lead@contoso.com ]), or write approval: null to turn approval off.',
      ),
    ];
  }
  return [];
}

export function policyRules(def: Definition, source: YamlSource): Finding[] {
  if (def.kind === 'PolicyTemplate') {
    const approvers = def.policy.activation?.approval?.approvers ?? [];
    return [
      ...approvalRules(source, ['policy'], def.policy),
      ...approvers.flatMap((ref, i) =>
        checkPrincipal(source, ['policy', 'activation', 'approval', 'approvers', i], ref),
      ),
    ];
  }
  return [];
}
