/**
 * The extension end to end in Chromium: marks on the forums, the card on hover, the page's DOM
 * untouched, nothing on other sites, editors left alone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../scripts/paths';
import { CARD, launch, markCenter, markedTexts, openPage, waitForMarks, type Session } from './setup/chromium';
import { AF_POST, EA_POST, GW_POST, LW_POST, OTHER_SITE } from './setup/fixtures';

const SCREENSHOTS = join(projectRoot, 'docs/screenshots');

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function hover(page: Page, text: string, nth = 0) {
  const { x, y } = await markCenter(page, text, nth);
  await page.mouse.move(x, y, { steps: 2 });
}

describe('on LessWrong', () => {
  it('marks the mentions in the post and comments, and only them', async () => {
    const page = await openPage(session, LW_POST);
    await waitForMarks(page, 8);
    const marked = await markedTexts(page);
    expect(marked.sort()).toEqual(
      ['AI Safety Camp', 'CAIS Philosophy Fellowship', 'MATS', 'MATS', 'MATS', 'PIBBSS', 'Refine', 'Refine', 'SPAR'].sort(),
    );
    await page.close();
  });

  it('shows the right card after the pointer rests on a mention', async () => {
    const page = await openPage(session, LW_POST);
    await waitForMarks(page, 8);
    await hover(page, 'PIBBSS');
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await expect(card.getAttribute('data-program')).resolves.toBe('pibbss');
    const text = await card.innerText();
    expect(text).toContain('PIBBSS');
    expect(text).toMatch(/Mentor-matched/);
    expect(await card.getAttribute('role')).toBe('dialog');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await hover(page, 'MATS');
    await page.locator(`${CARD}[data-program="mats"]`).waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'card-light.png') });
    await page.close();
  });

  it('leaves the page DOM exactly as the page made it (apart from the card host)', async () => {
    const bare = await launch({ extension: false });
    const plain = await openPage(bare, LW_POST);
    await plain.waitForTimeout(300);
    const expected = await plain.evaluate(() => document.documentElement.outerHTML);
    await bare.close();

    const page = await openPage(session, LW_POST);
    await waitForMarks(page, 8);
    await hover(page, 'MATS');
    await page.locator(CARD).waitFor({ timeout: 5000 });
    const actual = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as Element;
      clone.querySelectorAll('programs-lens-card').forEach((e) => e.remove());
      return clone.outerHTML;
    });
    expect(actual).toBe(expected);
    await page.close();
  });

  it('never touches a textarea, a contenteditable draft or code', async () => {
    const page = await openPage(session, LW_POST);
    await waitForMarks(page, 8);
    await page.locator('#draft-textarea').fill('');
    await page.locator('#draft-textarea').pressSequentially('I applied to MATS and SPAR');
    await page.locator('#draft-editor').click();
    await page.keyboard.type(' Also MATS.');
    await page.waitForTimeout(500);
    expect(await page.locator('#draft-textarea').inputValue()).toBe('I applied to MATS and SPAR');
    expect(await page.locator('#draft-editor').innerHTML()).toBe('<p>My draft mentions MATS and PIBBSS. Also MATS.</p>');
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
});

describe('on the other forums', () => {
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
});

describe('on any other site', () => {
  it('does nothing at all', async () => {
    const page = await openPage(session, OTHER_SITE);
    await page.waitForTimeout(1500);
    const state = await page.evaluate(() => ({
      highlights: [...CSS.highlights.keys()],
      hosts: document.querySelectorAll('programs-lens-card').length,
    }));
    expect(state).toEqual({ highlights: [], hosts: 0 });
    await page.close();
  });
});
