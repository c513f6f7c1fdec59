// The GitHub Action (action.yml): validate, plan or apply PIM for Groups definitions. Signs in with GitHub's OIDC
// token (ClientAssertionCredential through the CLI's `--auth github-actions`), annotates findings, writes the plan
// to the step summary and one pull-request comment, saves the plan file, and applies only a plan that is still
// current (the tenant unchanged since it was made).
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../definitions';
import { findDefinitionFiles, withWorkspaceSettings } from '../cli/definitionFiles';
import { connect, CONNECTION_OPTIONS } from '../cli/connection';
import type { CliIo } from '../cli/io';
import { command as applyCommand } from '../cli/commands/apply';
import { parseOptions } from '../cli/options';
import { planWorkspace, recordContext } from '../cli/planning';
import { hasErrors, isEmpty, renderJson, renderMarkdown } from '../plan';
import { annotate, visible } from './annotations';
import { planComment } from './planComment';
import { upsertPlanComment } from './prComment';
import { forTerminal } from '../text/escape';

const COMMANDS = ['validate', 'plan', 'apply'];

function actionIo(cwd: string): CliIo & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    cwd,
    env: process.env,
    isTty: false,
    signal: new AbortController().signal,
    out: (l) => core.info(forTerminal(l)),
    err: (l) => {
      errors.push(l);
      core.info(forTerminal(l));
    },
    confirm: async () => false,
  };
}

export async function run(): Promise<void> {
  const command = core.getInput('command') || 'plan';
  if (!COMMANDS.includes(command)) {
    core.setFailed(`The command input must be validate, plan or apply (got '${visible(command)}').`);
    return;
  }
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  const defsPath = core.getInput('path') || '.';
  const planFile = path.resolve(cwd, core.getInput('plan-file') || 'pim-groups.plan.json');
  core.setOutput('plan-file', planFile);
  const files = findDefinitionFiles([defsPath], cwd);
  if (!files.length) {
    core.setFailed(
      `No *.pim.yaml files under ${visible(defsPath)}: set the path input to the folder of your definitions.`,
    );
    return;
  }
  // The workspace's Settings (protected principals) are looked up above the path input when its files hold none.
  const { ws, from } = withWorkspaceSettings(loadWorkspace(files), [defsPath], cwd, files);
  if (from) core.info(`Settings: ${visible(from)} (the workspace's, found above the path input).`);
  const found = annotate(ws.findings, cwd);
  core.info(`${files.length} definition file(s): ${found.errors} error(s), ${found.warnings} warning(s).`);
  if (found.errors) {
    core.setFailed(`${found.errors} error(s) in the definitions (see the annotations).`);
    return;
  }
  if (command === 'validate') return;

  const connection = [
    '--auth',
    'github-actions',
    '--tenant',
    core.getInput('tenant-id', { required: true }),
    '--client-id',
    core.getInput('client-id', { required: true }),
    '--cloud',
    core.getInput('cloud') || 'global',
  ];
  const io = actionIo(cwd);
  if (command === 'apply') {
    if (!fs.existsSync(planFile)) {
      core.setFailed(
        `No plan file at ${planFile}: run the plan command first (and download its artifact in this job).`,
      );
      return;
    }
    try {
      // The CLI's apply: a saved plan is refused when the tenant changed since it was made.
      const code = await applyCommand.run([defsPath, '--plan', planFile, '--yes', ...connection], io);
      if (code !== 0) core.setFailed(io.errors.at(-1) ?? 'apply failed; see the log.');
    } catch (e) {
      core.setFailed((e as Error).message.replace(/^Could not get a token for Microsoft Graph: /, ''));
    }
    return;
  }
  try {
    const conn = await connect(parseOptions(connection, CONNECTION_OPTIONS), io);
    const { plan } = await planWorkspace(conn, ws, recordContext([defsPath], io, conn.target), io.signal);
    fs.writeFileSync(planFile, renderJson(plan));
    core.setOutput('has-changes', String(!isEmpty(plan)));
    await core.summary.addRaw(renderMarkdown(plan), true).write();
    const runUrl = `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`;
    const token = core.getInput('github-token');
    if (token) {
      const outcome = await upsertPlanComment(
        token,
        planComment(plan, { path: defsPath, fullPlanUrl: runUrl }),
        defsPath,
        plan.target,
      );
      core.info(`Pull request comment: ${outcome}.`);
    }
    if (hasErrors(plan)) core.setFailed('The plan has errors (see the summary).');
  } catch (e) {
    core.setFailed((e as Error).message.replace(/^Could not get a token for Microsoft Graph: /, ''));
  }
}

if (require.main === module) void run();
