// The suite's half of the moment handshake (the harness's half is test/host/harness/screenshots.ts): announce a
// named moment with what must be visible, then wait, while this extension host is still alive, until the harness
// has checked the workbench's DOM and, with --screenshots, taken the picture.
import * as fs from 'fs';
import * as path from 'path';
import { hostTestSetting } from './hostTestSettings';

const MARKER = '[pim-host] screenshot ';

/** Something that must be visible at the moment (see Expectation in test/host/harness/screenshots.ts). */
export interface Expectation {
  text?: string;
  /** A regular expression's source, for text that changes (times left). */
  pattern?: string;
  /** Only inside elements matching this CSS selector, e.g. '.quick-input-widget'. */
  selector?: string;
  /** Inside a webview instead of the workbench itself. */
  webview?: boolean;
}

/** Where things are in VS Code 1.100's workbench. */
export const parts = {
  sideBar: '.part.sidebar',
  statusBar: '.part.statusbar',
  editor: '.part.editor',
  panel: '.part.panel',
  hover: '.monaco-hover',
  quickInput: '.quick-input-widget',
};

/** Waits until the workbench shows everything expected, without a picture (a step before one, e.g. a list filling). */
export function whenVisible(name: string, expect: Expectation[]): Promise<void> {
  return screenshotMoment(name, expect, { picture: false });
}

/**
 * Under the harness, fails unless every expectation is visible in the workbench (screenshots on or off), and with
 * `--screenshots` saves test-results/screenshots/<name>.png. Outside the harness (desktop VS Code) it does
 * nothing. A string is one text that must be visible anywhere.
 */
export async function screenshotMoment(
  name: string,
  expect: string | Expectation[],
  { picture = true }: { picture?: boolean } = {},
): Promise<void> {
  const dir = hostTestSetting<string>('handshakeDir');
  if (!dir) return;
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  const list = typeof expect === 'string' ? [{ text: expect }] : expect;
  console.log(MARKER + JSON.stringify({ name, expect: list, ...(picture ? {} : { picture: false }) }));
  const deadline = Date.now() + 45000;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`no answer about moment "${name}" from the harness within 45 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const result = fs.readFileSync(done, 'utf8');
  if (result !== 'ok') throw new Error(`moment "${name}": ${result.replace(/^error: /, '')}`);
}
