/**
 * The extension's pages in Chromium: the popup reporting a fixture tab, the compare page
 * (filters, sorting, deep links, the card's link to it), options persisting and taking effect,
 * and an extra site the reader adds. Saves docs/screenshots/popup.png and compare.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import dataset from 'virtual:dataset';
import { callStatus } from '../../lib/calls';
import { compareRows, DEFAULT_QUERY, openNow, visibleRows, type CompareQuery } from '../../lib/compare';
import { projectRoot } from '../../scripts/paths';
import { CARD, launch, markCenter, markedTexts, openPage, waitForMarks, type Session } from './setup/chromium';
import { LW_POST, OTHER_SITE } from './setup/fixtures';

// The extension's APIs, inside the service worker and the extension's pages.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const SCREENSHOTS = join(projectRoot, 'docs/screenshots');
const byId = new Map(dataset.programs.map((p) => [p.id, p]));

let session: Session;
let base: string;
beforeAll(async () => {
  session = await launch();
  base = `chrome-extension://${session.extensionId}`;
  // launch() refuses every request that is not a fixture page; the extension's own pages load
  // their scripts and styles from the extension (routes added later are tried first).
  await session.context.route((url) => url.protocol === 'chrome-extension:', (route) => route.continue());
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  // Each test starts from the default settings, with no extra site registered.
  await session.background!.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    const ids = (await chrome.scripting.getRegisteredContentScripts()).map((s: { id: string }) => s.id);
    if (ids.length) await chrome.scripting.unregisterContentScripts({ ids });
  });
  for (const p of session.context.pages()) await p.close();
});

/** The id of the tab showing `url`, from the service worker. */
async function tabIdOf(url: string): Promise<number> {
  return session.background!.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
}

async function storedSettings(): Promise<Record<string, unknown> | undefined> {
  return session.background!.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
}

