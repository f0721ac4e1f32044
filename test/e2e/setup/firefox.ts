/**
 * The built extension (`<OUTPUT_DIR>/firefox-mv3` or `firefox-mv2`) in Debian Firefox ESR through
 * puppeteer-core (WebDriver BiDi), temporarily installed into a fresh profile, with fixture pages
 * at the forum URLs and every other request refused and recorded.
 *
 * Nothing leaves the machine. Pages' requests are intercepted: fixtures answered, the rest failed
 * and recorded in `refused`. Everything else (the extension's own requests, if it made any, and
 * whatever Firefox fetches on its own) goes to a proxy on the loopback that records the request
 * line and answers 403 (`proxied`); telemetry, updates, safe browsing, studies, remote
 * settings and captive-portal checks are switched off so that list stays empty.
 *
 * Host permissions in MV3: Firefox treats MV3 `host_permissions` as optional, and content scripts
 * only run where they are granted. Firefox grants the manifest's host permissions at install
 * (temporary installs included) when `extensions.originControls.grantByDefault` is true, its
 * default since Firefox 127 (ESR 153 included). The profile keeps that default on purpose, so the
 * tests see what a reader who installs the add-on gets; with the pref false the content script
 * never runs and every mark test fails (its message says so).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { outputDir } from '../../../scripts/paths';
import { FIREFOX_PATH } from './browsers';
import { fixtureFor } from './fixtures';
import { markCenterInPage, markedTextsInPage } from './page-probes';

export type FirefoxBuild = 'mv3' | 'mv2';
export const FIREFOX_BUILDS: Record<FirefoxBuild, string> = {
  mv3: join(outputDir, 'firefox-mv3'),
  mv2: join(outputDir, 'firefox-mv2'),
};

/** The add-on id (manifest `browser_specific_settings.gecko.id`). */
export const ADDON_ID = 'ai-safety-programs-lens@programs-lens.org';
/** Pinned moz-extension:// host (the default is random per profile). */
export const EXTENSION_UUID = '4c1e5f2a-9b7d-4e3c-8a61-0d2f7b9c3e15';

/**
 * A proxy that lets nothing through: it records each connection's first line
 * (`CONNECT host:443`, `GET http://…`) and answers 403.
 */
async function refusingProxy(): Promise<{ port: number; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (data) => {
      seen.push(data.toString('latin1').split('\r\n', 1)[0]!);
      // An answer (not a dropped connection, which Firefox retries): refused.
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

const prefs = (proxyPort: number): Record<string, unknown> => ({
  // Everything through the refusing proxy, localhost included.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': proxyPort,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': proxyPort,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'network.proxy.socks_remote_dns': true,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'captivedetect.canonicalURL': '',
  // No telemetry, studies, updates, safe browsing, remote settings, region or location lookups.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.normandy.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  // Remote settings (Nimbus, blocklists, search config…) retry many times a second when offline;
  // a data: URL fails at once without a socket. See MOZ_REMOTE_SETTINGS_DEVTOOLS below.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.OCSP.enabled': 0,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  // Console messages of pages, content scripts and the extension on Firefox's stdout, kept in
  // `FirefoxSession.log` for failure messages.
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': true,
  // The extension's internal UUID, pinned so moz-extension:// URLs in logs are the same every run.
  // (WebDriver BiDi refuses to navigate a tab to them: test extension pages in Chromium.)
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
  // Quiet, deterministic pages.
  'ui.prefersReducedMotion': 1,
});

export interface FirefoxSession {
  browser: Browser;
  build: FirefoxBuild | null;
  /** The add-on id when installed, else null. */
  extensionId: string | null;
  /** More pages to serve: URL → HTML (generated fixtures). */
  pages: Record<string, string>;
  /** Page requests that were not fixture pages (refused), in order. */
  refused: string[];
  /** Requests that reached the proxy (refused): anything that tried to leave the machine. */
  proxied: string[];
  /** The last lines Firefox wrote (console messages, errors), for failure messages. */
  log: string[];
  close(): Promise<void>;
}

export async function launchFirefox(
  build: FirefoxBuild | null,
  options: { prefs?: Record<string, unknown>; pages?: Record<string, string> } = {},
): Promise<FirefoxSession> {
  const proxy = await refusingProxy();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: { width: 1200, height: 900 },
      extraPrefsFirefox: { ...prefs(proxy.port), ...options.prefs },
      // Release builds ignore `services.settings.server` unless this is set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      protocolTimeout: 30_000,
      // FIREFOX_DUMPIO=1 shows Firefox's own output (extension errors included) when debugging.
      dumpio: !!process.env.FIREFOX_DUMPIO,
    });
  } catch (e) {
    await proxy.close();
    throw e;
  }
  const refused: string[] = [];
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim()));
    log.splice(0, Math.max(0, log.length - 200));
  };
  browser.process()?.stdout?.on('data', keep);
  browser.process()?.stderr?.on('data', keep);
  let extensionId: string | null = null;
  try {
    if (build) extensionId = await browser.installExtension(FIREFOX_BUILDS[build]);
  } catch (e) {
    await browser.close();
    await proxy.close();
    throw e;
  }
  return {
    browser,
    build,
    extensionId,
    pages: options.pages ?? {},
    refused,
    proxied: proxy.seen,
    log,
    async close() {
      try {
        await browser.close();
      } finally {
        await proxy.close();
      }
    },
  };
}

