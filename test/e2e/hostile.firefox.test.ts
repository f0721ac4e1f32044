/**
 * Hostile and odd pages in Firefox ESR (MV3 build): the same pages as hostile.chromium.test.ts.
 * No exception, no scanning slice over 50 ms (Firefox has no trace to read: the extension's own
 * User Timing slices are the measure), no change to the page, and the mentions still marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_URLS, hostilePages } from '../fixtures/hostile';
import { launchFirefox, markedTexts, openPage, waitForMarks, type FirefoxSession } from './setup/firefox';

const URLS = HOSTILE_URLS;
const pages = hostilePages();

let session: FirefoxSession;
let bare: FirefoxSession;
beforeAll(async () => {
  session = await launchFirefox('mv3', { pages });
  bare = await launchFirefox(null, { pages });
}, 120_000);
afterAll(async () => {
  await session?.close();
  await bare?.close();
});

/** The page's DOM (no card was opened, so no host of ours should be in it either). */
const DOM = `document.getElementsByTagName('programs-lens-card').length + ':' + document.documentElement.outerHTML`;

async function visit(url: string, expected: string[]) {
  const opened = await openPage(session, url);
  const errors: string[] = [];
  opened.on('pageerror', (e) => errors.push(String(e)));
  await waitForMarks(opened, expected.length);
  // Every slice done: the count of slices stops changing.
  await opened.waitForFunction(
    `new Promise((r) => { let n = -1; const t = () => { const m = performance.getEntriesByName('programs-lens:scan').length; if (m === n) r(true); else { n = m; setTimeout(t, 300); } }; t(); })`,
    { timeout: 60_000 },
  );
  const slices = (await opened.evaluate(
    `performance.getEntriesByName('programs-lens:scan').map((e) => e.duration)`,
  )) as number[];
  const marked = await markedTexts(opened);
  const dom = (await opened.evaluate(DOM)) as string;
  await opened.close();
  const plain = await openPage(bare, url);
  const plainDom = (await plain.evaluate(DOM)) as string;
  await plain.close();
  return { errors, longestSlice: Math.max(0, ...slices), marked, same: dom === plainDom };
}

describe('hostile pages in Firefox', () => {
  it.each([
    ['a single 10 MB text node', URLS.huge, ['MATS']],
    ['100,000 small text nodes', URLS.many, ['ARENA']],
    ['elements nested 5,000 deep', URLS.deep, ['MATS', 'Astra Fellowship']],
    ['iframes, shadow roots, RTL, emoji, combining marks, split names, broken prototypes', URLS.odd, ['AISC10', 'MATS', 'MATS', 'MATS', 'MATS', 'PIBBSS', 'SERI-MATS', 'SPAR']],
  ])('%s', async (_name, url, expected) => {
    const r = await visit(url, expected);
    console.log(`${url} (Firefox): longest scanning slice ${r.longestSlice.toFixed(1)} ms`);
    expect(r.errors).toEqual([]);
    expect(r.marked).toEqual(expect.arrayContaining(expected));
    expect(r.longestSlice).toBeLessThan(50);
    expect(r.same).toBe(true);
  }, 120_000);
});
