/**
 * The content script's session on one page: the dataset and matcher, the index of mentions, the
 * scanner that keeps it current, and the features. Nothing starts until a body is on the page,
 * and no element is added before the first card.
 */
import matcherData from 'virtual:matcher';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageIndex } from '../../lib/dom/page-index';
import { scanBodySteps } from '../../lib/dom/scan';
import { IdleQueue } from '../../lib/dom/idle';
import { createMatcher } from '../../lib/match/match';
import type { Settings } from '../../lib/settings';
import { scannedSelector, unitContext, type SiteConfig } from '../../lib/sites';
import { CardController } from './card-controller';
import { FEATURES } from './features';

/** User Timing name of the content script's scanning slices. */
export const SCAN_MEASURE = 'programs-lens:scan';

export interface Page {
  ctx: ContentScriptContext;
  doc: Document;
  site: SiteConfig;
  settings: Settings;
  index: PageIndex;
  card: CardController;
  /** Scan these bodies again soon (idle time). */
  rescan(bodies: Iterable<Element>): void;
  /** Aborted when the session stops (turned off, or the extension reloaded). */
  signal: AbortSignal;
}

export class PageSession {
  private readonly abort = new AbortController();
  private readonly cleanups: (() => void)[] = [];
  readonly page: Page;
  private readonly queue: IdleQueue<Element>;
  private readonly bodySelector: string;

  constructor(ctx: ContentScriptContext, site: SiteConfig, settings: Settings) {
    const matcher = createMatcher(matcherData);
    const index = new PageIndex();
    this.bodySelector = scannedSelector(site);
    this.queue = new IdleQueue<Element>(
      function* (body) {
        // After an update or reload of the extension, this script is orphaned: stop (ctx checks
        // and, finding itself invalid, runs the clean-up registered in index.ts).
        if (ctx.isInvalid) return;
        if (!body.isConnected) return index.delete(body);
        const found = yield* scanBodySteps(body, matcher, () => unitContext(site, body));
        // Inside the site's own preview links (posts, tags, users, glossary terms) the site shows
        // its card, so the name is neither marked nor given one of ours. (A title links to its
        // own post, with no preview: titles keep their marks.)
        const isTitle = body.matches(site.titles);
        const refs = isTitle ? found : found.filter((r) => !r.startNode.parentElement?.closest(site.ownPreviews));
        // The body may have left the page while its scan was paused.
        if (body.isConnected) index.set(body, refs);
      },
      undefined,
      undefined,
      // Each slice of scanning shows in the browser's performance timeline (DevTools, and the
      // benchmark reads them): what the extension costs the page is never a guess.
      (start, end, bodies) => {
        performance.measure(SCAN_MEASURE, { start, end, detail: { bodies } });
      },
    );
    const doc = document;
    this.page = {
      ctx,
      doc,
      site,
      settings,
      index,
      card: new CardController(doc, settings),
      rescan: (bodies) => {
        for (const b of bodies) this.queue.add(b);
      },
      signal: this.abort.signal,
    };
  }

  start(): void {
    const { page } = this;
    for (const feature of FEATURES) {
      try {
        const cleanup = feature.init(page);
        if (cleanup) this.cleanups.push(cleanup);
      } catch (e) {
        // One feature failing must not take the others down.
        console.debug(`[programs-lens] feature ${feature.id} failed to start`, e);
      }
    }
    this.scanAll();
    this.watch();
  }

  /** Queue every body on the page (start, and after client-side navigation). */
  scanAll(): void {
    this.page.index.prune();
    this.page.rescan(this.page.doc.querySelectorAll(this.bodySelector));
  }

  private watch(): void {
    const { doc, ctx, card } = this.page;
    const selector = this.bodySelector;
    const observer = new MutationObserver((records) => {
      if (ctx.isInvalid) return;
      const changed = new Set<Element>();
      let removed = false;
      for (const r of records) {
        const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
        if (!target || card.owns(target)) continue;
        const body = target.closest(selector);
        if (body) changed.add(body);
        if (r.type === 'childList') {
          if (r.removedNodes.length > 0) removed = true;
          for (const n of r.addedNodes) {
            if (n.nodeType !== 1) continue;
            const el = n as Element;
            if (!body && el.matches(selector)) changed.add(el);
            else if (!body) for (const inner of el.querySelectorAll(selector)) changed.add(inner);
          }
        }
      }
      if (removed) this.page.index.prune();
      this.page.rescan(changed);
    });
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.cleanups.push(() => observer.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      card.close();
      this.scanAll();
    });
  }

  /** Programs mentioned on the page, in order of first mention, with counts. */
  mentionCounts(): { program: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const ref of this.page.index.all()) counts.set(ref.program, (counts.get(ref.program) ?? 0) + 1);
    return [...counts].map(([program, count]) => ({ program, count }));
  }

  stop(): void {
    this.abort.abort();
    this.queue.stop();
    for (const c of this.cleanups.splice(0)) {
      try {
        c();
      } catch {
        /* keep stopping the rest */
      }
    }
    this.page.card.destroy();
    this.page.index.clear();
  }
}