async function openExtensionPage(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${base}/${path}`);
  return page;
}

describe('the popup', () => {
  it('lists the programs mentioned on the tab with their status, scrolls to one, and switches the site off and on', async () => {
    const forum = await openPage(session, LW_POST);
    await waitForMarks(forum, 8);
    const tab = await tabIdOf(LW_POST);
    expect(tab).toBeGreaterThan(0);
    const popup = await openExtensionPage(`popup.html?tab=${tab}`, { width: 360, height: 640 });
    const items = popup.locator('ul.mentions:not(.open-now) li');
    await items.first().waitFor();
    const now = Date.now();
    const listed = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        id: li.getAttribute('data-program'),
        name: li.querySelector('button')!.textContent,
        times: li.querySelector('.muted')!.textContent,
        status: li.querySelector('.status')!.textContent,
      })),
    );
    // In order of first mention on the page (the title names MATS and Refine, then the post).
    expect(listed.map((l) => l.id)).toEqual(['mats', 'refine', 'pibbss', 'philosophy-fellowship', 'aisc', 'spar']);
    expect(listed.find((l) => l.id === 'mats')!.times).toBe(' · 3 times');
    expect(listed.find((l) => l.id === 'spar')!.times).toBe(' · once');
    for (const l of listed) {
      expect(await popup.locator(`li[data-program="${l.id}"] a.row-link`).getAttribute('href')).toBe(`${base}/compare.html#${l.id}`);
      expect(l.name).toBe(byId.get(l.id!)!.shortName);
      expect(l.status).toBe(callStatus(byId.get(l.id!)!, now).text);
    }

    // Open now / opening soon, across the dataset, in the order of lib/compare.ts.
    const upcoming = openNow(dataset.programs, now);
    const expected = [...upcoming.open, ...upcoming.opening].map((x) => x.program.id);
    const open = await popup.locator('ul.open-now li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-program')));
    expect(open).toEqual(expected);
    for (const id of expected) {
      expect(await popup.locator(`ul.open-now li[data-program="${id}"] a`).getAttribute('href')).toBe(`${base}/compare.html#${id}`);
    }
    await popup.locator('main.popup').screenshot({ path: join(SCREENSHOTS, 'popup.png') });

    // A click: the tab scrolls to the first PIBBSS mention and opens its card.
    await popup.getByRole('button', { name: 'PIBBSS' }).click();
    await forum.bringToFront();
    await forum.locator(`${CARD}[data-program="pibbss"]`).waitFor({ state: 'visible', timeout: 5000 });

    // The switch turns LessWrong off (both hosts) and on again.
    await popup.bringToFront();
    const onOff = popup.getByRole('checkbox', { name: /On for LessWrong/ });
    expect(await onOff.isChecked()).toBe(true);
    await onOff.uncheck();
    await forum.waitForFunction(() => (CSS.highlights.get('programs-lens-underline')?.size ?? 0) === 0 || !CSS.highlights.has('programs-lens-underline'));
    expect((await storedSettings())?.disabledSites).toEqual(['lesswrong.com', 'www.lesswrong.com']);
    await popup.getByText('Turned off on this site.').waitFor();
    await onOff.check();
    await waitForMarks(forum, 8);
    expect((await storedSettings())?.disabledSites).toEqual([]);
  });

  it('says so on a tab that is not a forum', async () => {
    const other = await openPage(session, OTHER_SITE);
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(OTHER_SITE)}`, { width: 360, height: 600 });
    await popup.getByText(/Mentions are marked on LessWrong/).waitFor();
    await other.close();
  });
});

describe('the compare page', () => {
  const rowIds = (page: Page) => page.locator('table.compare tbody tr').evaluateAll((trs) => trs.map((tr) => tr.id));
  const expectedIds = (q: Partial<CompareQuery>) =>
    visibleRows(compareRows(dataset.programs, Date.now()), { ...DEFAULT_QUERY, ...q }, new Set()).map((r) => r.program.id);

  it('shows every program in an accessible table, sorted by status', async () => {
    const page = await openExtensionPage('compare.html');
    await page.locator('table.compare tbody tr').first().waitFor();
    expect(await rowIds(page)).toEqual(expectedIds({}));
    expect(await rowIds(page)).toHaveLength(dataset.programs.length);
    expect(await page.locator('table.compare caption').innerText()).toMatch(/AI-safety programs, sorted by status \(ascending\)/);
    expect(await page.locator('thead th[scope="col"]').count()).toBe(7);
    expect(await page.locator('tbody th[scope="row"]').count()).toBe(dataset.programs.length);
    expect(await page.locator('thead th[aria-sort]').evaluateAll((ths) => ths.map((th) => [th.textContent, th.getAttribute('aria-sort')]))).toEqual([
      ['Status▲', 'ascending'],
    ]);
    // MATS: mentees per mentor from the data (120 participants, 100 mentors in Winter 2023–24).
    expect(await page.locator('tr#mats td.num').innerText()).toMatch(/^1\.2/);
    expect(await page.getByRole('status').first().innerText()).toBe(`Showing ${dataset.programs.length} of ${dataset.programs.length} programs`);
  });

  it('filters ("remote, low mentor need", "open now"), keeps them in the address, and sorts by keyboard', async () => {
    const page = await openExtensionPage('compare.html');
    await page.locator('table.compare tbody tr').first().waitFor();
    await page.getByLabel('Format').selectOption('remote');
    await page.getByLabel('Mentor need').selectOption('low');
    const remoteLow = expectedIds({ mode: 'remote', need: 'low' });
    expect(remoteLow.length).toBeGreaterThan(0);
    expect(await rowIds(page)).toEqual(remoteLow);
    expect(new URL(page.url()).search).toBe('?mode=remote&need=low');
    for (const id of remoteLow) {
      const p = byId.get(id)!;
      expect(['online', 'online-or-in-person']).toContain(p.format.mode);
      expect(['low', 'none']).toContain(p.mentorship?.need);
    }
    await page.getByLabel('Applications').selectOption('open');
    expect(await rowIds(page)).toEqual(expectedIds({ mode: 'remote', need: 'low', status: 'open' }));
    await page.getByLabel('Mentor need').selectOption('any');
    await page.getByLabel('Format').selectOption('any');
    const open = expectedIds({ status: 'open' });
    expect(await rowIds(page)).toEqual(open);
    expect(await page.getByRole('status').first().innerText()).toBe(`Showing ${open.length} of ${dataset.programs.length} programs`);

    // The view survives a reload (it is in the query string).
    await page.getByLabel('Search').fill('mentor');
    const searched = expectedIds({ status: 'open', q: 'mentor' });
    expect(await rowIds(page)).toEqual(searched);
    await page.reload();
    await page.locator('table.compare').waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe('mentor');
    expect(await page.getByLabel('Applications').inputValue()).toBe('open');
    expect(await rowIds(page)).toEqual(searched);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await rowIds(page)).toEqual(expectedIds({}));

    // Sorting with the keyboard: Tab to the column's button, Enter, Enter again.
    const ratio = page.getByRole('button', { name: /Mentees per mentor/ });
    await ratio.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect((await rowIds(page)).slice(0, 2)).toEqual(['mats', 'spar']);
    await page.keyboard.press('Enter');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect((await rowIds(page)).slice(0, 2)).toEqual(['spar', 'mats']);
    expect(await page.locator('th[aria-sort]').innerText()).toMatch(/Mentees per mentor/);
  });

  it('deep-links a row: compare.html#pibbss scrolls to it and highlights it, even past filters that hid it', async () => {
    const page = await openExtensionPage('compare.html?status=open#pibbss', { width: 1280, height: 700 });
    const row = page.locator('tr#pibbss');
    await row.waitFor();
    await expect.poll(() => row.getAttribute('class')).toBe('is-target');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pibbss');
    const box = (await row.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThan(700);
    expect(new URL(page.url()).search).toBe('');
    // Another fragment, another row.
    await page.evaluate(() => (location.hash = '#spar'));
    await expect.poll(() => page.locator('tr#spar').getAttribute('class')).toBe('is-target');
    expect(await row.getAttribute('class')).toBeNull();
  });

  it('is linked from the card on a forum page', async () => {
    const forum = await openPage(session, LW_POST);
    await waitForMarks(forum, 8);
    const { x, y } = await markCenter(forum, 'MATS');
    await forum.mouse.move(x, y, { steps: 2 });
    // A button asking the background to open the page: no extension file is web-accessible.
    const link = forum.locator(`${CARD}[data-program="mats"] button`, { hasText: 'Compare programs' });
    await link.waitFor({ timeout: 5000 });
    const [compare] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await compare.waitForURL(`${base}/compare.html#mats`);
    await expect.poll(() => compare.locator('tr#mats').getAttribute('class')).toBe('is-target');
  });

  it('follows the system colour scheme, and saves the screenshot', async () => {
    const page = await openExtensionPage('compare.html', { width: 1440, height: 900 });
    await page.locator('table.compare tbody tr').first().waitFor();
    const colours = () =>
      page.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        const cell = getComputedStyle(document.querySelector('tbody td')!);
        return { bg: root.backgroundColor, fg: cell.color, size: cell.fontSize };
      });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).toEqual({ bg: 'rgb(255, 254, 251)', fg: 'rgb(31, 35, 40)', size: '14px' });
    await page.screenshot({ path: join(SCREENSHOTS, 'compare.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual({ bg: 'rgb(34, 37, 42)', fg: 'rgb(230, 230, 227)', size: '14px' });
    await page.emulateMedia({ colorScheme: null });
  });
});

