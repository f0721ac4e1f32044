/**
 * The card's UI (Preact, @floating-ui/dom, the card component and its styles) is not part of the
 * content script: most page views never open a card, so the page should not pay to load it.
 * On the first hover the content script asks the background to inject `card-ui.js` into its own
 * (isolated) world, where it registers itself under this global name.
 */
import type { CardHost, CardHostEvents } from '../entrypoints/content/card-host';

export const CARD_UI_GLOBAL = '__programsLensCardUi';
export const LOAD_CARD_UI_MESSAGE = 'programs-lens:load-card-ui';
export const CARD_UI_FILE = '/card-ui.js';

export interface CardUiModule {
  createCardHost(doc: Document, events: CardHostEvents): CardHost;
}

export function loadedCardUi(): CardUiModule | undefined {
  return (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] as CardUiModule | undefined;
}
