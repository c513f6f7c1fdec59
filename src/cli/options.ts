// The CLI's options: each command declares its options once (type, placeholder, description) and both the parser
// (node:util parseArgs, strict, `--` ends the options) and the --help text come from that one declaration.
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Repeatable: every value is kept, in order. */
  multiple?: boolean;
  /** What the value is, in help: `--out FILE`. */
  value?: string;
  description: string;
  short?: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedOptions {
  /** Own properties only (a null-prototype object): `--constructor` is refused, never read through a prototype. */
  values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  positionals: string[];
}

/** `--help` and `-h`, which every command has. */
export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', description: 'show this help' } };

export function parseOptions(args: string[], specs: OptionSpecs, opts: { positionals?: boolean } = {}): ParsedOptions {
  const options = Object.fromEntries(
    Object.entries({ ...HELP_OPTION, ...specs }).map(([name, s]) => [
      name,
      { type: s.type, ...(s.multiple ? { multiple: true } : {}), ...(s.short ? { short: s.short } : {}) },
    ]),
  );
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: opts.positionals ?? false });
    return { values: Object.assign(Object.create(null), parsed.values), positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }));
  }
}

// node:util's messages are long and suggest `--` tricks; ours say what is wrong in the words of --help.
function usageMessage(e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(e.message)?.[0] ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(e.message) ? `${option} takes no value` : `${option} needs a value`;
    default:
      return e.message;
  }
}

export const str = (p: ParsedOptions, name: string) => p.values[name] as string | undefined;
export const bool = (p: ParsedOptions, name: string) => p.values[name] === true;
export const list = (p: ParsedOptions, name: string) => (p.values[name] as string[] | undefined) ?? [];

/** Help lines for options, aligned: `  --out FILE               also write the plan as JSON`. */
export function optionHelp(specs: OptionSpecs): string[] {
  const left = (name: string, s: OptionSpec) =>
    `${s.short ? `-${s.short}, ` : ''}--${name}${s.value ? ` ${s.value}` : ''}`;
  const entries = Object.entries(specs);
  const width = Math.max(24, ...entries.map(([n, s]) => left(n, s).length + 2));
  return entries.map(([n, s]) => `  ${left(n, s).padEnd(width)} ${s.description}${s.multiple ? ' (repeatable)' : ''}`);
}

export interface CommandHelp {
  usage: string;
  about: string[];
  /** Option groups, each with a heading (empty for the command's own options). */
  options: [heading: string, specs: OptionSpecs][];
  footer?: string[];
}

export function renderHelp(h: CommandHelp): string {
  const lines = [`Usage: ${h.usage}`, ...h.about];
  for (const [heading, specs] of [...h.options, ['', HELP_OPTION] as [string, OptionSpecs]]) {
    if (!Object.keys(specs).length) continue;
    if (heading) lines.push('', `${heading}:`);
    lines.push(...optionHelp(specs));
  }
  if (h.footer?.length) lines.push('', ...h.footer);
  return lines.join('\n');
}
