// The host tier: runs the mocha suite inside a REAL VS Code extension host. code-server (VS Code 1.100.3 server
// + web workbench) serves the workbench, headless Debian Chromium driven by playwright-core opens it with a URL
// payload naming our extension and its tests, and the workbench reports the result through codeAutomationExit.
// See CONTRIBUTING.md ("Host tests") for why it works this way.
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseOptions, usage, UsageError, type HarnessOptions } from './options';
import { repoRoot, codeServerEntry, chromiumPath, missingPrerequisites } from './paths';
import { createProfile, addWorkspaceSettings, removeProfile, type RunProfile } from './profile';
import { startCodeServer, type CodeServer } from './codeServer';
import { isWorkbenchNoise } from './workbenchNoise';
import { parseScreenshotRequest, takeScreenshot } from './screenshots';
import { startDemoSandbox, type RunningSandbox } from './sandbox';

const startedAt = Date.now();
const seconds = (): string => ((Date.now() - startedAt) / 1000).toFixed(1);
const timeline = new Map<string, string>();
const mark = (name: string): void => {
  if (!timeline.has(name)) timeline.set(name, seconds());
};
const say = (line: string): void => console.log(`[host-tests] ${line}`);

const resultsDir = path.join(repoRoot, 'test-results');
// `npm run screenshots` (scripts/test.mjs) copies these to docs/images/ when the whole run passed.
const screenshotDir = path.join(resultsDir, 'screenshots');

let options: HarnessOptions;
if (process.argv.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (err) {
  console.error(err instanceof UsageError ? `${err.message}\n${usage}` : err);
  process.exit(2);
}

let profile: RunProfile | undefined;
let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let sandbox: RunningSandbox | undefined;
let finishing = false;
const screenshots: string[] = [];
let screenshotFailures = 0;

async function finish(code: number, why: string): Promise<never> {
  if (finishing) return new Promise<never>(() => undefined);
  finishing = true;
  mark('finished');
  if (screenshotFailures > 0 && code === 0) code = 1;
  say(
    `${why}; exit code ${code} after ${seconds()}s (timeline s: ${[...timeline].map(([k, v]) => `${k}=${v}`).join(' ')})`,
  );
  const bounded = (p: Promise<unknown> | undefined, ms: number) =>
    Promise.race([Promise.resolve(p).catch((e) => say(`cleanup: ${e}`)), new Promise((r) => setTimeout(r, ms))]);
  await bounded(browser?.close(), 5000);
  await bounded(server?.stop(), 6000);
  await bounded(Promise.resolve(sandbox?.close()), 3000);
  if (options.screenshots && screenshots.length > 0)
    say(`${screenshots.length} screenshot(s) in ${path.relative(repoRoot, screenshotDir)}/`);
  if (profile) {
    if (options.keepTemp)
      say(`kept ${profile.tmp} (remote extension host log: user-data/logs/*/exthost1/remoteexthost.log)`);
    else removeProfile(profile);
  }
  process.exit(code);
}

process.on('SIGINT', () => void finish(130, 'interrupted'));
process.on('SIGTERM', () => void finish(143, 'terminated'));

setTimeout(async () => {
  console.error(`[host-tests] TIMEOUT: no result after ${options.timeoutSeconds}s`);
  try {
    if (page) await page.screenshot({ path: path.join(resultsDir, 'host-timeout.png'), timeout: 5000 });
    if (page) say('workbench at the timeout: test-results/host-timeout.png');
  } catch {
    /* the page may be gone */
  }
  await finish(124, 'timed out');
}, options.timeoutSeconds * 1000).unref();

/** Forwards one workbench log line: the tests' own output (mocha's spec reporter) comes through here. */
async function onWorkbenchLog(level: string, message: unknown): Promise<void> {
  const text = Array.isArray(message) ? message.join(' ') : String(message);
  const noise = isWorkbenchNoise(text);
  // Test output stays unprefixed even with --verbose, so scripts/test.mjs still reads mocha's "N passing".
  if (!noise) (level === 'error' ? process.stderr : process.stdout).write(text + '\n');
  else if (options.verbose) console.log(`[workbench:${level}] ${text}`);
  if (!noise) mark('firstTestOutput');
  const request = parseScreenshotRequest(text);
  if (request && page && profile) {
    // Checked with screenshots on or off: the moment's test fails when what it expects is not on screen.
    const result = await takeScreenshot(
      page,
      request,
      options.screenshots ? screenshotDir : undefined,
      profile.handshakeDir,
    );
    if (result.startsWith('error')) {
      screenshotFailures++;
      console.error(`[host-tests] moment ${request.name}: ${result}`);
    } else if (result !== 'ok') {
      screenshots.push(result);
      say(`screenshot ${path.relative(repoRoot, result)}`);
    }
  }
}

async function main(): Promise<void> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'host', options.suite, 'index');
  const missing = missingPrerequisites(extensionTestsPath, process.env);
  if (missing.length > 0) {
    for (const m of missing) console.error(`[host-tests] ${m}`);
    await finish(2, 'cannot run the host tier');
  }

  profile = createProfile(options.workspace);
  sandbox = await startDemoSandbox();
  say(
    sandbox
      ? `sandbox (seed demo) at ${sandbox.url}`
      : 'sandbox: no startSandbox in out/src/sandbox yet; tests needing a tenant will fail',
  );
  addWorkspaceSettings(profile.workspace, {
    ...(sandbox ? { 'pimGroups.sandbox.url': sandbox.url } : {}),
    'pimGroupsHostTest.handshakeDir': profile.handshakeDir,
    'pimGroupsHostTest.screenshots': options.screenshots,
    'pimGroupsHostTest.grep': options.grep,
    'files.exclude': { '**/.vscode': true },
    ...options.settings,
  });

  server = await startCodeServer(codeServerEntry(process.env), profile, {
    output: (stream, text) => {
      if (options.verbose) process.stdout.write(`[code-server:${stream}] ${text}`);
    },
    unexpectedExit: (description) => {
      console.error(`[host-tests] ${description}`);
      void finish(2, 'code-server died');
    },
  });
  mark('serverUp');
  say(`code-server pid ${server.pid} at ${server.url.href}, temp ${profile.tmp}`);

  browser = await chromium.launch({
    executablePath: chromiumPath(process.env),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mark('browserUp');
  page = await (await browser.newContext({ viewport: options.viewport })).newPage();
  page.on('console', (msg) => {
    if (options.verbose) console.log(`[page:${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => console.error(`[host-tests] page error: ${err}`));
  page.on('crash', () => void finish(2, 'the workbench page crashed'));

  // Both functions must exist before the workbench loads, or an early log or exit would be lost.
  await page.exposeFunction('codeAutomationLog', onWorkbenchLog);
  await page.exposeFunction(
    'codeAutomationExit',
    async (code: number, logs: Array<{ relativePath: string; contents: string }>) => {
      if (options.verbose)
        for (const l of logs ?? [])
          console.log(`----- browser log ${l.relativePath} -----\n${String(l.contents).trim()}`);
      if (code !== 0 && !options.keepTemp)
        say('re-run with --keep-temp --verbose to keep the remote extension host log');
      await finish(code, 'tests finished');
    },
  );

  const remote = (p: string): string => `vscode-remote://${server!.url.host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `${server.url.origin}/?folder=${encodeURIComponent(profile.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (options.verbose) say(`opening ${decodeURIComponent(url)}`);
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  mark('pageLoaded');
}

main().catch((err) => {
  if (finishing) return; // the page or server went away because the run is already ending
  console.error(`[host-tests] ${err instanceof Error ? err.stack : err}`);
  void finish(2, 'harness error');
});
