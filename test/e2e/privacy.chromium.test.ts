/**
 * Privacy: during a whole session (a forum page, its marks, hovering to a card, the keyboard
 * command, the popup, the compare and options pages) nothing but the pages the test itself opened
 * is requested. Two records: every request of every page, extension page and the extension's
 * service worker (Playwright), and the browser's own network log, which also sees what no page
 * sees (where only Chromium's own services and the pages' favicons may appear).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD, launch, markCenter, waitForMarks } from './setup/chromium';
import { EA_POST, LW_POST } from './setup/fixtures';

/** Chromium's own traffic, which has nothing to do with the extension. */
const BROWSER_OWN = [
  /^https?:\/\/[^/]*\.(google|googleapis|gstatic|gvt1)\.com\//,
  /\/favicon\.ico$/,
];

/** Every http(s) URL in a Chromium net log. */
function requestedUrls(netLogPath: string): string[] {
  let raw = readFileSync(netLogPath, 'utf8').trim();
  // A log cut short (the browser closing) lacks its closing brackets.
  if (!raw.endsWith('}')) raw = `${raw.replace(/,\s*$/, '')}]}`;
  const log = JSON.parse(raw) as { events: { params?: { url?: string } }[] };
  const urls = new Set<string>();
  for (const e of log.events) {
    const url = e.params?.url;
    if (url && /^(https?|wss?):/.test(url)) urls.add(url);
  }
  return [...urls];
}

describe('privacy', () => {
  it('makes no network request at all', async () => {
    const netLog = join(mkdtempSync(join(tmpdir(), 'programs-lens-netlog-')), 'net.json');
    const session = await launch({ netLog });
    const opened = [LW_POST, EA_POST];
    const seen: string[] = [];
    session.context.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) seen.push(`${r.serviceWorker() ? 'service worker' : 'page'}: ${r.url()}`);
    });
    try {
      const page = await session.context.newPage();
      await page.goto(LW_POST);
      await waitForMarks(page, 8);
      const { x, y } = await markCenter(page, 'PIBBSS');
      await page.mouse.move(x, y, { steps: 3 });
      await page.locator(CARD).waitFor();
      await session.background!.evaluate(async (u) => {
        const [tab] = await chrome.tabs.query({ url: u });
        await chrome.tabs.sendMessage(tab.id, { type: 'programs-lens:next-mention' });
      }, LW_POST);
      await page.goto(EA_POST);
      await waitForMarks(page, 4);
      for (const extensionPage of ['popup.html', 'compare.html#mats', 'options.html']) {
        const p = await session.context.newPage();
        await p.goto(`chrome-extension://${session.extensionId}/${extensionPage}`);
        await p.waitForTimeout(500);
        await p.close();
      }
      await page.waitForTimeout(500);
    } finally {
      await session.close();
    }
    // Pages, extension pages and the service worker asked for the opened pages only.
    expect(seen.filter((r) => !opened.some((u) => r === `page: ${u}`))).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(opened.length);
    // Nor did anything else in the browser, apart from Chromium's own services.
    const unexpected = requestedUrls(netLog).filter((u) => !opened.includes(u.split('#')[0]!) && !BROWSER_OWN.some((re) => re.test(u)));
    expect(unexpected).toEqual([]);
  });
});
