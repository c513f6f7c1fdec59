// A small flag parser for the engine's commands: --name value, --name=value, boolean --flag, repeatable lists.
import { UsageError } from './io';

export type FlagType = 'boolean' | 'string' | 'strings';
export type FlagSpec = Record<string, FlagType>;
export interface ParsedArgs { flags: Record<string, string | boolean | string[] | undefined>; positionals: string[] }

export function parseArgs(args: string[], spec: FlagSpec): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--') || a === '--') { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const type = spec[name];
    if (!type) throw new UsageError(`unknown option --${name}`);
    if (type === 'boolean') { if (eq >= 0) throw new UsageError(`--${name} takes no value`); flags[name] = true; continue; }
    const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (type === 'strings') flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { flags, positionals };
}

export const str = (p: ParsedArgs, name: string) => p.flags[name] as string | undefined;
export const bool = (p: ParsedArgs, name: string) => p.flags[name] === true;
export const list = (p: ParsedArgs, name: string) => (p.flags[name] as string[] | undefined) ?? [];
