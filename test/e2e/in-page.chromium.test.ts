/**
 * The extension as a guest on living forum pages (Chromium): bodies re-rendered, comments added,
 * client-side navigation; hover intent; keyboard access; narrow screens; dark theme.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../scripts/paths';
import { CARD, launch, markCenter, markedTexts, openPage, waitForMarks, type Session } from './setup/chromium';
import { EA_POST, LW_POST } from './setup/fixtures';

const SCREENSHOTS = join(projectRoot, 'docs/screenshots');
const NEXT_MENTION = 'programs-lens:next-mention';

let session: Session;
const pageErrors: string[] = [];
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});
afterEach(async () => {
  for (const p of session.context.pages()) await p.close();
  const errors = pageErrors.splice(0);
  expect(errors, 'the page logged errors').toEqual([]);
});

async function open(url = LW_POST, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await session.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await waitForMarks(page, 1);
  return page;
}

async function hover(page: Page, text: string, nth = 0) {
  const { x, y } = await markCenter(page, text, nth);
  await page.mouse.move(x, y, { steps: 3 });
}

const cardVisible = (page: Page) => page.locator(CARD).isVisible();

/** Sends the keyboard command's message to the tab, as the background does on the shortcut. */
async function keyboardCommand(url: string) {
  await session.background!.evaluate(
    async ([u, type]) => {
      const [tab] = await chrome.tabs.query({ url: u });
      await chrome.tabs.sendMessage(tab!.id!, { type });
    },
    [url.split('#')[0]!, NEXT_MENTION] as const,
  );
}

describe('marks follow the page', () => {
  it('re-marks a body that React re-renders (its nodes thrown away)', async () => {
    const page = await open();
    await waitForMarks(page, 9);
    await page.evaluate(() => (window as unknown as { __fixture: { rerenderPost(): void } }).__fixture.rerenderPost());
    await page.waitForFunction(() => {
      const h = CSS.highlights.get('programs-lens-underline')!;
      return [...h].every((r) => r.startContainer.isConnected) && h.size === 9;
    });
    expect((await markedTexts(page)).length).toBe(9);
    await page.close();
  });

  it('marks comments that arrive after load', async () => {
    const page = await open();
    await waitForMarks(page, 9);
    await page.evaluate(() =>
      (window as unknown as { __fixture: { appendComment(h: string): string } }).__fixture.appendComment(
        '<p>Has anyone compared ARENA 5.0 with the Astra Fellowship?</p>',
      ),
    );
    await waitForMarks(page, 11);
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['ARENA 5.0', 'Astra Fellowship']));
    await page.close();
  });

  it('follows client-side navigation', async () => {
    const page = await open();
    await waitForMarks(page, 9);
    await page.evaluate(() =>
      (window as unknown as { __fixture: { navigate(u: string, t: string, h: string): void } }).__fixture.navigate(
        '/posts/fixture2/second-post',
        'Why I left MLAB for REMIX',
        '<p>PIBBSS fellows come from biology and the social sciences.</p>',
      ),
    );
    await page.waitForFunction(() => {
      const h = CSS.highlights.get('programs-lens-underline')!;
      return [...h].filter((r) => r.startContainer.isConnected).length === 3 && h.size === 3;
    });
    expect((await markedTexts(page)).sort()).toEqual(['MLAB', 'PIBBSS', 'REMIX']);
    await page.close();
  });
});

describe('hover intent', () => {
  it('opens no card when the pointer merely crosses a mention', async () => {
    const page = await open();
    const { x, y } = await markCenter(page, 'PIBBSS');
    await page.mouse.move(x, y - 150);
    await page.mouse.move(x, y + 150, { steps: 6 });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(900);
    expect(await cardVisible(page)).toBe(false);
    await page.close();
  });

  it('keeps the card while the pointer moves onto it, and hides it after leaving', async () => {
    const page = await open();
    await hover(page, 'PIBBSS');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 8 });
    await page.waitForTimeout(800);
    expect(await cardVisible(page)).toBe(true);
    await page.mouse.move(5, 5, { steps: 2 });
    await card.waitFor({ state: 'detached', timeout: 3000 });
    await page.close();
  });

  it('closes with Escape, without moving the pointer, and stays closed', async () => {
    const page = await open();
    await hover(page, 'MATS');
    await page.locator(CARD).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'detached', timeout: 2000 });
    await page.waitForTimeout(700);
    expect(await cardVisible(page)).toBe(false);
    await page.close();
  });

  it("gives no card over the site's own link previews", async () => {
    const page = await open();
    // "the MATS retrospective" is a link to a forum post: the site shows its own preview there.
    const link = page.locator('a[href*="mats-retrospective"]');
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(900);
    expect(await cardVisible(page)).toBe(false);
    await page.close();
  });
});

