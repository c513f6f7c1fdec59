// `pim-groups validate [paths or globs…] [--format text|json]`: the editor's diagnostics, for CI.
// Exit 0 when there is no error (warnings allowed), 1 on errors, 2 on usage errors.
import { Finding, loadWorkspace } from '../../definitions';
import { readDefinitionFiles } from '../definitionFiles';
import { CliCommand, CliIo, UsageError } from '../io';
import { bool, OptionSpecs, parseOptions, renderHelp, str } from '../options';
import { escapeControl, forAnnotationMessage, forAnnotationProperty } from '../../text/escape';

const OPTIONS: OptionSpecs = {
  format: {
    type: 'string',
    value: 'text|json|github',
    description:
      'text (default): one line per finding; json: findings and a summary; github: one GitHub Actions workflow command per finding',
  },
};

const HELP = renderHelp({
  usage: 'pim-groups validate [paths or globs…] [--format text|json|github]',
  about: [
    '',
    'Checks *.pim.yaml / *.pim.yml definitions: YAML, the schema and every PIM rule (see docs/rules.md).',
    'Without paths, validates every definition under the current directory (hidden folders and node_modules skipped).',
    "A path may be a file, a directory (searched recursively) or a glob such as 'teams/**/*.pim.yaml'.",
    '',
  ],
  options: [['', OPTIONS]],
  footer: [
    'Output (text): one line per finding, file:line:col severity CODE message.',
    'Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.',
  ],
});

function parseValidateArgs(args: string[]): { format: Format; paths: string[]; help: boolean } {
  const p = parseOptions(args, OPTIONS, { positionals: true });
  const format = str(p, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github')
    throw new UsageError(`--format takes text, json or github, not '${format}'.`);
  return { format, paths: p.positionals, help: bool(p, 'help') };
}

type Format = 'text' | 'json' | 'github';

/** A finding as a GitHub Actions workflow command; file and message escaped so that neither can end the command or
 *  start another one. */
export function annotation(f: Finding): string {
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${forAnnotationProperty(f.file)}`,
    `line=${f.range.start.line + 1}`,
    `col=${f.range.start.character + 1}`,
    `endLine=${f.range.end.line + 1}`,
    `endColumn=${f.range.end.character + 1}`,
    `title=${forAnnotationProperty(f.code)}`,
  ];
  return `::${level} ${props.join(',')}::${forAnnotationMessage(f.message)}`;
}

function order(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

async function run(args: string[], io: CliIo): Promise<number> {
  const options = parseValidateArgs(args);
  if (options.help) {
    io.out(HELP);
    return 0;
  }
  const { files, warnings } = readDefinitionFiles(options.paths, io.cwd);
  for (const w of warnings) io.err(`warning: ${w}`);
  const findings = [...loadWorkspace(files).findings].sort(order);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  if (options.format === 'json') {
    io.out(
      JSON.stringify(
        {
          files: files.map((f) => f.path),
          findings: findings.map((f) => ({
            file: f.file,
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
            severity: f.severity,
            code: f.code,
            message: f.message,
            fixes: f.fixes?.map((x) => x.title) ?? [],
          })),
          summary: { files: files.length, errors, warnings: count('warning'), infos: count('info') },
        },
        null,
        2,
      ),
    );
  } else if (options.format === 'github') {
    for (const f of findings) io.out(annotation(f));
    io.err(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}.`);
  } else {
    // One finding per line, whatever the file name or message holds: a line break in either would start a line of
    // its own (a `::error` workflow command in a CI log), an ANSI sequence would rewrite the terminal.
    for (const f of findings)
      io.out(
        escapeControl(
          `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`,
        ),
      );
    io.err(
      files.length === 0
        ? 'No *.pim.yaml or *.pim.yml files found.'
        : `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}.`,
    );
  }
  return errors > 0 ? 1 : 0;
}

export const command: CliCommand = {
  summary: 'Check *.pim.yaml definitions (schema and PIM rules) without a tenant',
  run,
};
