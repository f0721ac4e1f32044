/**
 * Functions the browser tests run inside the page (main world), shared by the Chromium
 * (playwright-core) and Firefox (puppeteer-core) harnesses: both pass one argument. They read the
 * document's highlight registry, which the content script fills. Self-contained: no helpers, no
 * named inner functions (the test runner's transpiler would add helpers the page lacks).
 */

/** The texts of the ranges of highlight `name`. */
export function markedTextsInPage(name: string): string[] {
  const h = CSS.highlights.get(name);
  if (!h) return [];
  return [...h].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

/** Centre of the `nth` range (in reading order) of highlight `name` whose text is `text`. */
export function markCenterInPage(a: { name: string; text: string; nth: number }): { x: number; y: number } | null {
  const h = CSS.highlights.get(a.name);
  if (!h) return null;
  const found: DOMRect[] = [];
  for (const r of h) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    if (range.toString() === a.text) found.push(range.getClientRects()[0]!);
  }
  found.sort((p, q) => p.top - q.top || p.left - q.left);
  const rect = found[a.nth];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}