describe('keyboard', () => {
  it('the command moves to the next mention and opens its card with focus inside; Escape returns', async () => {
    const page = await open();
    await waitForMarks(page, 9);
    await keyboardCommand(LW_POST);
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    expect(await card.getAttribute('data-program')).toBe('mats');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('programs-lens-card');
    expect(
      await page.evaluate(() => document.querySelector('programs-lens-card')!.shadowRoot!.activeElement?.getAttribute('role')),
    ).toBe('dialog');
    await keyboardCommand(LW_POST);
    await page.locator(`${CARD}[data-program="refine"]`).waitFor();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.querySelector('programs-lens-card')!.shadowRoot!.activeElement?.className),
    ).toBe('close');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('programs-lens-card');
    await page.close();
  });

  it('has controls of at least 24×24 px', async () => {
    const page = await open();
    await keyboardCommand(LW_POST);
    await page.locator(CARD).waitFor();
    const sizes = await page.evaluate(() =>
      [...document.querySelector('programs-lens-card')!.shadowRoot!.querySelectorAll('button, a')].map((e) => {
        const r = e.getBoundingClientRect();
        return { what: e.textContent?.trim() || e.getAttribute('aria-label'), w: r.width, h: r.height };
      }),
    );
    for (const s of sizes) {
      expect(s.h, `${s.what} height`).toBeGreaterThanOrEqual(24);
      expect(s.w, `${s.what} width`).toBeGreaterThanOrEqual(24);
    }
    await page.close();
  });
});

describe('screens and themes', () => {
  it('keeps the card inside a 320 px wide viewport (also what 200 % zoom gives)', async () => {
    const page = await open(LW_POST, { width: 320, height: 640 });
    await waitForMarks(page, 4);
    for (const text of ['MATS', 'CAIS Philosophy Fellowship']) {
      await page.mouse.move(1, 1);
      await page.evaluate(() => window.scrollTo(0, 0));
      const target = await page.evaluate((t) => {
        const h = CSS.highlights.get('programs-lens-underline')!;
        for (const r of h) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === t) {
            range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
            return true;
          }
        }
        return false;
      }, text);
      expect(target).toBe(true);
      await hover(page, text);
      const card = page.locator(`${CARD}`);
      await card.waitFor({ state: 'visible' });
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      expect(box.y + box.height).toBeLessThanOrEqual(640);
      if (text === 'MATS') await page.screenshot({ path: join(SCREENSHOTS, 'card-narrow.png') });
    }
    await page.close();
  });

  it('follows the site into its dark theme', async () => {
    const page = await open(EA_POST);
    await hover(page, 'ARENA 5.0');
    await page.locator(CARD).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.querySelector('programs-lens-card')!.shadowRoot!.querySelector('.layer')!.getAttribute('data-theme'))).toBe('dark');
    await page.screenshot({ path: join(SCREENSHOTS, 'card-dark.png') });
    await page.close();
  });
});

describe('the extension reloaded or updated while a page is open', () => {
  it('stops the old content script cleanly: marks and card gone, no error on the page', async () => {
    // A session of its own: the reload replaces the extension's service worker.
    const own = await launch();
    try {
      const page = await own.context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
      });
      await page.goto(LW_POST);
      await waitForMarks(page, 9);
      await hover(page, 'MATS');
      await page.locator(CARD).waitFor({ state: 'visible' });
      await own.background!.evaluate(() => chrome.runtime.reload());
      await page.waitForTimeout(500);
      // The orphaned script notices at its next event (a pointer over a body, a change to the
      // page) and removes everything it added; moving over the old mentions then does nothing.
      await page.mouse.move(5, 5);
      const { x, y } = await markCenter(page, 'PIBBSS');
      await page.mouse.move(x, y, { steps: 5 });
      await page.waitForFunction(
        () => !CSS.highlights.has('programs-lens-underline') && !document.querySelector('programs-lens-card'),
        undefined,
        { timeout: 5_000 },
      );
      await page.waitForTimeout(700);
      expect(await page.locator(CARD).count()).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('touch', () => {
  it('a tap on a mention opens its card; a tap elsewhere closes it', async () => {
    const own = await launch({ hasTouch: true, viewport: { width: 390, height: 800 } });
    try {
      const page = await own.context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      await page.goto(LW_POST);
      await waitForMarks(page, 4);
      const { x, y } = await markCenter(page, 'MATS');
      await page.touchscreen.tap(x, y);
      const card = page.locator(`${CARD}[data-program="mats"]`);
      await card.waitFor({ state: 'visible', timeout: 5000 });
      // A tap on plain text, away from the card and any mention, closes it.
      const box = (await card.boundingBox())!;
      const away = await page.evaluate(() => {
        const r = document.querySelector('.PostsAuthors-root')!.getBoundingClientRect();
        return { x: r.left + 5, y: r.top + r.height / 2 };
      });
      expect(away.y < box.y || away.y > box.y + box.height).toBe(true);
      await page.touchscreen.tap(away.x, away.y);
      await card.waitFor({ state: 'detached', timeout: 5000 });
    } finally {
      await own.close();
    }
  });
});
