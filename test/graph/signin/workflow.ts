// The GitHub workflow of docs/pipelines.md, read from the doc itself, and the action run the way the runner runs it:
// `node action/index.js` with each `with:` input as INPUT_<NAME> (defaults from action.yml), the run's files
// (event, step summary, outputs) and GitHub's endpoints pointing at local stand-ins.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './kit';

export interface Step {
  uses?: string;
  id?: string;
  with?: Record<string, string>;
}
export interface Job {
  permissions?: Record<string, string>;
  environment?: string;
  strategy?: { matrix: { include: Record<string, string>[] } };
  steps: Step[];
}
export interface Workflow {
  jobs: Record<string, Job>;
}

/** The fenced YAML block that follows `<!-- workflow: NAME -->` in a doc. */
export function docsWorkflowText(doc = 'docs/pipelines.md'): string {
  const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
  const m = /<!-- workflow: [^>]+ -->\n```yaml\n([\s\S]*?)\n```/.exec(text);
  if (!m) throw new Error(`no workflow block in ${doc}`);
  return m[1] + '\n';
}

export const docsWorkflow = (): Workflow => parse(docsWorkflowText()) as Workflow;

/** Resolves `${{ matrix.x }}` and `${{ vars.X }}` as the runner would for one matrix entry. */
export function resolve(value: string, matrix: Record<string, string>, vars: Record<string, string>): string {
  let out = value.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (_, k: string) => matrix[k] ?? '');
  out = out.replace(/\$\{\{\s*vars\.([\w-]+)\s*\}\}/g, (_, k: string) => vars[k] ?? '');
  return out;
}

/** The steps of a job that use this repository's action, with their inputs resolved for the first matrix entry. */
export function actionSteps(job: Job, vars: Record<string, string>): Record<string, string>[] {
  const matrix = Object.fromEntries(
    Object.entries(job.strategy?.matrix.include[0] ?? {}).map(([k, v]) => [k, resolve(String(v), {}, vars)]),
  );
  return job.steps
    .filter((s) => s.uses?.startsWith('pim-groups/pim-groups@'))
    .map((s) =>
      Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, resolve(String(v), matrix, vars)])),
    );
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Runs the committed action bundle like the runner: inputs (with action.yml's defaults), run files, environment. */
export function runAction(
  inputs: Record<string, string>,
  o: { dir: string; env: Record<string, string>; githubToken: string },
): Promise<ActionRun> {
  const manifest = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const value = inputs[name] ?? (spec.default === '${{ github.token }}' ? o.githubToken : (spec.default ?? ''));
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const summaryFile = path.join(o.dir, '.run', `summary-${Date.now()}-${Math.random()}.md`);
  const outputFile = path.join(o.dir, '.run', `output-${Date.now()}-${Math.random()}.txt`);
  fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  Object.assign(env, {
    GITHUB_WORKSPACE: o.dir,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    ...o.env,
  });
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'action', 'index.js')], {
      cwd: o.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      // GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks.
      for (const m of fs.readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
        outputs[m[1]] = m[3];
      resolveRun({ code: code ?? 1, stdout, stderr, summary: fs.readFileSync(summaryFile, 'utf8'), outputs });
    });
  });
}
