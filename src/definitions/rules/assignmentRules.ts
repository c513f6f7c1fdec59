// Rules 3, 5 and 6 on the assignments of one document: instants, expiry shape, references, duplicates,
// and (rule 8) permanent active access. Nothing here depends on the clock or on other documents.
import { MIN_ASSIGNMENT_MINUTES, parseInstant } from '../../time';
import { finding } from '../finding';
import { AssignmentDefinition, Finding, PathSegment, PimGroupDefinition } from '../model';
import { parsePrincipal, principalKey } from '../principalReference';
import { replaceValue } from '../textEdits';
import { YamlSource } from '../yamlSource';

export function checkPrincipal(source: YamlSource, path: PathSegment[], ref: string): Finding[] {
  if (ref === '') return []; // missing or not text: the schema reported it
  const p = parsePrincipal(ref);
  if (p.ok) return [];
  const fixes = p.suggestion
    ? [{ title: `Change to '${p.suggestion}'`, edits: replaceValue(source, path, p.suggestion), isPreferred: true }]
    : [];
  return [finding('PIM042', source.file, source.rangeOf(path, 'value'), p.message, fixes)];
}

function instant(
  source: YamlSource,
  path: PathSegment[],
  text: string | undefined,
  out: Finding[],
): number | undefined {
  if (text === undefined) return undefined;
  const p = parseInstant(text);
  if (p.ok) return p.epochMs;
  const fixes = p.suggestion
    ? [{ title: `Change to ${p.suggestion}`, edits: replaceValue(source, path, p.suggestion), isPreferred: true }]
    : [];
  out.push(finding('PIM020', source.file, source.rangeOf(path, 'value'), p.message, fixes));
  return undefined;
}

function one(source: YamlSource, base: PathSegment[], a: AssignmentDefinition, active: boolean): Finding[] {
  const out: Finding[] = [];
  out.push(...checkPrincipal(source, [...base, 'principal'], a.principal));
  const given = (['duration', 'until', 'permanent'] as const).filter((k) =>
    k === 'permanent' ? a.permanent === true : a[k] !== undefined,
  );
  // An item without a principal is either not a mapping or missing its principal: the schema said so already.
  if (given.length !== 1 && !(given.length === 0 && a.principal === '')) {
    const range = given.length
      ? source.rangeOf([...base, given[1]], 'key')
      : source.rangeOf([...base, 'principal'], 'key');
    const message = given.length
      ? `Give only one of duration, until or permanent: true; this assignment has ${given.join(' and ')}.`
      : 'Say how long the assignment lasts: add duration (e.g. P90D), until (e.g. 2027-03-31T23:59:59Z) or permanent: true.';
    out.push(finding('PIM023', source.file, range, message));
  }
  const start = instant(source, [...base, 'start'], a.start, out);
  const until = instant(source, [...base, 'until'], a.until, out);
  if (start !== undefined && until !== undefined) {
    if (until <= start) {
      out.push(
        finding(
          'PIM021',
          source.file,
          source.rangeOf([...base, 'until'], 'value'),
          `until (${a.until}) is not after start (${a.start}); the assignment would never be in effect.`,
        ),
      );
    } else if (until - start < MIN_ASSIGNMENT_MINUTES * 60_000) {
      out.push(
        finding(
          'PIM012',
          source.file,
          source.rangeOf([...base, 'until'], 'value'),
          'An assignment must last at least 5 minutes from its start; PIM refuses shorter ones.',
        ),
      );
    }
  }
  if (active && a.permanent === true) {
    out.push(
      finding(
        'PIM070',
        source.file,
        source.rangeOf([...base, 'permanent'], 'key'),
        `${a.principal || 'This principal'} gets permanent active access: standing access is what PIM removes. Prefer an eligible assignment, or a duration.`,
      ),
    );
  }
  return out;
}

export function assignmentRules(def: PimGroupDefinition, source: YamlSource): Finding[] {
  const out: Finding[] = [];
  for (const kind of ['eligible', 'active'] as const) {
    const seen = new Map<string, number>();
    def.assignments[kind].forEach((a, i) => {
      const base: PathSegment[] = ['assignments', kind, i];
      out.push(...one(source, base, a, kind === 'active'));
      if (!a.principal) return;
      const key = `${a.role}|${principalKey(a.principal)}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        return;
      }
      const line = source.rangeOf(['assignments', kind, first, 'principal']).start.line + 1;
      out.push(
        finding(
          'PIM053',
          source.file,
          source.rangeOf([...base, 'principal'], 'value'),
          `${a.principal} is already ${kind} as ${a.role} (line ${line}); keep one entry per principal and role.`,
        ),
      );
    });
  }
  for (const role of ['member', 'owner'] as const) {
    const approvers = def.policies[role]?.activation?.approval?.approvers ?? [];
    approvers.forEach((ref, i) =>
      out.push(...checkPrincipal(source, ['policies', role, 'activation', 'approval', 'approvers', i], ref)),
    );
  }
  return out;
}