describe('the options', () => {
  it('persist across reloads and take effect on the forums', async () => {
    const options = await openExtensionPage('options.html');
    await options.getByLabel('Tinted background').check();
    await options.getByLabel(/Mark only the first mention/).check();
    await options.getByLabel('Card delay').fill('800');
    await options.getByLabel('Card delay').press('Enter');
    await options.getByRole('checkbox', { name: /EA Forum/ }).uncheck();
    await expect.poll(async () => (await storedSettings())?.cardDelayMs).toBe(800);
    await options.reload();
    await options.getByLabel('Card delay').waitFor();
    expect(await options.getByLabel('Tinted background').isChecked()).toBe(true);
    expect(await options.getByLabel(/Mark only the first mention/).isChecked()).toBe(true);
    expect(await options.getByLabel('Card delay').inputValue()).toBe('800');
    expect(await options.getByRole('checkbox', { name: /EA Forum/ }).isChecked()).toBe(false);
    expect(await storedSettings()).toMatchObject({
      version: 2,
      highlightStyle: 'background',
      firstMentionOnly: true,
      cardDelayMs: 800,
      disabledSites: ['forum.effectivealtruism.org'],
    });

    // On LessWrong: one background mark per program (6 programs, 9 mentions).
    const forum = await openPage(session, LW_POST);
    await waitForMarks(forum, 6, 'programs-lens-background');
    await forum.waitForTimeout(500);
    expect((await markedTexts(forum, 'programs-lens-background')).sort()).toEqual(
      ['AI Safety Camp', 'CAIS Philosophy Fellowship', 'MATS', 'PIBBSS', 'Refine', 'SPAR'].sort(),
    );
    expect(await markedTexts(forum, 'programs-lens-underline')).toEqual([]);

    await options.bringToFront();
    await options.getByRole('button', { name: 'Restore defaults' }).click();
    await expect.poll(async () => (await storedSettings())?.highlightStyle).toBe('underline');
    await waitForMarks(forum, 8);
  });
});

