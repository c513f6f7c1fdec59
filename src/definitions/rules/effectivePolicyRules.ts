// Rules that need the merged (template + block) policy and the clock: rule 4 (an assignment fits its role's
// policy), rule 5 (MFA vs authentication context, approval without approvers), rule 3 (until not in the past)
// and rule 8 (activation without MFA for the privileged use cases).
import { LAST_INSTANT_MS, MIN_ASSIGNMENT_MINUTES, parseDuration, parseInstant } from '../../time';
import { finding } from '../finding';
import {
  AssignmentDefinition,
  ExpiryPolicy,
  Finding,
  PathSegment,
  PimGroupDefinition,
  PolicyTemplateDefinition,
  Role,
  RolePolicy,
} from '../model';
import { effectivePolicy, findTemplate } from '../templates';
import { deletePair } from '../textEdits';
import { YamlSource } from '../yamlSource';
import { approvalRules } from './policyRules';

export interface EffectiveContext {
  templates: readonly PolicyTemplateDefinition[];
  now: number;
  skipUnresolved: boolean;
}

/** The assignment's length in minutes, 'permanent', or undefined when it cannot be told. */
function lengthOf(a: AssignmentDefinition, now: number): number | 'permanent' | undefined {
  if (a.permanent === true && a.duration === undefined && a.until === undefined) return 'permanent';
  if (a.duration !== undefined) {
    const p = parseDuration(a.duration);
    return p.ok ? p.minutes : p.error === 'unsupported-unit' ? p.minutes : undefined;
  }
  if (a.until !== undefined) {
    const until = parseInstant(a.until);
    const start = a.start !== undefined ? parseInstant(a.start) : { ok: true as const, epochMs: now };
    return until.ok && start.ok ? Math.ceil((until.epochMs - start.epochMs) / 60_000) : undefined;
  }
  return undefined;
}

function fits(
  source: YamlSource,
  base: PathSegment[],
  a: AssignmentDefinition,
  policy: (ExpiryPolicy & { requireJustification?: boolean; requireTicket?: boolean }) | undefined,
  kind: 'eligible' | 'active',
  now: number,
): Finding[] {
  if (!policy) return [];
  const out: Finding[] = [];
  const section = kind === 'eligible' ? 'eligibility' : 'assignment';
  const length = lengthOf(a, now);
  if (length === 'permanent' && policy.allowPermanent === false) {
    out.push(
      finding(
        'PIM030',
        source.file,
        source.rangeOf([...base, 'permanent'], 'key'),
        `The ${a.role} policy does not allow permanent ${kind} assignments (${section}.allowPermanent: false); give a duration${policy.maxDuration ? ` of at most ${policy.maxDuration}` : ''} instead.`,
      ),
    );
  }
  if (typeof length === 'number' && policy.allowPermanent !== true && policy.maxDuration) {
    const max = parseDuration(policy.maxDuration);
    if (max.ok && length > max.minutes) {
      const field = a.duration !== undefined ? 'duration' : 'until';
      out.push(
        finding(
          'PIM031',
          source.file,
          source.rangeOf([...base, field], 'value'),
          `This ${kind} assignment lasts longer than the ${a.role} policy allows (${section}.maxDuration: ${policy.maxDuration}); shorten it${field === 'duration' ? ` to ${max.canonical} or less` : ''}.`,
        ),
      );
    }
  }
  if (kind === 'active' && policy.requireJustification === true && !a.justification?.trim()) {
    out.push(
      finding(
        'PIM032',
        source.file,
        source.rangeOf([...base, 'principal'], 'key'),
        `The ${a.role} policy requires a justification on active assignments: add justification: <why>.`,
      ),
    );
  }
  if (kind === 'active' && policy.requireTicket === true && !(a.ticket?.number || a.ticket?.system)) {
    out.push(
      finding(
        'PIM033',
        source.file,
        source.rangeOf([...base, 'principal'], 'key'),
        `The ${a.role} policy requires ticket information on active assignments: add ticket: { system: …, number: … }.`,
      ),
    );
  }
  return out;
}

function notPast(source: YamlSource, base: PathSegment[], a: AssignmentDefinition, now: number): Finding[] {
  const until = a.until !== undefined ? parseInstant(a.until) : undefined;
  if (until?.ok && until.epochMs <= now) {
    return [
      finding(
        'PIM022',
        source.file,
        source.rangeOf([...base, 'until'], 'value'),
        `until (${a.until}) has passed: this assignment has expired and the plan grants nothing for it. Remove it from the file, or move until to the future to grant it again.`,
      ),
    ];
  }
  if (a.start !== undefined && a.duration !== undefined) {
    const start = parseInstant(a.start);
    const d = parseDuration(a.duration);
    if (start.ok && d.ok && start.epochMs + d.minutes * 60_000 <= now) {
      return [
        finding(
          'PIM022',
          source.file,
          source.rangeOf([...base, 'start'], 'value'),
          `This assignment (start ${a.start}, ${a.duration}) has already ended and the plan grants nothing for it. Remove it from the file, or move start to the future to grant it again.`,
        ),
      ];
    }
  }
  const ends = endsAfterLastInstant(source, base, a, now);
  if (ends.length) return ends;
  if (until?.ok && a.start === undefined && until.epochMs - now < MIN_ASSIGNMENT_MINUTES * 60_000) {
    return [
      finding(
        'PIM012',
        source.file,
        source.rangeOf([...base, 'until'], 'value'),
        'An assignment must last at least 5 minutes; until is less than 5 minutes away.',
      ),
    ];
  }
  return [];
}

