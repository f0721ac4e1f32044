/**
 * Runs inside a benchmark page (bundled by bench/run.ts): the three ways of doing the same job,
 * each timed the same way. The matcher data and mark.js are put on `window` before this runs.
 */
import { scanBody, toStaticRange } from '../lib/dom/scan';
import { locate, readBodyText } from '../lib/dom/text';
import { combinedPattern } from '../lib/match/build';
import { createMatcher } from '../lib/match/match';
import type { CompiledMatcher } from '../lib/match/types';
import { SITES, scannedSelector, unitContext } from '../lib/sites';

declare global {
  interface Window {
    __benchMatcher: CompiledMatcher;
    Mark: new (ctx: Element[] | NodeListOf<Element>) => { markRegExp(re: RegExp, opts?: object): void };
    __bench: Record<string, (...args: never[]) => Promise<Record<string, number>>>;
  }
}

const site = SITES.find((s) => s.id === 'lesswrong')!;
const selector = scannedSelector(site);

/** Time from `start` until the next frame is produced (work, style, layout and paint included). */
function nextFrame(start: number): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)),
  );
}

window.__bench = {
  /** The floor: a TreeWalker reading every text node of the content containers. */
  async floor() {
    const t0 = performance.now();
    let chars = 0;
    let nodes = 0;
    for (const body of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        chars += (n as Text).data.length;
        nodes++;
      }
    }
    const script = performance.now() - t0;
    return { script, frame: await nextFrame(t0), chars, nodes };
  },

  /** Our scan as the content script does it (every body, every range registered). */
  async ours() {
    const t0 = performance.now();
    const matcher = createMatcher(window.__benchMatcher);
    const highlight = new Highlight();
    CSS.highlights.set('programs-lens-underline', highlight);
    let mentions = 0;
    for (const body of document.querySelectorAll(selector)) {
      const context = () => unitContext(site, body);
      // The content script's own path (scanBody runs scanBodyWork to completion).
      for (const ref of scanBody(body, matcher, context)) {
        highlight.add(toStaticRange(ref));
        mentions++;
      }
    }
    const script = performance.now() - t0;
    return { script, frame: await nextFrame(t0), mentions };
  },

  /** The same as `ours`, with the time of each phase (for finding where it goes). */
  async oursPhases() {
    const now = () => performance.now();
    const t = { select: 0, read: 0, find: 0, ranges: 0 };
    let t0 = now();
    const matcher = createMatcher(window.__benchMatcher);
    const highlight = new Highlight();
    CSS.highlights.set('programs-lens-underline', highlight);
    const bodies = document.querySelectorAll(selector);
    t.select = now() - t0;
    for (const body of bodies) {
      t0 = now();
      const read = readBodyText(body);
      const t1 = now();
      const found = matcher.find(read.text);
      const t2 = now();
      for (const m of found) {
        const a = locate(read, m.start, false)!;
        const b = locate(read, m.end, true)!;
        highlight.add(new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }));
      }
      t.read += t1 - t0;
      t.find += t2 - t1;
      t.ranges += now() - t2;
    }
    return t;
  },

  /** mark.js's markRegExp with the same combined pattern (wraps each match in <mark>). */
  async markjs() {
    const t0 = performance.now();
    const re = combinedPattern(window.__benchMatcher);
    let mentions = 0;
    new window.Mark(document.querySelectorAll(selector)).markRegExp(re, {
      each: () => {
        mentions++;
      },
    });
    const script = performance.now() - t0;
    return { script, frame: await nextFrame(t0), mentions };
  },
};
