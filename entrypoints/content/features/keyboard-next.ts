/**
 * Moving between mentions without a pointer. The keyboard command (manifest `commands`, forwarded
 * by the background) goes to the next mention after the current or last one; the popup asks for
 * a program's first mention. Either way: scroll it into view and open its card, focus inside.
 */
import { browser } from 'wxt/browser';
import { isIntact, type MentionRef } from '../../../lib/dom/scan';
import { isMessage, NEXT_MENTION_MESSAGE, SCROLL_TO_MESSAGE } from '../../../lib/messages';
import type { Feature } from './index';

export const keyboardNext: Feature = {
  id: 'keyboard-next',
  init(page) {
    let last: MentionRef | null = null;
    const open = (ref: MentionRef) => {
      last = ref;
      ref.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      page.card.activate({ ref, line: 0 }, { focus: true });
    };
    const next = async () => {
      // The next mention may be in a body not scanned yet (far from the screen).
      await page.scanEverything();
      const all = page.index.all().filter(isIntact);
      if (all.length === 0) return;
      const from = page.card.current ?? last;
      const i = from ? all.indexOf(from) : -1;
      open(all[(i + 1) % all.length]!);
    };
    const onMessage = (message: unknown) => {
      if (isMessage(message, NEXT_MENTION_MESSAGE)) void next();
      else if (isMessage(message, SCROLL_TO_MESSAGE)) {
        const program = message.program;
        void page.scanEverything().then(() => {
          const ref = page.index.all().find((r) => r.program === program && isIntact(r));
          if (ref) open(ref);
        });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
};
