/**
 * The card UI, injected on first use into the content script's isolated world (see
 * lib/card-ui-bridge.ts). Registers a factory; does nothing else.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_UI_GLOBAL, type CardUiModule } from '../lib/card-ui-bridge';
import { CardHost } from './content/card-host';

export default defineUnlistedScript(() => {
  const ui: CardUiModule = { createCardHost: (doc, events) => new CardHost(doc, events) };
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = ui;
});
