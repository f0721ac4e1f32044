/**
 * The extension end to end in Firefox ESR (puppeteer-core, WebDriver BiDi), for both Firefox
 * builds: marks on the forums, the card on hover (its UI injected by the background through
 * `scripting.executeScript`), the page's DOM untouched, nothing on other sites, editors left
 * alone, and no network request.
 *
 * Marks are read from `CSS.highlights` in the page's main world: the registry belongs to the
 * document, so the content script's registrations (made through its Xray view) are visible there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  CARD_HOST,
  cardSelector,
  hover,
  idle,
  launchFirefox,
  markedTexts,
  openPage,
  waitForMarks,
  type FirefoxBuild,
  type FirefoxSession,
} from './setup/firefox';
import { AF_POST, EA_POST, GW_POST, LW_POST, OTHER_SITE } from './setup/fixtures';

const LW_MARKS = ['AI Safety Camp', 'CAIS Philosophy Fellowship', 'MATS', 'MATS', 'MATS', 'PIBBSS', 'Refine', 'Refine', 'SPAR'];

/** The LessWrong fixture's DOM as Firefox builds it with no extension installed. */
let bareDom: string;
beforeAll(async () => {
  const bare = await launchFirefox(null);
  try {
    const page = await openPage(bare, LW_POST);
    bareDom = await page.evaluate(() => document.documentElement.outerHTML);
  } finally {
    await bare.close();
  }
});

describe.each<FirefoxBuild>(['mv3', 'mv2'])('Firefox %s build', (build) => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(build);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function lessWrong(): Promise<Page> {
    const page = await openPage(session, LW_POST);
    await waitForMarks(page, LW_MARKS.length);
    return page;
  }

  it('marks the mentions on LessWrong, and only them', async () => {
    const page = await lessWrong();
    expect((await markedTexts(page)).sort()).toEqual([...LW_MARKS].sort());
    await page.close();
  });

  it('shows the right card when the pointer rests on a mention (card UI injected on first hover)', async () => {
    const page = await lessWrong();
    // No card host, and no card UI code, before the first hover.
    expect(await page.$$eval(CARD_HOST, (hosts) => hosts.length)).toBe(0);
    await hover(page, 'PIBBSS');
    const card = await page.waitForSelector(cardSelector('pibbss'), { visible: true, timeout: 5000 });
    const { text, role } = await card!.evaluate((c) => ({ text: (c as HTMLElement).innerText, role: c.getAttribute('role') }));
    expect(text).toContain('PIBBSS');
    expect(text).toMatch(/Mentor-matched/);
    expect(role).toBe('dialog');
    await hover(page, 'MATS');
    await page.waitForSelector(cardSelector('mats'), { visible: true, timeout: 5000 });
    expect(await page.$$eval(CARD_HOST, (hosts) => hosts.map((h) => h.shadowRoot?.mode ?? null))).toEqual(['open']);
    await page.close();
  });

  it('leaves the page DOM exactly as the page made it (apart from the card host)', async () => {
    const page = await lessWrong();
    await hover(page, 'MATS');
    await page.waitForSelector(cardSelector('mats'), { visible: true, timeout: 5000 });
    const actual = await page.evaluate((tag) => {
      const clone = document.documentElement.cloneNode(true) as Element;
      clone.querySelectorAll(tag).forEach((e) => e.remove());
      return clone.outerHTML;
    }, CARD_HOST);
    expect(actual).toBe(bareDom);
    await page.close();
  });

  it('never touches a textarea or a contenteditable draft', async () => {
    const page = await lessWrong();
    await page.$eval('#draft-textarea', (t) => ((t as HTMLTextAreaElement).value = ''));
    await page.type('#draft-textarea', 'I applied to MATS and SPAR');
    await page.click('#draft-editor');
    await page.keyboard.press('End');
    await page.keyboard.type(' Also MATS.');
    // Barrier instead of a sleep: a new comment mentioning a program is marked only once the
    // content script has handled every DOM change made before it (the typing included).
    await page.evaluate(() => (window as unknown as { __fixture: { appendComment(html: string): string } }).__fixture.appendComment('<p>PIBBSS was good.</p>'));
    await waitForMarks(page, LW_MARKS.length + 1);
    expect(await page.$eval('#draft-textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('I applied to MATS and SPAR');
    expect(await page.$eval('#draft-editor', (e) => e.innerHTML)).toBe('<p>My draft mentions MATS and PIBBSS. Also MATS.</p>');
    const inEditors = await page.evaluate(() => {
      const h = CSS.highlights.get('programs-lens-underline');
      return [...(h ?? [])].filter((r) => {
        const el = r.startContainer.parentElement;
        return !!el?.closest('textarea, [contenteditable], pre, code, nav');
      }).length;
    });
    expect(inEditors).toBe(0);
    await page.close();
  });

  it.each([
    ['the EA Forum', EA_POST, ['BlueDot Impact', 'ARENA 5.0', 'MATS', 'PIBBSS', 'AISC9', 'SERI MATS']],
    ['the Alignment Forum', AF_POST, ['Refine', 'MATS', 'Astra Fellowship', 'MATS']],
    ['GreaterWrong', GW_POST, ['Refine', 'Refine', 'SERI MATS', 'PIBBSS']],
  ])('marks mentions on %s', async (_name, url, expected) => {
    const page = await openPage(session, url);
    await waitForMarks(page, expected.length);
    expect((await markedTexts(page)).sort()).toEqual([...expected].sort());
    await page.close();
  });

  it('does nothing at all on any other site', async () => {
    const other = await openPage(session, OTHER_SITE);
    // Control instead of a sleep: a forum page opened after it is marked, so content scripts
    // have had their turn; then the other page's pending idle work has run too.
    const control = await lessWrong();
    await other.bringToFront();
    await idle(other);
    const state = await other.evaluate((tag) => ({
      highlights: [...CSS.highlights.keys()],
      hosts: document.querySelectorAll(tag).length,
    }), CARD_HOST);
    expect(state).toEqual({ highlights: [], hosts: 0 });
    await Promise.all([other.close(), control.close()]);
  });

  it('makes no network request (pages asked only for themselves; nothing else tried to go out)', () => {
    // Page requests that were not fixtures were refused and recorded (Firefox asks each site for
    // its favicon by itself); anything else, the extension's background included, went to the
    // refusing proxy.
    expect(session.refused.filter((url) => new URL(url).pathname !== '/favicon.ico')).toEqual([]);
    expect(session.proxied).toEqual([]);
  });
});
