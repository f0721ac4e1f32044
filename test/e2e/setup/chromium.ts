/**
 * The built extension (`.output/chrome-mv3`) in Debian Chromium through playwright-core, with
 * fixture pages at the forum URLs and every other request refused and recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { outputDir } from '../../../scripts/paths';
import { CHROMIUM_PATH } from './browsers';
import { fixtureFor } from './fixtures';
import { markCenterInPage, markedTextsInPage } from './page-probes';

export const CHROME_BUILD = join(outputDir, 'chrome-mv3');

export interface Session {
  context: BrowserContext;
  /** null when launched without the extension. */
  extensionId: string | null;
  background: Worker | null;
  /** Requests that were not fixture pages (refused). */
  refused: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  extension?: boolean;
  viewport?: { width: number; height: number };
  /** More pages to serve: URL → HTML (generated fixtures). */
  pages?: Record<string, string>;
  /** Write Chromium's network log here (every request the browser makes, by anyone). */
  netLog?: string;
  /** A touch screen (taps send touch pointer events). */
  hasTouch?: boolean;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const withExtension = options.extension ?? true;
  const dir = mkdtempSync(join(tmpdir(), 'programs-lens-e2e-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`);
  if (options.netLog) args.push(`--log-net-log=${options.netLog}`, '--net-log-capture-mode=Default');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    viewport: options.viewport ?? { width: 1200, height: 900 },
    hasTouch: options.hasTouch ?? false,
    reducedMotion: 'reduce',
  });
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const body = options.pages?.[url.split('#')[0]!] ?? fixtureFor(url);
    if (body !== undefined) return route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  let background: Worker | null = null;
  let extensionId: string | null = null;
  if (withExtension) {
    background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(background.url()).host;
  }
  return {
    context,
    extensionId,
    background,
    refused,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture URL and waits until the page is loaded and idle enough for the scan to run. */
export async function openPage(session: Session, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** The texts currently marked as mentions (read from the page's highlight registry). */
export async function markedTexts(page: Page, name = 'programs-lens-underline'): Promise<string[]> {
  return page.evaluate(markedTextsInPage, name);
}

/** Waits until at least `count` mentions are marked. */
export async function waitForMarks(page: Page, count = 1, name = 'programs-lens-underline'): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => (CSS.highlights.get(n as string)?.size ?? 0) >= (c as number),
    [name, count] as const,
    { timeout: 15_000 },
  );
}

/** Centre of the `nth` marked range (in reading order) whose text is `text` (viewport coordinates). */
export async function markCenter(page: Page, text: string, nth = 0, name = 'programs-lens-underline'): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(markCenterInPage, { name, text, nth });
  if (!point) throw new Error(`no marked mention "${text}"`);
  return point;
}

export const CARD = 'programs-lens-card .card';
