/**
 * The card's place in the page: one host element, created at the first card (never before), with
 * a shadow root holding the Preact card. Placement by @floating-ui/dom (flip, shift, size),
 * anchored to the line box of the mention under the pointer, following scroll and resize.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import cardCss from '../../components/card.css?inline';
import { Card, type CardProps } from '../../components/Card';
import { siteTheme } from '../../lib/dom/theme';

/** The card's host element name (card-controller.ts repeats it; a unit test keeps them equal). */
export const HOST_TAG = 'programs-lens-card';

export interface CardHostEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onFocusIn(): void;
}

export interface Anchor {
  /** The current viewport rectangle of the line to anchor to. */
  rect(): DOMRect;
  /** An element whose scrolling ancestors move the anchor. */
  context: Element;
}

export class CardHost {
  private host: HTMLElement | null = null;
  private layer: HTMLDivElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private returnFocusTo: HTMLElement | null = null;
  visible = false;

  constructor(
    private readonly doc: Document,
    private readonly events: CardHostEvents,
  ) {}

  private ensure(): HTMLDivElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    const host = this.doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    const layer = this.doc.createElement('div');
    layer.className = 'layer';
    layer.hidden = true;
    layer.addEventListener('pointerenter', () => this.events.onPointerEnter());
    layer.addEventListener('pointerleave', () => this.events.onPointerLeave());
    layer.addEventListener('focusin', () => this.events.onFocusIn());
    shadow.append(style, layer);
    // A child of <html>, outside <body>: React's root never sees it.
    this.doc.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    return layer;
  }

  show(props: CardProps, anchor: Anchor, how: { focus: boolean }): void {
    const layer = this.ensure();
    layer.dataset.theme = siteTheme(this.doc);
    render(<Card {...props} />, layer);
    layer.hidden = false;
    this.visible = true;
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.rect(),
      getClientRects: () => [anchor.rect()],
      contextElement: anchor.context,
    };
    const place = () => {
      void computePosition(reference, layer, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              layer.style.setProperty('--available-height', `${Math.max(120, availableHeight)}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, layer, place, { animationFrame: false, elementResize: false });
    if (how.focus) {
      const active = this.doc.activeElement;
      this.returnFocusTo = active instanceof HTMLElement && active !== this.host ? active : null;
      const dialog = layer.querySelector<HTMLElement>('[role="dialog"]');
      if (dialog) {
        dialog.tabIndex = -1;
        dialog.focus({ preventScroll: true });
      }
    }
  }

  hide(how: { returnFocus: boolean }): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (this.layer) {
      const hadFocus = this.host !== null && this.doc.activeElement === this.host;
      render(null, this.layer);
      this.layer.hidden = true;
      if (how.returnFocus || hadFocus) this.returnFocusTo?.focus({ preventScroll: true });
    }
    this.returnFocusTo = null;
    this.visible = false;
  }

  /** Whether an event target (seen from the page) is our card. */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** The dialog element, for tests and focus checks. */
  get hostElement(): HTMLElement | null {
    return this.host;
  }

  destroy(): void {
    this.hide({ returnFocus: false });
    this.host?.remove();
    this.host = null;
    this.layer = null;
  }
}
