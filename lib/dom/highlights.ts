/**
 * Marks mentions with the CSS Custom Highlight API: no element is added and no text node split,
 * so React keeps its DOM. Only bodies on or near the screen get their ranges registered (an
 * IntersectionObserver watches the bodies that have mentions), which keeps the browser's paint
 * work proportional to what the reader can see. See docs/adr/0001-marking-mentions.md.
 *
 * The style rule lives in the content script's stylesheet (entrypoints/content/style.css),
 * scoped to the forums' body selectors.
 */
import type { PageIndex } from './page-index';
import { toStaticRange, type MentionRef } from './scan';

export const HIGHLIGHT_NAMES = {
  underline: 'programs-lens-underline',
  background: 'programs-lens-background',
} as const;
export type HighlightStyle = keyof typeof HIGHLIGHT_NAMES | 'none';

/** How far beyond the viewport bodies are marked ahead of scrolling. */
const NEAR_SCREEN = '100% 0px 100% 0px';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class MentionMarks {
  private readonly highlight: Highlight | null;
  private readonly shown = new Map<Element, AbstractRange[]>();
  /** Bodies with mentions that are on or near the screen now. */
  private readonly nearScreen = new Set<Element>();
  private readonly observer: IntersectionObserver | null;
  private readonly name: string | null;
  private readonly firstOnly: boolean;
  private readonly seenPrograms = new Map<string, MentionRef>();

  constructor(
    private readonly index: PageIndex,
    options: { style: HighlightStyle; firstMentionOnly?: boolean },
  ) {
    this.firstOnly = !!options.firstMentionOnly;
    this.name = options.style === 'none' || !highlightsSupported() ? null : HIGHLIGHT_NAMES[options.style];
    this.highlight = this.name ? new Highlight() : null;
    if (this.highlight && this.name) CSS.highlights.set(this.name, this.highlight);
    this.observer = this.highlight
      ? new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: NEAR_SCREEN })
      : null;
  }

  /** Called by the index when a body's mentions change. */
  update(body: Element, added: readonly MentionRef[], removed: readonly MentionRef[]): void {
    if (!this.observer) return;
    if (removed.length > 0) this.unmark(body);
    if (added.length === 0) {
      this.observer.unobserve(body);
      this.nearScreen.delete(body);
    } else if (this.nearScreen.has(body)) {
      this.mark(body); // re-rendered while on screen: observing again would report nothing new
    } else {
      this.observer.observe(body);
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (e.isIntersecting) {
        this.nearScreen.add(e.target);
        this.mark(e.target);
      } else {
        // Bodies that scroll away keep their marks: unmarking costs as much as marking again.
        this.nearScreen.delete(e.target);
      }
    }
  }

  private mark(body: Element): void {
    if (!this.highlight || this.shown.has(body)) return;
    let refs = this.index.mentionsOf(body);
    if (this.firstOnly) refs = refs.filter((r) => this.isFirstOfProgram(r));
    const ranges = refs.map(toStaticRange);
    for (const r of ranges) this.highlight.add(r);
    this.shown.set(body, ranges);
  }

  private isFirstOfProgram(ref: MentionRef): boolean {
    const first = this.seenPrograms.get(ref.program);
    if (!first || !first.body.isConnected) {
      this.seenPrograms.set(ref.program, ref);
      return true;
    }
    return first === ref;
  }

  private unmark(body: Element): void {
    const ranges = this.shown.get(body);
    if (!ranges || !this.highlight) return;
    for (const r of ranges) this.highlight.delete(r);
    this.shown.delete(body);
  }

  destroy(): void {
    this.observer?.disconnect();
    this.nearScreen.clear();
    this.highlight?.clear();
    if (this.name) CSS.highlights.delete(this.name);
    this.shown.clear();
  }
}