/** Answers fixture URLs from test/fixtures, refuses (and records) every other request. */
async function intercept(session: FirefoxSession, page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    const body = session.pages[url.split('#')[0]!] ?? fixtureFor(url);
    if (body !== undefined) {
      request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }).catch(() => {});
    } else {
      session.refused.push(url);
      request.abort('blockedbyclient').catch(() => {});
    }
  });
}

const sessions = new WeakMap<Page, FirefoxSession>();

/** A new tab with the fixtures served, at `url`, loaded. */
export async function openPage(session: FirefoxSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  sessions.set(page, session);
  await intercept(session, page);
  // For failure messages only: WXT's content-script wrapper announces its start to the window
  // (`<extension id>:content:wxt:content-script-started`); count those announcements.
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __contentScriptStarts: number };
    w.__contentScriptStarts = 0;
    addEventListener('message', (e) => {
      const type = (e.data as { type?: unknown } | null)?.type;
      if (typeof type === 'string' && type.endsWith(':wxt:content-script-started')) w.__contentScriptStarts++;
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export const UNDERLINE = 'programs-lens-underline';
export const CARD_HOST = 'programs-lens-card';
/** The card inside its host's open shadow root (puppeteer's `>>>` pierces shadow roots). */
export const cardSelector = (program?: string): string =>
  `${CARD_HOST} >>> .card${program ? `[data-program="${program}"]` : ''}`;

/*
 * The functions below run in the page's main world (puppeteer's default realm), not in the
 * content script's. The highlight registry is the document's, so what the content script
 * registers through its Xray view is visible there, with its ranges.
 */

/** The texts currently marked as mentions, read from the page's highlight registry. */
export function markedTexts(page: Page, name = UNDERLINE): Promise<string[]> {
  return page.evaluate(markedTextsInPage, name);
}

/** Waits until at least `count` mentions are marked. */
export async function waitForMarks(page: Page, count = 1, name = UNDERLINE): Promise<void> {
  try {
    await page.waitForFunction((n, c) => (CSS.highlights.get(n)?.size ?? 0) >= c, { timeout: 15_000 }, name, count);
  } catch (e) {
    const state = await page
      .evaluate((n) => ({
        marks: CSS.highlights.get(n)?.size ?? 0,
        contentScriptStarts: (window as unknown as { __contentScriptStarts?: number }).__contentScriptStarts,
        readyState: document.readyState,
      }), name)
      .catch((err: unknown) => String(err));
    const log = sessions.get(page)?.log.slice(-40).join('\n  ') ?? '';
    throw new Error(
      `${count} marks expected on ${page.url()}; page state: ${JSON.stringify(state)}. (Firefox MV3: the ` +
        `content script runs only where the host permissions are granted; see test/e2e/setup/firefox.ts.)` +
        `\nFirefox's last output:\n  ${log}`,
      { cause: e },
    );
  }
}

/** Centre of the `nth` marked range (in reading order) whose text is `text`, in viewport coordinates. */
export async function markCenter(page: Page, text: string, nth = 0, name = UNDERLINE): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(markCenterInPage, { name, text, nth });
  if (!point) throw new Error(`no marked mention "${text}"`);
  return point;
}

/** Moves the pointer onto the `nth` mention `text` (the card shows after the hover delay). */
export async function hover(page: Page, text: string, nth = 0): Promise<void> {
  const { x, y } = await markCenter(page, text, nth);
  await page.mouse.move(x, y, { steps: 2 });
}

/** Resolves once the page's event loop has been idle (after pending idle-time work such as the scan). */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
}
