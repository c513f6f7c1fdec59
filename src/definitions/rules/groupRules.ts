// Rule 7: microsoft365-only features, the binding each use case needs, and what a group kept out of PIM cannot have.
import { finding } from '../finding';
import { Finding, PimGroupDefinition, UseCase } from '../model';
import { YamlSource } from '../yamlSource';
import { roleAssignableRules } from './directoryRoleRules';
import { ownerRules } from './ownerRules';

const NEEDED: Partial<Record<UseCase, { has: (g: PimGroupDefinition) => boolean; what: string }>> = {
  'intune-rbac': {
    has: (g) => Boolean(g.bindings?.intuneRoles?.length),
    what: 'bindings.intuneRoles (the Intune role the group grants)',
  },
  'azure-resource': {
    has: (g) => Boolean(g.bindings?.azureRoles?.length),
    what: 'bindings.azureRoles (the Azure scope and role the group grants)',
  },
  'jit-license': {
    has: (g) => Boolean(g.bindings?.licenses?.length),
    what: 'bindings.licenses (the licence the group assigns)',
  },
  'ca-exclusion': {
    has: (g) =>
      Boolean(g.bindings?.conditionalAccess?.excludeFrom?.length || g.bindings?.conditionalAccess?.includeIn?.length),
    what: 'bindings.conditionalAccess (the policies that exclude or include the group)',
  },
  'team-access': { has: (g) => g.bindings?.team === true, what: 'bindings.team: true on a microsoft365 group' },
};

export function groupRules(def: PimGroupDefinition, source: YamlSource): Finding[] {
  const out: Finding[] = [];
  const file = source.file;
  if (def.bindings?.team === true && def.group.type !== 'microsoft365') {
    out.push(
      finding(
        'PIM060',
        file,
        source.rangeOf(['bindings', 'team'], 'key'),
        'Only a microsoft365 group can have a Team: set group.type: microsoft365 (with a mailNickname) or remove team.',
      ),
    );
  }
  if (def.group.type === 'microsoft365' && !def.group.mailNickname && source.pairAt(['group'])) {
    out.push(
      finding(
        'PIM061',
        file,
        source.rangeOf(['group', 'type'], 'value'),
        `A microsoft365 group needs group.mailNickname (its mail alias), e.g. ${suggestNickname(def.group.displayName)}.`,
      ),
    );
  }
  out.push(...roleAssignableRules(def, source), ...notOnboardedRules(def, source), ...ownerRules(def, source));
  const useCase = def.metadata.useCase;
  const need = useCase ? NEEDED[useCase] : undefined;
  if (need && !need.has(def)) {
    out.push(
      finding(
        'PIM062',
        file,
        source.rangeOf(['metadata', 'useCase'], 'value'),
        `The ${useCase} use case needs ${need.what}; without it membership grants nothing. Add it, or set useCase: custom.`,
      ),
    );
  }
  return out;
}

// PIM has no "onboard" call: the first policy PATCH or schedule request onboards a group. A file that keeps its group
// out of PIM can therefore write neither, or applying it would onboard the group after all.
function notOnboardedRules(def: PimGroupDefinition, source: YamlSource): Finding[] {
  if (def.group.onboard !== false) return [];
  const paths = [
    ...(['member', 'owner'] as const).filter((r) => def.policies[r]).map((r) => ['policies', r]),
    ...(['eligible', 'active'] as const).filter((k) => def.assignments[k].length).map((k) => ['assignments', k]),
  ];
  return paths.map((path) =>
    finding(
      'PIM064',
      source.file,
      source.rangeOf(path, 'key'),
      `group.onboard is false, but ${path.join('.')} would onboard the group to PIM (every PIM policy change or assignment does). Remove onboard: false to let the plan onboard it, or remove ${path.join('.')}.`,
    ),
  );
}

function suggestNickname(displayName: string): string {
  return (
    displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'my-group'
  );
}
