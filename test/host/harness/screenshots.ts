// Named moments of the suite: the suite announces one with a log line and waits for a done file; the harness checks
// that what the moment expects is visible in the workbench's DOM (inside webviews too), and with --screenshots
// takes the picture. The check runs with screenshots on or off, so a picture's test fails when its content is
// missing, and a test never passes on a picture of an empty panel. The moment must happen while the test runs:
// at codeAutomationExit the extension host is gone and views show "no data provider".
// The protocol is shared with test/host/suite/screenshotMoment.ts.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';

export const SCREENSHOT_MARKER = '[pim-host] screenshot ';

/** Something that must be visible: a text (substring) or a pattern, within a CSS selector, in the page or a webview. */
export interface Expectation {
  text?: string;
  /** A regular expression's source, for text that changes (times left). */
  pattern?: string;
  /** Only inside elements matching this selector, e.g. '.quick-input-widget'. */
  selector?: string;
  /** Inside a webview (the plan preview, the walkthrough's media) instead of the workbench itself. */
  webview?: boolean;
}

export interface ScreenshotRequest {
  /** File name without .png, e.g. "plan-preview". */
  name: string;
  expect: Expectation[];
  /** False: only wait until everything is visible (a step before the picture, such as a list filling). */
  picture: boolean;
}

export function parseScreenshotRequest(line: string): ScreenshotRequest | undefined {
  const at = line.indexOf(SCREENSHOT_MARKER);
  if (at < 0) return undefined;
  const raw = JSON.parse(line.slice(at + SCREENSHOT_MARKER.length)) as {
    name: string;
    expect?: Expectation[];
    waitFor?: string;
    picture?: boolean;
  };
  if (!/^[\w-]+$/.test(raw.name)) throw new Error(`bad screenshot name ${raw.name}`);
  // The first form of the protocol named one text to wait for.
  const expect = raw.expect ?? (raw.waitFor ? [{ text: raw.waitFor }] : []);
  if (expect.length === 0) throw new Error(`screenshot ${raw.name} expects nothing: a picture must show something`);
  return { name: raw.name, expect, picture: raw.picture !== false };
}

const describe = (e: Expectation): string =>
  `${e.text !== undefined ? JSON.stringify(e.text) : `/${e.pattern}/`}${e.selector ? ` in ${e.selector}` : ''}${e.webview ? ' in a webview' : ''}`;

function locate(frame: Frame, e: Expectation): Locator {
  const scope = e.selector ? frame.locator(e.selector) : frame.locator('body');
  return scope.getByText(e.text !== undefined ? e.text : new RegExp(e.pattern!)).first();
}

/** Whether `e` is visible now; webviews are nested frames of their own origin, so every frame but the main one. */
async function visible(page: Page, e: Expectation): Promise<boolean> {
  const frames = e.webview ? page.frames().filter((f) => f !== page.mainFrame()) : [page.mainFrame()];
  for (const frame of frames) {
    if (frame.isDetached()) continue;
    if (
      await locate(frame, e)
        .isVisible()
        .catch(() => false)
    )
      return true;
  }
  return false;
}

async function missing(page: Page, expect: Expectation[]): Promise<Expectation[]> {
  const out: Expectation[] = [];
  for (const e of expect) if (!(await visible(page, e))) out.push(e);
  return out;
}

/** Notification toasts left on screen would sit over the picture. */
async function notifications(page: Page): Promise<string[]> {
  return page
    .locator('.notifications-toasts .notification-toast')
    .allInnerTexts()
    .catch(() => []);
}

/**
 * Waits until every expectation is visible (up to `timeoutMs`); with `outDir`, takes the picture and checks again
 * that everything is still there. Writes the done file the suite waits for ("ok" or "error: …") and returns the
 * picture's path, "ok" without a picture, or the error.
 */
export async function takeScreenshot(
  page: Page,
  request: ScreenshotRequest,
  outDir: string | undefined,
  handshakeDir: string,
  timeoutMs = 20000,
): Promise<string> {
  let result = 'ok';
  const file = outDir && request.picture ? path.join(outDir, `${request.name}.png`) : undefined;
  try {
    const deadline = Date.now() + timeoutMs;
    const allVisible = async (): Promise<void> => {
      let absent = await missing(page, request.expect);
      while (absent.length > 0 && Date.now() < deadline) {
        await page.waitForTimeout(250);
        absent = await missing(page, request.expect);
      }
      if (absent.length > 0)
        throw new Error(`not visible after ${timeoutMs / 1000} s: ${absent.map(describe).join(', ')}`);
    };
    await allVisible();
    // The picture counts only when everything was visible just before and just after it; a widget that redraws
    // (a hover receiving its last part) may vanish for an instant, so a picture taken then is taken again.
    for (let taken = false; file && !taken;) {
      // Let animations (quick input, hovers, webview paint) settle before the picture.
      await page.waitForTimeout(600);
      await allVisible();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
      taken = (await missing(page, request.expect)).length === 0;
      if (!taken && Date.now() > deadline)
        throw new Error(
          `not all visible when the picture was taken: ${(await missing(page, request.expect)).map(describe).join(', ')}`,
        );
    }
    const toasts = await notifications(page);
    if (toasts.length > 0)
      throw new Error(`a notification is showing: ${toasts.map((t) => t.split('\n')[0]).join(' | ')}`);
  } catch (err) {
    result = `error: ${String(err instanceof Error ? err.message : err).split('\n')[0]}`;
    if (outDir) {
      // What the workbench showed instead, beside (never among) the pictures.
      const shown = path.join(path.dirname(outDir), `${request.name}-failed.png`);
      await page.screenshot({ path: shown }).then(
        () => {
          result += ` (the window: ${shown})`;
        },
        () => undefined,
      );
    }
  }
  // Written whole, then renamed: the suite polls for the file and must never read it half-written.
  const done = path.join(handshakeDir, `${request.name}.done`);
  fs.writeFileSync(`${done}.tmp`, result);
  fs.renameSync(`${done}.tmp`, done);
  return result !== 'ok' ? result : (file ?? 'ok');
}