/**
 * PIM010 when start (or now) plus the duration lands after 9999-12-31: the duration parses, but the service cannot
 * store the end, so apply would fail on every attempt. Judged at validation, where the author can fix it.
 */
function endsAfterLastInstant(
  source: YamlSource,
  base: PathSegment[],
  a: AssignmentDefinition,
  now: number,
): Finding[] {
  if (a.duration === undefined) return [];
  const d = parseDuration(a.duration);
  const start = a.start !== undefined ? parseInstant(a.start) : { ok: true as const, epochMs: now };
  if (!d.ok || !start.ok || start.epochMs + d.minutes * 60_000 <= LAST_INSTANT_MS) return [];
  const from = a.start !== undefined ? `start (${a.start})` : 'now';
  return [
    finding(
      'PIM010',
      source.file,
      source.rangeOf([...base, 'duration'], 'value'),
      `${from} plus ${a.duration} ends after 9999-12-31, the last instant Graph stores; give a shorter duration or permanent: true.`,
    ),
  ];
}

/** PIM040 where the block writes at least one of the two fields (a conflict inside a template is reported there). */
export function mfaConflict(
  source: YamlSource,
  base: PathSegment[],
  written: RolePolicy,
  merged: RolePolicy,
): Finding[] {
  const a = merged.activation;
  if (!(a?.requireMfa === true && typeof a.authenticationContext === 'string')) return [];
  const mfaWritten = written.activation?.requireMfa !== undefined;
  const ctxWritten = written.activation?.authenticationContext !== undefined;
  if (!mfaWritten && !ctxWritten) return [];
  const fixes = [];
  const mfaPath = [...base, 'activation', 'requireMfa'];
  const ctxPath = [...base, 'activation', 'authenticationContext'];
  if (mfaWritten)
    fixes.push({
      title: 'Remove requireMfa (keep the authentication context)',
      edits: deletePair(source, mfaPath),
      isPreferred: true,
    });
  if (ctxWritten) fixes.push({ title: 'Remove authenticationContext (keep MFA)', edits: deletePair(source, ctxPath) });
  return [
    finding(
      'PIM040',
      source.file,
      source.rangeOf(mfaWritten ? mfaPath : ctxPath, 'key'),
      `requireMfa and authenticationContext (${a.authenticationContext}) are both set; PIM requires one or the other. An authentication context can itself require MFA: remove one of them.`,
      fixes.filter((f) => f.edits.length > 0),
    ),
  ];
}

const NEEDS_MFA = new Set(['intune-rbac', 'azure-resource']);

export function effectivePolicyRules(def: PimGroupDefinition, source: YamlSource, ctx: EffectiveContext): Finding[] {
  const out: Finding[] = [];
  const policies: Partial<Record<Role, RolePolicy>> = {};
  for (const role of ['member', 'owner'] as const) {
    const block = def.policies[role];
    if (!block) continue;
    if (ctx.skipUnresolved && block.template !== undefined && !findTemplate(block.template, ctx.templates)) continue;
    const merged = effectivePolicy(def, role, ctx.templates)!;
    policies[role] = merged;
    out.push(...mfaConflict(source, ['policies', role], block, merged));
    if (block.activation?.approval !== undefined) out.push(...approvalRules(source, ['policies', role], merged));
  }
  for (const kind of ['eligible', 'active'] as const) {
    def.assignments[kind].forEach((a, i) => {
      const base: PathSegment[] = ['assignments', kind, i];
      out.push(...notPast(source, base, a, ctx.now));
      const p = policies[a.role];
      out.push(...fits(source, base, a, kind === 'eligible' ? p?.eligibility : p?.assignment, kind, ctx.now));
    });
  }
  const useCase = def.metadata.useCase;
  const member = policies.member;
  const memberResolved = !def.policies.member || member;
  if (useCase && NEEDS_MFA.has(useCase) && memberResolved) {
    const a = member?.activation;
    if (!(a?.requireMfa === true || typeof a?.authenticationContext === 'string')) {
      const range = def.policies.member
        ? source.rangeOf(
            def.policies.member.activation ? ['policies', 'member', 'activation'] : ['policies', 'member'],
            'key',
          )
        : source.rangeOf(['metadata', 'useCase'], 'value');
      out.push(
        finding(
          'PIM071',
          source.file,
          range,
          `${useCase} grants admin rights, but activation requires neither MFA nor an authentication context${def.policies.member ? '' : ' (the member policy is not managed, and the tenant default does not require MFA)'}; set activation.requireMfa: true or authenticationContext: c1.`,
        ),
      );
    }
  }
  return out;
}

/** Rule 5 inside a template: MFA with authentication context, approval without approvers. */
export function templatePolicyRules(def: PolicyTemplateDefinition, source: YamlSource): Finding[] {
  return mfaConflict(source, ['policy'], def.policy, def.policy);
}
