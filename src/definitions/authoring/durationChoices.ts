// The durations worth offering for a duration field, in words ("PT8H — 8 hours"). A field is a duration field when
// its schema's examples are all durations PIM accepts: the schema says so without naming the field here.
import { durationMinutes, formatDuration, MAX_ACTIVATION_MINUTES, minutesInWords } from '../../time';
import { SchemaNode } from './schemaAtPath';

export interface DurationChoice {
  value: string;
  words: string;
  /** The schema lists it as an example (Red Hat YAML offers those itself). */
  example: boolean;
}

// What people choose: half hours to a shift for activations; weeks to a year for eligibility and assignments.
const SHORT = ['PT30M', 'PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT12H', 'PT24H'];
const LONG = ['P7D', 'P14D', 'P30D', 'P90D', 'P180D', 'P365D'];

export function durationExamples(schemas: readonly SchemaNode[]): string[] | undefined {
  const examples = schemas.flatMap((s) => (Array.isArray(s.examples) ? s.examples : []));
  if (examples.length === 0 || !examples.every((e) => typeof e === 'string' && durationMinutes(e) !== undefined))
    return undefined;
  return [...new Set(examples as string[])];
}

/** Choices for the field, shortest first; undefined when the field is not a duration. */
export function durationChoices(schemas: readonly SchemaNode[]): DurationChoice[] | undefined {
  const examples = durationExamples(schemas);
  if (!examples) return undefined;
  // A field whose examples all fit in a day is an activation-length field: offer the activation range only.
  const short = examples.every((e) => (durationMinutes(e) ?? 0) <= MAX_ACTIVATION_MINUTES);
  const minutes = new Map<number, string>();
  for (const value of [...examples, ...(short ? SHORT : LONG)]) {
    const m = durationMinutes(value)!;
    if (!minutes.has(m)) minutes.set(m, examples.includes(value) ? value : formatDuration(m));
  }
  return [...minutes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([m, value]) => ({ value, words: minutesInWords(m), example: examples.includes(value) }));
}
