/** Variants of reading body text, timed in a page (bench/profile.ts). */
import { readBodyText } from '../lib/dom/text';
import { BLOCK_TAGS, NEVER_SCAN_SELECTOR, SITES, scannedSelector } from '../lib/sites';

const site = SITES.find((s) => s.id === 'lesswrong')!;
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return Math.round((performance.now() - t0) * 10) / 10;
};
(window as unknown as Record<string, unknown>).__profileRead = () => {
  const bodies = [...document.querySelectorAll(scannedSelector(site))];
  const out: Record<string, number> = {};
  out.floor = time(() => {
    let n = 0;
    for (const b of bodies) {
      const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      for (let x = w.nextNode(); x; x = w.nextNode()) n += (x as Text).data.length;
    }
  });
  out.textContent = time(() => {
    let n = 0;
    for (const b of bodies) n += b.textContent!.length;
  });
  out.querySelectorSkip = time(() => {
    for (const b of bodies) b.querySelector('textarea, input, code, pre, [contenteditable]');
  });
  out.readBodyText = time(() => {
    for (const b of bodies) readBodyText(b).text.charCodeAt(0);
  });
  out.walkConcat = time(() => {
    for (const b of bodies) {
      const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      let t = '';
      const nodes: Node[] = [];
      const starts: number[] = [];
      for (let x = w.nextNode(); x; x = w.nextNode()) {
        nodes.push(x);
        starts.push(t.length);
        t += (x as Text).data;
      }
      t.charCodeAt(0);
    }
  });
  out.neverScanQuery = time(() => {
    for (const b of bodies) b.querySelector(NEVER_SCAN_SELECTOR);
  });
  out.walkLineOf = time(() => {
    for (const b of bodies) {
      const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      let lastParent: Node | null = null;
      let c = 0;
      for (let x = w.nextNode(); x; x = w.nextNode()) {
        const parent = x.parentNode;
        if (parent !== lastParent) {
          let el = x.parentElement;
          while (el && el !== b && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
          if (el) c++;
          lastParent = parent;
        }
      }
    }
  });
  out.walkBrCheck = time(() => {
    for (const b of bodies) {
      const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      let c = 0;
      for (let x = w.nextNode(); x; x = w.nextNode()) if (x.previousSibling?.nodeName === 'BR') c++;
    }
  });
  out.walkParents = time(() => {
    for (const b of bodies) {
      const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      let last: Node | null = null;
      let c = 0;
      for (let x = w.nextNode(); x; x = w.nextNode()) {
        if (x.parentNode !== last) c++;
        last = x.parentNode;
      }
    }
  });
  return out;
};
