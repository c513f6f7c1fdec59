// Screenshots of named moments. The suite announces a moment with a log line, waits for a done file, and only
// then moves on: a screenshot taken at codeAutomationExit comes too late (the extension host is gone and views
// show "no data provider"). The protocol is shared with test/host/suite/screenshotMoment.ts.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_MARKER = '[pim-host] screenshot ';

export interface ScreenshotRequest {
  /** File name without .png, e.g. "diagnostics". */
  name: string;
  /** Text that must be visible in the workbench before the picture is taken. */
  waitFor: string;
}

export function parseScreenshotRequest(line: string): ScreenshotRequest | undefined {
  const at = line.indexOf(SCREENSHOT_MARKER);
  if (at < 0) return undefined;
  const request = JSON.parse(line.slice(at + SCREENSHOT_MARKER.length)) as ScreenshotRequest;
  if (!/^[\w-]+$/.test(request.name)) throw new Error(`bad screenshot name ${request.name}`);
  return request;
}

/** Takes the picture and writes the done file the suite waits for ("ok" or "error: …"). */
export async function takeScreenshot(page: Page, request: ScreenshotRequest, outDir: string, handshakeDir: string): Promise<string> {
  const file = path.join(outDir, `${request.name}.png`);
  let result = 'ok';
  try {
    await page.getByText(request.waitFor).first().waitFor({ state: 'visible', timeout: 15000 });
    // Let animations (quick input, hovers, problems panel) settle before the picture.
    await page.waitForTimeout(600);
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: file });
  } catch (err) {
    result = `error: ${String(err).split('\n')[0]}`;
  }
  fs.writeFileSync(path.join(handshakeDir, `${request.name}.done`), result);
  return result === 'ok' ? file : result;
}
