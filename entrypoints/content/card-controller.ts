/**
 * Joins hover intent (when) to the card host (where and what): features report pointer and
 * keyboard events here; this decides, through the state machine, when the card shows and hides.
 */
import { browser } from 'wxt/browser';
import { OPEN_COMPARE_MESSAGE, PROGRAM_MESSAGE, type ProgramReply } from '../../lib/messages';
import { HoverIntent } from '../../lib/hover/intent';
import { toRange, isIntact, type MentionRef } from '../../lib/dom/scan';
import type { Settings } from '../../lib/settings';
import { LOAD_CARD_UI_MESSAGE, loadedCardUi } from '../../lib/card-ui-bridge';
import type { CardHost } from './card-host';

/** Must equal card-host.tsx's HOST_TAG (not imported: that module is not in this bundle). */
export const HOST_TAG = 'programs-lens-card';

export interface CardTarget {
  ref: MentionRef;
  /** Which line box of the mention to anchor to (wrapped mentions have several). */
  line: number;
}

export interface CardActions {
  turnOffSite?: () => void;
  siteLabel?: string;
}

/** The card UI, injected by the background on first need (once per page). */
let cardUi: Promise<boolean> | null = null;
function loadCardUi(): Promise<boolean> {
  if (loadedCardUi()) return Promise.resolve(true);
  cardUi ??= browser.runtime
    .sendMessage({ type: LOAD_CARD_UI_MESSAGE })
    .then(() => !!loadedCardUi())
    .catch(() => false)
    .then((ok) => {
      if (!ok) cardUi = null;
      return ok;
    });
  return cardUi;
}

/** Card data, asked from the background once per program and page. */
const replies = new Map<string, Promise<ProgramReply | null>>();
function programData(id: string): Promise<ProgramReply | null> {
  let reply = replies.get(id);
  if (!reply) {
    reply = browser.runtime
      .sendMessage({ type: PROGRAM_MESSAGE, id })
      .then((r) => (r && typeof r === 'object' ? (r as ProgramReply) : null))
      .catch(() => null);
    reply.then((r) => r || replies.delete(id));
    replies.set(id, reply);
  }
  return reply;
}

export class CardController {
  private hostInstance: CardHost | null = null;
  private readonly intent: HoverIntent<CardTarget>;
  private actions: CardActions = {};
  private readonly visibilityListeners = new Set<(open: boolean) => void>();
  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.intent.state.name !== 'idle' && this.intent.state.name !== 'dismissed') {
      this.intent.dismiss();
    }
  };

  constructor(
    private readonly doc: Document,
    settings: Settings,
  ) {
    this.intent = new HoverIntent<CardTarget>(
      {
        show: (target, how) => this.render(target, how),
        hide: (how) => {
          this.hostInstance?.hide(how);
          for (const l of this.visibilityListeners) l(false);
          this.doc.removeEventListener('keydown', this.onKeyDown, true);
        },
      },
      { showDelay: settings.cardDelayMs, same: (a, b) => (a as CardTarget).ref === (b as CardTarget).ref },
    );
  }

  setActions(actions: CardActions): void {
    this.actions = actions;
  }

  private get host(): CardHost | null {
    if (this.hostInstance) return this.hostInstance;
    const ui = loadedCardUi();
    if (!ui) return null;
    this.hostInstance = ui.createCardHost(this.doc, {
      onPointerEnter: () => this.intent.enterCard(),
      onPointerLeave: () => this.intent.leaveCard(),
      onFocusIn: () => this.intent.pin(),
    });
    return this.hostInstance;
  }

  private render(target: CardTarget, how: { focus: boolean }): void {
    // Usually already here: both are asked for when the pointer starts to dwell.
    void Promise.all([programData(target.ref.program), loadCardUi()]).then(([reply]) => {
      const s = this.intent.state;
      if ((s.name !== 'open' && s.name !== 'leaving') || s.target !== target) return;
      if (!reply || !isIntact(target.ref)) return this.intent.close();
      this.renderWith(target, reply, how);
    });
  }

  private renderWith(target: CardTarget, reply: ProgramReply, how: { focus: boolean }): void {
    const { ref, line } = target;
    const host = this.host;
    if (!host) return this.intent.close();
    host.show(
      {
        program: reply.program,
        now: Date.now(),
        repository: reply.repository,
        onOpenCompare: () => void browser.runtime.sendMessage({ type: OPEN_COMPARE_MESSAGE, id: reply.program.id }).catch(() => undefined),
        onClose: () => this.intent.dismiss(),
        onTurnOffSite: this.actions.turnOffSite,
        siteLabel: this.actions.siteLabel,
      },
      {
        rect: () => {
          const rects = isIntact(ref) ? toRange(ref).getClientRects() : [];
          return rects[Math.min(line, rects.length - 1)] ?? new DOMRect();
        },
        context: ref.body,
      },
      how,
    );
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    for (const l of this.visibilityListeners) l(true);
  }

  /** Called with true when a card shows, false when it hides. */
  onVisibilityChange(listener: (open: boolean) => void): () => void {
    this.visibilityListeners.add(listener);
    return () => this.visibilityListeners.delete(listener);
  }

  hover(target: CardTarget | null): void {
    if (target) {
      void programData(target.ref.program);
      void loadCardUi();
      this.intent.enterMention(target);
    }
    else this.intent.leaveMention();
  }

  activate(target: CardTarget, how: { focus: boolean }): void {
    this.intent.activate(target, how);
  }

  close(): void {
    this.intent.close();
  }

  get current(): MentionRef | null {
    const s = this.intent.state;
    return s.name === 'open' || s.name === 'leaving' ? s.target.ref : null;
  }

  get isOpen(): boolean {
    return this.hostInstance?.visible ?? false;
  }

  /** Whether an event came from inside our card (events from a shadow root target its host). */
  ownsEvent(e: Event): boolean {
    return e.target instanceof Element && this.owns(e.target);
  }

  /** Whether `node` is (inside) our card's host element. */
  owns(node: Node): boolean {
    return node instanceof Element && node.localName === HOST_TAG;
  }

  destroy(): void {
    this.intent.close();
    this.hostInstance?.destroy();
    this.hostInstance = null;
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
  }
}