describe('an extra site', () => {
  it('added in the options gets the content script; removed, it is gone', async () => {
    // The reader's grant: Chrome shows a prompt for permissions.request, which a headless test
    // cannot answer. The same grant can be given on chrome://extensions (the extension's "Site
    // access"), whose page does it through chrome.developerPrivate; after that the options page's
    // own permissions.request (from the real click below) resolves at once without a prompt.
    const extensions = await session.context.newPage();
    await extensions.goto(`chrome://extensions/?id=${session.extensionId}`);
    const error = await extensions.evaluate(
      (id) =>
        new Promise<string | null>((resolve) =>
          chrome.developerPrivate.addHostPermission(id, 'https://example.org/*', () => resolve(chrome.runtime.lastError?.message ?? null)),
        ),
      session.extensionId,
    );
    expect(error).toBeNull();
    await extensions.close();

    const before = await openPage(session, OTHER_SITE);
    await before.waitForTimeout(1000);
    expect(await before.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    await before.close();

    const options = await openExtensionPage('options.html');
    await options.getByLabel('Add a site').fill('https://example.org/blog/mats');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText(/^Added example\.org\./).waitFor();
    expect((await storedSettings())?.extraSites).toEqual(['example.org']);
    const registered = await session.background!.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([
      expect.objectContaining({
        id: 'programs-lens-extra-sites',
        matches: ['https://example.org/*'],
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css', 'assets/extra-sites.css'],
        runAt: 'document_idle',
      }),
    ]);

    // The content script runs there: marks (the generic config reads the whole body of this
    // page, which has no main or article), the card, and the popup's report.
    const page = await openPage(session, OTHER_SITE);
    await waitForMarks(page, 4);
    expect((await markedTexts(page)).sort()).toEqual(['AI Safety Camp', 'MATS', 'PIBBSS', 'SERI MATS']);
    const { x, y } = await markCenter(page, 'PIBBSS');
    await page.mouse.move(x, y, { steps: 2 });
    await page.locator(`${CARD}[data-program="pibbss"]`).waitFor({ state: 'visible', timeout: 5000 });
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(OTHER_SITE)}`, { width: 360, height: 600 });
    await popup.getByText('On for example.org').waitFor();
    expect(await popup.locator('ul.mentions:not(.open-now) li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-program')))).toEqual([
      'mats',
      'pibbss',
      'aisc',
    ]);
    await popup.close();

    // On a page with a main element: only the outermost main content is read, once.
    await session.context.route('https://example.org/nested', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><title>MATS</title></head><body>
          <header><p>Our MATS alumni</p></header>
          <main><article><p>I did PIBBSS last year.</p></article><aside><p>AI Safety Camp was great too.</p></aside></main>
          <footer><p>MATS, PIBBSS</p></footer></body></html>`,
      }),
    );
    const nested = await openPage(session, 'https://example.org/nested');
    await waitForMarks(nested, 2);
    await nested.waitForTimeout(500);
    expect((await markedTexts(nested)).sort()).toEqual(['AI Safety Camp', 'PIBBSS']);
    await nested.close();

    // Removed: permission given back, script unregistered, the open page stops at once.
    await options.bringToFront();
    await options.getByRole('button', { name: 'Remove example.org' }).click();
    await options.getByText('Removed example.org.').waitFor();
    expect(await session.background!.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    expect(await session.background!.evaluate(() => chrome.permissions.contains({ origins: ['https://example.org/*'] }))).toBe(false);
    await page.waitForFunction(() => (CSS.highlights.get('programs-lens-underline')?.size ?? 0) === 0);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
  });
});
