// `pim-groups validate [paths or globs…] [--format text|json]`: the editor's diagnostics, for CI.
// Exit 0 when there is no error (warnings allowed), 1 on errors, 2 on usage errors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DefinitionFile, Finding, loadWorkspace } from '../../definitions';
import { CliCommand, CliIo, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';

const OPTIONS: OptionSpecs = {
  format: { type: 'string', value: 'text|json', description: 'text (default): one line per finding; json: findings and a summary' },
};

const HELP = renderHelp({
  usage: 'pim-groups validate [paths or globs…] [--format text|json]',
  about: [
    '',
    'Checks *.pim.yaml / *.pim.yml definitions: YAML, the schema and every PIM rule (see docs/rules.md).',
    'Without paths, validates every definition under the current directory (node_modules and .git skipped).',
    "A path may be a file, a directory (searched recursively) or a glob such as 'teams/**/*.pim.yaml'.",
    '',
  ],
  options: [['', OPTIONS]],
  footer: ['Output (text): one line per finding, file:line:col severity CODE message.', 'Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.'],
});

const DEFINITION = /\.pim\.ya?ml$/i;
const SKIP = new Set(['node_modules', '.git']);

function walk(dir: string, out: string[]): void {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    if (e.isDirectory()) { if (!SKIP.has(e.name)) walk(path.join(dir, e.name), out); }
    else if (e.isFile()) out.push(path.join(dir, e.name));
  }
}

/** Glob → RegExp over '/'-separated relative paths: `**` any depth, `*` and `?` within a segment, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') { const end = glob.indexOf('}', i); if (end < 0) { re += '\\{'; continue; } re += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`; i = end; }
    else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

function findFiles(args: string[], cwd: string): string[] {
  const found = new Set<string>();
  if (args.length === 0) {
    const all: string[] = [];
    walk(cwd, all);
    all.filter((f) => DEFINITION.test(f)).forEach((f) => found.add(f));
    return [...found].sort();
  }
  let everything: string[] | undefined;
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (existsSync(abs) && statSync(abs).isFile()) { found.add(abs); continue; }
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const inDir: string[] = [];
      walk(abs, inDir);
      inDir.filter((f) => DEFINITION.test(f)).forEach((f) => found.add(f));
      continue;
    }
    if (!/[*?{]/.test(arg)) throw new UsageError(`'${arg}' does not exist.`);
    if (!everything) { everything = []; walk(cwd, everything); }
    const re = globToRegExp(arg.replace(/\\/g, '/').replace(/^\.\//, ''));
    const matches = everything.filter((f) => re.test(path.relative(cwd, f).split(path.sep).join('/')));
    if (matches.length === 0) throw new UsageError(`no file matches '${arg}'.`);
    matches.forEach((f) => found.add(f));
  }
  return [...found].sort();
}

function parseValidateArgs(args: string[]): { format: 'text' | 'json'; paths: string[]; help: boolean } {
  const p = parseOptions(args, OPTIONS, { positionals: true });
  const format = str(p, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not '${format}'.`);
  return { format, paths: p.positionals, help: bool(p, 'help') };
}

function order(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseValidateArgs(args);
  if (options.help) { io.out(HELP); return 0; }
  const paths = findFiles(options.paths, io.cwd);
  const files: DefinitionFile[] = paths.map((p) => ({ path: path.relative(io.cwd, p) || p, text: readFileSync(p, 'utf8') }));
  const findings = [...loadWorkspace(files).findings].sort(order);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  if (options.format === 'json') {
    io.out(JSON.stringify({
      files: files.map((f) => f.path),
      findings: findings.map((f) => ({
        file: f.file, line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1, severity: f.severity, code: f.code, message: f.message, fixes: f.fixes?.map((x) => x.title) ?? [],
      })),
      summary: { files: files.length, errors, warnings: count('warning'), infos: count('info') },
    }, null, 2));
  } else {
    for (const f of findings) io.out(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
    io.err(files.length === 0
      ? 'No *.pim.yaml or *.pim.yml files found.'
      : `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}.`);
  }
  return errors > 0 ? 1 : 0;
}

export const command: CliCommand = { summary: 'Check *.pim.yaml definitions (schema and PIM rules) without a tenant', run };
