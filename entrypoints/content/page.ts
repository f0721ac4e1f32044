/**
 * The content script's session on one page: the dataset and matcher, the index of mentions, the
 * scanner that keeps it current, and the features. Nothing starts until a body is on the page,
 * and no element is added before the first card.
 */
import matcherData from 'virtual:matcher';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageIndex } from '../../lib/dom/page-index';
import { scanBodyWork, type MentionRef } from '../../lib/dom/scan';
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
  /** Scan these bodies again soon (idle time) if they were scanned or are near the screen. */
  rescan(bodies: Iterable<Element>): void;
  /** Scan every body on the page now (idle time), far from the screen or not; resolves when done. */
  scanEverything(): Promise<void>;
  /** Aborted when the session stops (turned off, or the extension reloaded). */
  signal: AbortSignal;
}

export class PageSession {
  private readonly abort = new AbortController();
  private readonly cleanups: (() => void)[] = [];
  readonly page: Page;
  private readonly queue: IdleQueue<Element>;
  private readonly bodySelector: string;
  /** Bodies scanned at least once (a change to one is rescanned at once). */
  private readonly scanned = new WeakSet<Element>();
  /** Bodies not scanned yet, waiting to come near the screen. */
  private readonly waiting = new Set<Element>();
  /**
   * Bodies are scanned when they come within two screens of the viewport, not at load: a reader of
   * a 2,000-comment thread sees a few dozen of them, and the page should pay for those.
   */
  private readonly nearScreen: IntersectionObserver;

  constructor(ctx: ContentScriptContext, site: SiteConfig, settings: Settings) {
    const matcher = createMatcher(matcherData);
    const index = new PageIndex();
    const scanned = this.scanned;
    this.bodySelector = scannedSelector(site);
    /** What the scan found, kept: not inside the site's own previews, and only if still on the page. */
    const keep = (body: Element, found: MentionRef[]) => {
      // Inside the site's own preview links (posts, tags, users, glossary terms) the site shows
      // its card, so the name is neither marked nor given one of ours. (A title links to its own
      // post, with no preview: titles keep their marks.)
      const refs = body.matches(site.titles) ? found : found.filter((r) => !r.startNode.parentElement?.closest(site.ownPreviews));
      // The body may have left the page while its scan was paused.
      if (body.isConnected) index.set(body, refs);
      scanned.add(body);
    };
    this.queue = new IdleQueue<Element>(
      (body) => {
        // After an update or reload of the extension, this script is orphaned: stop (ctx checks
        // and, finding itself invalid, runs the clean-up registered in index.ts).
        if (ctx.isInvalid) return;
        if (!body.isConnected) return index.delete(body);
        const context = () => unitContext(site, body);
        const work = scanBodyWork(body, matcher, context);
        if (Array.isArray(work)) return keep(body, work);
        // A very large body: read and matched in steps, across idle slices.
        return (function* () {
          keep(body, yield* work);
        })();
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
        for (const b of bodies) {
          if (this.scanned.has(b)) this.queue.add(b);
          else if (!this.waiting.has(b)) {
            this.waiting.add(b);
            this.nearScreen.observe(b);
          }
        }
      },
      scanEverything: () => {
        for (const b of this.waiting) this.queue.add(b);
        this.waiting.clear();
        this.nearScreen.disconnect();
        return this.queue.whenDrained();
      },
      signal: this.abort.signal,
    };
    this.nearScreen = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting || !this.waiting.delete(e.target)) continue;
          this.nearScreen.unobserve(e.target);
          this.queue.add(e.target);
        }
      },
      { rootMargin: '200% 0px 200% 0px' },
    );
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
    this.cleanups.push(() => this.nearScreen.disconnect());
  }

  /** Every body on the page, to be scanned as it comes near the screen (start, navigation). */
  scanAll(): void {
    this.page.index.prune();
    for (const b of this.waiting) {
      if (!b.isConnected) {
        this.waiting.delete(b);
        this.nearScreen.unobserve(b);
      }
    }
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

  /** Programs mentioned on the page, in order of first mention, with counts (scans it all). */
  async mentionCounts(): Promise<{ program: string; count: number }[]> {
    await this.page.scanEverything();
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
