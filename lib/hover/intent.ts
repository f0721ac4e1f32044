/**
 * Hover intent: a small state machine that decides when a card opens and closes.
 *
 *   idle ──enter mention──▶ dwelling ──SHOW_DELAY──▶ open ◀──enter card / back on mention──┐
 *     ▲                        │                       │                                   │
 *     └────leave mention───────┘                       └──leave mention or card──▶ leaving ─┘
 *                                                         (HIDE_DELAY, then hide → idle)
 *
 * Escape closes the card and keeps it closed while the pointer stays on that mention
 * (`dismissed`, WCAG 2.2 SC 1.4.13). A card opened from the keyboard or by a tap (`activate`)
 * shows at once and is `pinned`: it ignores pointer leaves until dismissed or another is opened.
 * Timers are injected so tests control time.
 */
import { HIDE_DELAY_MS, SHOW_DELAY_MS } from './timing';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type IntentState<T> =
  | { name: 'idle' }
  | { name: 'dwelling'; target: T }
  | { name: 'open'; target: T; pinned: boolean }
  | { name: 'leaving'; target: T }
  | { name: 'dismissed'; target: T };

export interface IntentCallbacks<T> {
  show(target: T, how: { focus: boolean }): void;
  hide(how: { returnFocus: boolean }): void;
}

export interface IntentOptions {
  showDelay?: number;
  hideDelay?: number;
  timers?: Timers;
  /** Two targets are the same mention (targets are recreated on each hit test). */
  same?: (a: unknown, b: unknown) => boolean;
}

export class HoverIntent<T> {
  state: IntentState<T> = { name: 'idle' };
  private timer: unknown = null;
  private readonly showDelay: number;
  private readonly hideDelay: number;
  private readonly timers: Timers;
  private readonly same: (a: unknown, b: unknown) => boolean;

  constructor(
    private readonly callbacks: IntentCallbacks<T>,
    options: IntentOptions = {},
  ) {
    this.showDelay = options.showDelay ?? SHOW_DELAY_MS;
    this.hideDelay = options.hideDelay ?? HIDE_DELAY_MS;
    this.timers = options.timers ?? globalThis;
    this.same = options.same ?? ((a, b) => a === b);
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private after(ms: number, fn: () => void): void {
    this.cancel();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      fn();
    }, ms);
  }

  private hideNow(returnFocus = false): void {
    this.cancel();
    const wasShown = this.state.name === 'open' || this.state.name === 'leaving';
    this.state = { name: 'idle' };
    if (wasShown) this.callbacks.hide({ returnFocus });
  }

  private isCurrent(target: T): boolean {
    return this.state.name !== 'idle' && this.same(this.state.target, target);
  }

  /** The pointer is over a mention. */
  enterMention(target: T): void {
    const s = this.state;
    if (this.isCurrent(target)) {
      if (s.name === 'leaving') {
        this.cancel();
        this.state = { name: 'open', target: s.target, pinned: false };
      }
      return; // dwelling, open or dismissed on this very mention: nothing changes
    }
    if (s.name === 'open' && s.pinned) return; // a pinned card stays until dismissed
    if (s.name === 'open' || s.name === 'leaving') this.hideNow();
    this.state = { name: 'dwelling', target };
    this.after(this.showDelay, () => {
      if (this.state.name !== 'dwelling') return;
      this.state = { name: 'open', target, pinned: false };
      this.callbacks.show(target, { focus: false });
    });
  }

  /** The pointer left the mention (to plain text, elsewhere, or off the page). */
  leaveMention(): void {
    const s = this.state;
    if (s.name === 'dwelling' || s.name === 'dismissed') {
      this.cancel();
      this.state = { name: 'idle' };
    } else if (s.name === 'open' && !s.pinned) {
      this.state = { name: 'leaving', target: s.target };
      this.after(this.hideDelay, () => this.hideNow());
    }
  }

  enterCard(): void {
    const s = this.state;
    if (s.name === 'leaving') {
      this.cancel();
      this.state = { name: 'open', target: s.target, pinned: false };
    }
  }

  leaveCard(): void {
    this.leaveMention();
  }

  /** Open at once, focused (keyboard command) or not (tap). */
  activate(target: T, how: { focus: boolean }): void {
    this.cancel();
    const wasShown = this.state.name === 'open' || this.state.name === 'leaving';
    if (wasShown && this.isCurrent(target)) {
      this.state = { name: 'open', target, pinned: true };
      if (how.focus) this.callbacks.show(target, how);
      return;
    }
    if (wasShown) this.callbacks.hide({ returnFocus: false });
    this.state = { name: 'open', target, pinned: true };
    this.callbacks.show(target, how);
  }

  /** Keyboard focus moved into the card: keep it while the reader works in it. */
  pin(): void {
    const s = this.state;
    if (s.name === 'open' || s.name === 'leaving') {
      this.cancel();
      this.state = { name: 'open', target: s.target, pinned: true };
    }
  }

  /** Escape: close, and stay closed while the pointer rests on the same mention. */
  dismiss(): void {
    const s = this.state;
    if (s.name === 'idle' || s.name === 'dismissed') return;
    const target = s.target;
    const returnFocus = s.name === 'open' && s.pinned;
    this.hideNow(returnFocus);
    this.state = { name: 'dismissed', target };
  }

  /** Close without ceremony (a tap elsewhere, navigation, the extension turned off). */
  close(): void {
    this.hideNow();
  }
}
