// The suite's half of the screenshot handshake (the harness's half is test/host/harness/screenshots.ts): announce
// a named moment, then wait until the harness has taken the picture, while this extension host is still alive.
import * as fs from 'fs';
import * as path from 'path';
import { hostTestSetting } from './hostTestSettings';

const MARKER = '[pim-host] screenshot ';

/**
 * With `--screenshots`, saves test-results/<name>.png once `waitFor` is visible in the workbench; otherwise
 * does nothing. Throws when the harness could not take the picture, so `npm run screenshots` never passes
 * with a missing image.
 */
export async function screenshotMoment(name: string, waitFor: string): Promise<void> {
  const dir = hostTestSetting<string>('handshakeDir');
  if (!hostTestSetting<boolean>('screenshots') || !dir) return;
  const done = path.join(dir, `${name}.done`);
  console.log(MARKER + JSON.stringify({ name, waitFor }));
  const deadline = Date.now() + 25000;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`no screenshot "${name}" from the harness within 25 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const result = fs.readFileSync(done, 'utf8');
  if (result !== 'ok') throw new Error(`screenshot "${name}": ${result}`);
}
