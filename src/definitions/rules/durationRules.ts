// Rule 2: duration syntax, day-based units, the 5-minute floor and the activation range.
import {
  ACTIVATION_STEP_MINUTES,
  ADVISED_MAX_ACTIVATION_MINUTES,
  belowFloorMessage,
  formatDuration,
  MAX_ACTIVATION_MINUTES,
  MIN_ACTIVATION_MINUTES,
  MIN_ASSIGNMENT_MINUTES,
  parseDuration,
} from '../../time';
import { finding } from '../finding';
import { Definition, Finding, PathSegment, RolePolicy } from '../model';
import { replaceValue } from '../textEdits';
import { YamlSource } from '../yamlSource';

/** `written` is the value as the author wrote it, so messages quote it rather than a normalised form. */
type Check = (minutes: number, path: PathSegment[], written: string) => Finding[];

/** Checks one duration value: syntax (PIM010), refused units (PIM011), then `extra` on its minutes. */
export function checkDuration(
  source: YamlSource,
  path: PathSegment[],
  text: string | undefined,
  extra: Check,
): Finding[] {
  if (text === undefined) return [];
  const p = parseDuration(text);
  if (p.ok) return extra(p.minutes, path, text);
  const range = source.rangeOf(path, 'value');
  if (p.error === 'syntax') return [finding('PIM010', source.file, range, p.message)];
  const fixes = p.suggestion
    ? [{ title: `Change to ${p.suggestion}`, edits: replaceValue(source, path, p.suggestion), isPreferred: true }]
    : [];
  const out = [finding('PIM011', source.file, range, p.message, fixes)];
  return p.minutes === undefined ? out : out.concat(extra(p.minutes, path, text));
}

export function floorCheck(source: YamlSource, what: string): Check {
  return (minutes, path) =>
    minutes >= MIN_ASSIGNMENT_MINUTES
      ? []
      : [
          finding('PIM012', source.file, source.rangeOf(path, 'value'), belowFloorMessage(what), [
            { title: 'Change to PT5M', edits: replaceValue(source, path, 'PT5M') },
          ]),
        ];
}

function activationCheck(source: YamlSource): Check {
  return (minutes, path, written) => {
    if (
      minutes >= MIN_ACTIVATION_MINUTES &&
      minutes <= ADVISED_MAX_ACTIVATION_MINUTES &&
      minutes % ACTIVATION_STEP_MINUTES === 0
    )
      return [];
    const range = source.rangeOf(path, 'value');
    if (minutes < MIN_ACTIVATION_MINUTES || minutes > MAX_ACTIVATION_MINUTES) {
      const bound = minutes < MIN_ACTIVATION_MINUTES ? 'PT30M' : 'PT24H';
      return [
        finding(
          'PIM013',
          source.file,
          range,
          `activation.maxDuration must be between PT30M and PT24H; ${written} is ${minutes < MIN_ACTIVATION_MINUTES ? 'shorter' : 'longer'}.`,
          [{ title: `Change to ${bound}`, edits: replaceValue(source, path, bound) }],
        ),
      ];
    }
    const out: Finding[] = [];
    if (minutes % ACTIVATION_STEP_MINUTES !== 0) {
      const rounded = formatDuration(
        Math.min(MAX_ACTIVATION_MINUTES, Math.round(minutes / ACTIVATION_STEP_MINUTES) * ACTIVATION_STEP_MINUTES) ||
          MIN_ACTIVATION_MINUTES,
      );
      out.push(
        finding(
          'PIM014',
          source.file,
          range,
          `The portal offers activation in half-hour steps; ${written} will show oddly there. Consider ${rounded}.`,
          [{ title: `Change to ${rounded}`, edits: replaceValue(source, path, rounded) }],
        ),
      );
    }
    if (minutes > ADVISED_MAX_ACTIVATION_MINUTES) {
      out.push(
        finding(
          'PIM072',
          source.file,
          range,
          `Activation lasts up to ${written}; more than 8 hours of elevated access per activation. Prefer PT8H or less unless the work needs it.`,
        ),
      );
    }
    return out;
  };
}

function policyDurations(source: YamlSource, base: PathSegment[], policy: RolePolicy): Finding[] {
  return [
    ...checkDuration(
      source,
      [...base, 'activation', 'maxDuration'],
      policy.activation?.maxDuration,
      activationCheck(source),
    ),
    ...checkDuration(
      source,
      [...base, 'eligibility', 'maxDuration'],
      policy.eligibility?.maxDuration,
      floorCheck(source, 'eligibility.maxDuration'),
    ),
    ...checkDuration(
      source,
      [...base, 'assignment', 'maxDuration'],
      policy.assignment?.maxDuration,
      floorCheck(source, 'assignment.maxDuration'),
    ),
  ];
}

export function durationRules(def: Definition, source: YamlSource): Finding[] {
  if (def.kind === 'PolicyTemplate') return policyDurations(source, ['policy'], def.policy);
  const out: Finding[] = [];
  for (const role of ['member', 'owner'] as const) {
    const block = def.policies[role];
    if (block) out.push(...policyDurations(source, ['policies', role], block));
  }
  for (const kind of ['eligible', 'active'] as const) {
    def.assignments[kind].forEach((a, i) => {
      out.push(
        ...checkDuration(source, ['assignments', kind, i, 'duration'], a.duration, floorCheck(source, 'An assignment')),
      );
    });
  }
  return out;
}
